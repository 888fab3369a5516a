/**
 * Dynamics processors: gain computed from the signal's level.
 *
 * <p>The {@code compressor} effect ({@link io.mixai.dsp.dynamics.CompressorProvider}) is a
 * feed-forward compressor after D. Giannoulis, M. Massberg and J. D. Reiss, "Digital Dynamic
 * Range Compressor Design — A Tutorial and Analysis", J. Audio Eng. Soc. 60(6), 2012: a static
 * curve with a quadratic soft knee ({@link io.mixai.dsp.dynamics.CompressorCurve}) and a smooth
 * branching peak detector applied to the gain reduction in the log domain.
 *
 * <p>The {@code limiter} effect ({@link io.mixai.dsp.dynamics.TruePeakLimiterProvider}) is a
 * stereo-linked look-ahead brickwall limiter whose output true peak (ITU-R BS.1770-4 Annex 2)
 * stays under its ceiling: oversampled peak estimation, a gain built from a sliding minimum
 * and a sliding mean so it reaches each peak's gain before the peak, and a second, 16x stage
 * that checks the limited audio again.
 */
package io.mixai.dsp.dynamics;
