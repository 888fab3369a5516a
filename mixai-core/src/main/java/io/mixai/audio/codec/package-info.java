/**
 * Conversion between interleaved stored samples (bytes) and mixai's planar floats, and TPDF
 * dither. Internal to mixai-core (not exported): the WAV reader and writer and the
 * {@code javax.sound} bridge share it.
 *
 * <p>The integer convention is documented on {@link io.mixai.audio.SampleFormat}.
 */
package io.mixai.audio.codec;
