/**
 * Spatial effects: {@code pan} (constant-power stereo balance), {@code width} (mid/side) and
 * {@code multiband_width} (side level in three bands, the mid untouched).
 */
package io.mixai.dsp.spatial;
