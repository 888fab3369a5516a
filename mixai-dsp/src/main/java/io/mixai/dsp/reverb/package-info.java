/**
 * Reverberation: an algorithmic feedback-delay-network reverb ({@code reverb}) and a uniformly
 * partitioned FFT convolution reverb ({@code convolution_reverb}).
 *
 * <p>Effects are normally reached through their {@link io.mixai.spi.EffectProvider} type ids;
 * {@link io.mixai.dsp.reverb.ConvolutionReverb} is public because an impulse response cannot be
 * expressed as a numeric parameter.
 */
package io.mixai.dsp.reverb;
