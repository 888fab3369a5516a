package io.mixai.dsp.dynamics;

/**
 * Estimates the true (inter-sample) peak of one channel by 8x polyphase interpolation, in the
 * manner of ITU-R BS.1770-4 Annex 2 but with a longer filter: 48 taps per phase,
 * Kaiser-windowed sinc (beta 7), each phase normalised to unit DC gain. Between DC and 0.45 fs
 * every phase matches ideal band-limited interpolation to within 0.06 % in amplitude (0.01 dB;
 * about 1 % at 0.46 fs); sampling the reconstruction at 8 points per sample misses a sinusoidal
 * peak by at most {@code 1 - cos(pi f / (8 fs))}, 0.14 dB at 0.45 fs. The limiter's margins cover
 * both.
 *
 * <p>Phase 0 of a windowed sinc is a unit impulse, so the sample itself is one of the points.
 * The estimate refers to the interval starting {@link #DELAY} samples before the newest input.
 */
final class TruePeakInterpolator {

    static final int FACTOR = 8;
    static final int TAPS = 48;
    /** Samples between the newest input and the start of the interval the estimate covers. */
    static final int DELAY = TAPS / 2;
    private static final double KAISER_BETA = 7.0;

    /** COEFFICIENTS[j][i]: phase j/8, applied to input x[n0 - TAPS/2 + 1 + i]. */
    private static final double[][] COEFFICIENTS = design();

    private final double[] history = new double[2 * TAPS];
    private int position;

    private static double[][] design() {
        double[][] c = new double[FACTOR][TAPS];
        double halfSpan = TAPS / 2.0;
        for (int j = 0; j < FACTOR; j++) {
            double fraction = j / (double) FACTOR;
            double sum = 0;
            for (int i = 0; i < TAPS; i++) {
                int m = i - TAPS / 2 + 1;
                double t = fraction - m;
                double u = t / halfSpan;
                double window = besselI0(KAISER_BETA * Math.sqrt(Math.max(0, 1 - u * u))) / besselI0(KAISER_BETA);
                c[j][i] = sinc(t) * window;
                sum += c[j][i];
            }
            for (int i = 0; i < TAPS; i++) {
                c[j][i] /= sum;
            }
        }
        return c;
    }

    private static double sinc(double t) {
        return t == 0 ? 1.0 : Math.sin(Math.PI * t) / (Math.PI * t);
    }

    /** Modified Bessel function of the first kind, order 0, by its power series. */
    private static double besselI0(double x) {
        double sum = 1;
        double term = 1;
        double quarterSquare = x * x / 4;
        for (int k = 1; k < 50; k++) {
            term *= quarterSquare / ((double) k * k);
            sum += term;
            if (term < sum * 1e-17) {
                break;
            }
        }
        return sum;
    }

    void reset() {
        java.util.Arrays.fill(history, 0);
        position = 0;
    }

    /**
     * Takes the next sample and returns the largest magnitude among the sample {@link #DELAY}
     * samples ago and the seven interpolated points after it.
     */
    double push(double sample) {
        history[position] = sample;
        history[position + TAPS] = sample;
        position++;
        if (position == TAPS) {
            position = 0;
        }
        // history[position .. position + TAPS - 1] is oldest .. newest
        int base = position;
        double peak = Math.abs(history[base + TAPS / 2 - 1]);
        for (int j = 1; j < FACTOR; j++) {
            double[] c = COEFFICIENTS[j];
            double acc = 0;
            for (int i = 0; i < TAPS; i++) {
                acc += c[i] * history[base + i];
            }
            peak = Math.max(peak, Math.abs(acc));
        }
        return peak;
    }
}
