/**
 * Band-limited sample-rate conversion of mastering quality.
 *
 * <p>{@link io.mixai.audio.resample.Resampler} converts between any two integer rates from
 * 8 kHz to 384 kHz with a Kaiser-windowed sinc filter applied in polyphase form: the passband
 * is flat within ±0.1 dB up to 0.9 × the lower Nyquist frequency and aliasing and imaging
 * products stay below −100 dB. It streams (N planar channels, blocks of any size, bit-exact
 * whatever the block size), and {@link io.mixai.audio.resample.Resampler#resample(
 * io.mixai.audio.AudioBuffer, int)} converts a whole buffer in one call.
 */
package io.mixai.audio.resample;
