/** Spatial effects: {@code pan} (constant-power stereo balance) and {@code width} (mid/side). */
package io.mixai.dsp.spatial;
