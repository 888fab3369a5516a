/**
 * The default {@link io.mixai.master.MasteringEngine}: streaming analysis of the track and the
 * references, a plan expressed as an ordinary effect chain ({@code dc_blocker}, {@code eq},
 * {@code multiband_width}, {@code compressor}, {@code gain}, {@code limiter}, all reached through
 * the {@link io.mixai.spi.EffectRegistry} by type id), and renders that are measured and
 * re-run until the loudness is within tolerance. Memory stays bounded whatever the length:
 * nothing but blocks, meters and a few small per-second timelines are kept.
 */
package io.mixai.dsp.master;
