package io.mixai.dsp.filter;

import io.mixai.dsp.spectral.PartitionedFilter;

/**
 * Turns EQ settings into their linear-phase FIR, partitioned for convolution, on the thread that
 * sets the parameters: designing takes milliseconds (a dense magnitude grid, a large inverse FFT,
 * one FFT per partition), too long for the audio thread, which then only swaps in the result.
 * Not thread-safe: the owner serialises calls.
 */
final class LinearPhaseEqDesigner {

    private final int sampleRate;
    private final SvfCascade cascade;
    private final LinearPhaseFirDesigner firDesigner;
    private final int partition;
    private final double[] taps;
    private final EqBandType[] types = new EqBandType[EqSettings.BANDS];
    private final int[] sections = new int[EqSettings.BANDS];
    private final int[] activeSlots;

    LinearPhaseEqDesigner(int sampleRate, int partition) {
        this.sampleRate = sampleRate;
        this.cascade = new SvfCascade(ParametricEq.SLOTS, 1, 0);
        this.activeSlots = new int[ParametricEq.SLOTS];
        this.firDesigner = new LinearPhaseFirDesigner(sampleRate);
        this.taps = new double[firDesigner.length()];
        this.partition = partition;
        java.util.Arrays.fill(types, EqBandType.OFF);
    }

    int firLength() {
        return firDesigner.length();
    }

    /** The delay of the FIR's centre tap. */
    int firDelay() {
        return firDesigner.half();
    }

    /** The FIR for {@code settings}, partitioned for a {@link io.mixai.dsp.spectral.PartitionedConvolver}. */
    PartitionedFilter design(EqSettings settings) {
        ParametricEq.designSections(settings, sampleRate, cascade, types, sections, activeSlots);
        firDesigner.design(cascade, taps);
        return PartitionedFilter.of(taps, partition);
    }
}
