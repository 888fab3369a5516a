package io.mixai.dsp.effect;

/**
 * The one rule every effect applies at its edges: NaN, infinities and denormals never enter an
 * effect's state and never leave it.
 *
 * <p>Denormals are flushed by hand because Java has no flush-to-zero mode, and a decaying
 * filter or reverb tail that sinks into the denormal range can slow arithmetic down by two
 * orders of magnitude.
 */
public final class SafeSamples {

    /** Magnitudes below this (-600 dBFS) are flushed to zero. */
    public static final double FLOOR = 1e-30;

    private SafeSamples() {
    }

    /** An input sample fit to enter a processor's state: NaN and infinities become silence. */
    public static double fromInput(float x) {
        return Math.abs(x) <= Float.MAX_VALUE ? x : 0.0;
    }

    /**
     * A sample fit to write out: NaN becomes 0, infinities the largest float of their sign,
     * magnitudes below {@link #FLOOR} zero.
     */
    public static float toOutput(double y) {
        double m = Math.abs(y);
        if (m < FLOOR) {
            return 0f;
        }
        if (m <= Float.MAX_VALUE) {
            return (float) y;
        }
        return y > 0 ? Float.MAX_VALUE : y < 0 ? -Float.MAX_VALUE : 0f; // NaN compares false both ways
    }
}
