/**
 * Dynamics processors: gain computed from the signal's level.
 *
 * <p>The {@code compressor} effect ({@link io.mixai.dsp.dynamics.CompressorProvider}) is a
 * feed-forward compressor after D. Giannoulis, M. Massberg and J. D. Reiss, "Digital Dynamic
 * Range Compressor Design — A Tutorial and Analysis", J. Audio Eng. Soc. 60(6), 2012: a static
 * curve with a quadratic soft knee ({@link io.mixai.dsp.dynamics.CompressorCurve}) and a smooth
 * branching peak detector applied to the gain reduction in the log domain. The {@code limiter}
 * lives here too.
 */
package io.mixai.dsp.dynamics;
