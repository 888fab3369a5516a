/**
 * Mastering: the fluent {@link io.mixai.master.Mastering} API, its options ({@link io.mixai.master.Target},
 * {@link io.mixai.master.Preferences}, {@link io.mixai.master.MatchAmounts}) and results
 * ({@link io.mixai.master.MasteringResult}, {@link io.mixai.master.MasteringSettings},
 * {@link io.mixai.master.Measurements}, {@link io.mixai.master.MasteringReport}).
 *
 * <p>The work is done by a {@link io.mixai.master.MasteringEngine} found through
 * {@link java.util.ServiceLoader} (mixai-dsp provides one), in the manner of SLF4J's
 * api/provider split: this package cannot depend on the DSP module, and the engine reaches every
 * effect through the {@link io.mixai.spi.EffectRegistry} by type id, so whatever it applies is an
 * ordinary effect chain that can be saved as JSON and rendered again.
 */
package io.mixai.master;
