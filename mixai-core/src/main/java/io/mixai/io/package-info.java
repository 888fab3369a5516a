/**
 * File output helpers shared by every mixai writer (WAV, JSON, reports): output goes to a
 * temporary file next to the target and is moved into place atomically, so a reader never sees
 * a half-written file and a failed write leaves nothing behind.
 */
package io.mixai.io;
