package io.mixai.dsp.master;

/** Test access to the meter's filter (package-private). */
final class OversampledPeakMeterTestAccess {

    private OversampledPeakMeterTestAccess() {
    }

    /** Phases 1 .. FACTOR-1 (phase 0 is the sample itself). */
    static double[][] phases() {
        return OversampledPeakMeter.interpolatingPhases();
    }
}
