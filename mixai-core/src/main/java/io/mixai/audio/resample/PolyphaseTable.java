package io.mixai.audio.resample;

/**
 * The resampler's filter coefficients, precomputed per fractional phase.
 *
 * <p>Output sample {@code n} lies at input time {@code n·down/up = q + r/up} (integer part
 * {@code q}, phase numerator {@code r}). Its value is {@code Σ x[q − half + 1 + i] · c_r[i]} over
 * {@code i = 0 .. taps − 1}, with {@code c_r[i] = h(r/up + half − 1 − i)} and {@code h} the
 * {@link KaiserSincKernel}.
 *
 * <p>When {@code up} phases fit in {@link #MAX_EXACT_COEFFICIENTS} (44.1 ↔ 48 kHz needs 160),
 * every phase gets its own exact row. Otherwise (ratios such as 44100:48001) the table holds a
 * fine grid of phases and a row is interpolated linearly between its two neighbours. Linear
 * interpolation of a kernel tabulated {@code P} times per input sample mirrors the passband
 * into spurious components of relative level about {@code (f/P)²} for a tone at {@code f}
 * cycles per input sample (the spectrum of the piecewise-linear kernel is the tabulated one
 * times sinc²(f/P)); with {@code P = 1024 · min(1, out/in)} that is below −130 dB for every
 * passband frequency.
 */
final class PolyphaseTable {

    /** Largest exact table (coefficients) before switching to interpolated phases: 2 MiB. */
    static final int MAX_EXACT_COEFFICIENTS = 1 << 18;

    /** Interpolated-table phases per input sample when not downsampling. */
    static final int INTERPOLATED_PHASES = 1024;

    private final int up;
    private final int halfTaps;
    private final int taps;
    private final boolean exact;
    private final int tablePhases;
    private final double[][] rows;

    PolyphaseTable(int inputRate, int outputRate, int up) {
        this.up = up;
        KaiserSincKernel kernel = new KaiserSincKernel(inputRate, outputRate);
        // The taps q-half+1 .. q+half must cover [-halfWidth, halfWidth] around every phase in [0, 1).
        // Rounded to even so that taps = 2*half is a multiple of 4 for the unrolled dot product.
        int half = (int) Math.ceil(kernel.halfWidth()) + 1;
        if ((half & 1) != 0) {
            half++;
        }
        this.halfTaps = half;
        this.taps = 2 * half;
        this.exact = (long) up * taps <= MAX_EXACT_COEFFICIENTS;
        if (exact) {
            tablePhases = up;
            rows = new double[up][];
            for (int r = 0; r < up; r++) {
                rows[r] = row(kernel, r / (double) up);
            }
        } else {
            // The kernel is smoother (in input samples) when downsampling, so fewer phases suffice.
            double scale = Math.min(1.0, outputRate / (double) inputRate);
            tablePhases = Math.max(16, (int) Math.ceil(INTERPOLATED_PHASES * scale));
            rows = new double[tablePhases + 1][];
            for (int p = 0; p <= tablePhases; p++) {
                rows[p] = row(kernel, p / (double) tablePhases);
            }
        }
    }

    /** One row of coefficients for fractional position {@code phase} in [0, 1], summing to 1. */
    private double[] row(KaiserSincKernel kernel, double phase) {
        double[] c = new double[taps];
        double sum = 0.0;
        for (int i = 0; i < taps; i++) {
            c[i] = kernel.valueAt(phase + halfTaps - 1 - i);
            sum += c[i];
        }
        // Unit DC gain for every phase, so a constant input gives an exactly constant output
        // instead of one rippling at the stopband level.
        double scale = 1.0 / sum;
        for (int i = 0; i < taps; i++) {
            c[i] *= scale;
        }
        return c;
    }

    /**
     * The coefficients for phase numerator {@code r} (0 ≤ r &lt; up): a table row, or
     * {@code scratch} filled by interpolation. The caller must not modify the result.
     */
    double[] coefficients(int r, double[] scratch) {
        if (exact) {
            return rows[r];
        }
        long scaled = (long) r * tablePhases;
        int index = (int) (scaled / up);
        double fraction = (scaled - (long) index * up) / (double) up;
        double[] lower = rows[index];
        double[] upper = rows[index + 1];
        for (int i = 0; i < taps; i++) {
            scratch[i] = lower[i] + fraction * (upper[i] - lower[i]);
        }
        return scratch;
    }

    /** Taps either side of the output time: output at q + r/up reads x[q − half + 1 .. q + half]. */
    int halfTaps() {
        return halfTaps;
    }

    /** Coefficients per output sample (2 × halfTaps, a multiple of 4). */
    int taps() {
        return taps;
    }

    /** Whether every phase has its own exact row (true) or rows are interpolated (false). */
    boolean exact() {
        return exact;
    }

    /** Rows in the table. */
    int tablePhases() {
        return tablePhases;
    }
}
