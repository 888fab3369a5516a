/**
 * Dynamics processors: gain computed from the signal's level. Includes the {@code limiter}
 * (a look-ahead true-peak brickwall limiter) provided by
 * {@link io.mixai.dsp.dynamics.TruePeakLimiterProvider}.
 */
package io.mixai.dsp.dynamics;
