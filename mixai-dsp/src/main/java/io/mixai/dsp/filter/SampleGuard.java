package io.mixai.dsp.filter;

/** Conversion of internal double samples to output floats that are never NaN, infinite or denormal. */
final class SampleGuard {

    private static final double FLOOR = 1e-30;

    private SampleGuard() {
    }

    static float toFloat(double v) {
        if (Math.abs(v) < FLOOR) {
            return 0f; // also flushes what would become a float denormal
        }
        if (!(Math.abs(v) <= Float.MAX_VALUE)) {
            return v != v ? 0f : (v > 0 ? Float.MAX_VALUE : -Float.MAX_VALUE);
        }
        return (float) v;
    }

    /** A float input sample with NaN and infinity replaced by silence. */
    static double fromFloat(float v) {
        return Math.abs(v) <= Float.MAX_VALUE ? v : 0.0;
    }
}
