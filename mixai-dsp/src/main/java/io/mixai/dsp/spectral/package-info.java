/**
 * Spectral building blocks: the {@link io.mixai.dsp.spectral.RealFft real FFT} every spectral
 * computation goes through, and uniformly partitioned FFT convolution of long FIR filters
 * ({@link io.mixai.dsp.spectral.PartitionedFilter}, {@link io.mixai.dsp.spectral.PartitionedConvolver})
 * shared by the linear-phase EQ and the convolution reverb.
 */
package io.mixai.dsp.spectral;
