/**
 * Dynamics processors. The {@code compressor} effect is a feed-forward compressor after
 * D. Giannoulis, M. Massberg and J. D. Reiss, "Digital Dynamic Range Compressor Design — A
 * Tutorial and Analysis", J. Audio Eng. Soc. 60(6), 2012: a static curve with a quadratic soft
 * knee, and a smooth branching peak detector applied to the gain reduction in the log domain.
 */
package io.mixai.dsp.dynamics;
