package io.mixai.dsp.reverb;

/** Keeps NaN, infinities and denormals out of the reverbs' state and output. */
final class Samples {

    private Samples() {
    }

    /** Replaces NaN and infinities by silence so a bad input sample cannot poison the state. */
    static float finiteOrZero(float x) {
        return Math.abs(x) <= Float.MAX_VALUE ? x : 0f;
    }

    /**
     * The sample as a float, or zero for anything that is not a normal float: below 1e-30
     * (denormals, rounding dust) or not finite (overflow of an extreme input).
     */
    static float flushDenormal(double y) {
        double magnitude = Math.abs(y);
        return magnitude >= 1e-30 && magnitude <= Float.MAX_VALUE ? (float) y : 0f;
    }
}
