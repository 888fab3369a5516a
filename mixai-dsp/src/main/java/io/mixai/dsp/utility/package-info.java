/**
 * Utility effects: {@code gain}, {@code polarity} and {@code dc_blocker}, each registered as an
 * {@link io.mixai.spi.EffectProvider}.
 */
package io.mixai.dsp.utility;
