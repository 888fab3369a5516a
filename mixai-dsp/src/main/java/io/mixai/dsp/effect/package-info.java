/**
 * Building blocks for effect implementations: {@link io.mixai.dsp.effect.AbstractEffect} (the
 * parameter snapshot, prepare/process/reset bookkeeping, output sanitising) and
 * {@link io.mixai.dsp.effect.LinearRamp} (per-sample parameter smoothing).
 */
package io.mixai.dsp.effect;
