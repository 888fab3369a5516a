package io.mixai.dsp.master;

import io.mixai.dsp.dynamics.SecondDifferenceBound;
import io.mixai.dsp.spectral.DotProduct;
import io.mixai.dsp.spectral.KaiserWindow;

/**
 * A stricter true-peak check than the BS.1770-4 meter's 4x interpolation: 16x oversampling with
 * a 64-tap Kaiser-windowed sinc per phase (beta 9), each phase normalised to unit DC gain.
 *
 * <p>To stay cheap it skips, exactly, what cannot raise the result. Two upper bounds of every
 * interpolated point hold whatever the signal: {@code sum |c|} (the largest over the phases)
 * times the largest |x| its 64 taps read; and the straight line between its two neighbouring
 * samples plus what the second differences of the taps can add to it
 * ({@link SecondDifferenceBound}: tight for the smooth, mostly low-frequency content that loud
 * music is made of). Runs of {@value #RUN} points whose bound stays at or below the peak found
 * so far are not interpolated. The result is the same as interpolating every point (tested).
 * Streaming, block-size independent, allocation-free after construction.
 */
final class OversampledPeakMeter {

    static final int FACTOR = 16;
    private static final int TAPS = 64;
    private static final int HALF = TAPS / 2;
    private static final double BETA = 9.0;
    private static final double[][] PHASES = design();

    /** Points whose inputs are checked together before any is interpolated. */
    private static final int RUN = 16;
    /** Samples appended per pass. */
    private static final int CHUNK = 256;
    /** max over phases of sum |c|, with slack for rounding: |point| <= this x the largest |x| it reads. */
    private static final double GAIN_BOUND = DotProduct.largestAbsoluteSum(PHASES) * (1 + 1e-9);
    /** Every interpolating phase less the straight line between its two middle taps, on second differences. */
    private static final SecondDifferenceBound SMOOTH_BOUND = SecondDifferenceBound.forInterpolator(PHASES);

    /** Per channel: the last TAPS - 1 samples, then the current chunk. */
    private final double[][] line;
    private long written;
    private double peak;

    OversampledPeakMeter(int channels) {
        this.line = new double[channels][TAPS - 1 + CHUNK];
    }

    private static double[][] design() {
        double[][] phases = new double[FACTOR][TAPS];
        for (int p = 0; p < FACTOR; p++) {
            double frac = p / (double) FACTOR;
            double sum = 0;
            for (int k = 0; k < TAPS; k++) {
                double t = k - (HALF - 1) - frac; // time of tap k relative to the interpolated point
                double x = Math.PI * t;
                double sinc = Math.abs(t) < 1e-12 ? 1.0 : Math.sin(x) / x;
                double r = t / (HALF + 0.5);
                double w = Math.abs(r) >= 1 ? 0 : KaiserWindow.at(r, BETA);
                phases[p][k] = sinc * w;
                sum += phases[p][k];
            }
            for (int k = 0; k < TAPS; k++) {
                phases[p][k] /= sum;
            }
        }
        return phases;
    }

    /** Measures {@code frames} frames of planar audio from {@code offset}. */
    void process(float[][] block, int offset, int frames) {
        int done = 0;
        while (done < frames) {
            int n = Math.min(CHUNK, frames - done);
            // windows ending at samples written .. written + n - 1; the first TAPS - 1 of the stream end too early
            int firstWindow = (int) Math.max(0, Math.min(n, TAPS - 1 - written));
            for (int c = 0; c < line.length; c++) {
                double[] x = line[c];
                float[] in = block[c];
                for (int i = 0; i < n; i++) {
                    x[TAPS - 1 + i] = in[offset + done + i];
                }
                measureWindows(x, firstWindow, n);
                System.arraycopy(x, n, x, 0, TAPS - 1);
            }
            written += n;
            done += n;
        }
    }

    /** The windows x[i .. i + TAPS - 1] for i in [from, to): interpolates between their two middle samples. */
    private void measureWindows(double[] x, int from, int to) {
        for (int run = from; run < to; run += RUN) {
            int end = Math.min(to, run + RUN);
            // the taps of the run's windows are x[run .. end + TAPS - 2]
            double largest = 0;
            double curvature = 0;
            for (int k = run; k < end + TAPS - 1; k++) {
                largest = Math.max(largest, Math.abs(x[k]));
            }
            for (int k = run + 2; k < end + TAPS - 1; k++) {
                curvature = Math.max(curvature, Math.abs(x[k] - 2 * x[k - 1] + x[k - 2]));
            }
            double straight = 0;
            for (int i = run; i < end; i++) {
                straight = Math.max(straight, Math.max(Math.abs(x[i + HALF - 1]), Math.abs(x[i + HALF])));
            }
            double smooth = SMOOTH_BOUND.bound(curvature, largest);
            double bound = Math.min(largest * GAIN_BOUND, straight * (1 + 1e-9) + smooth);
            if (bound <= peak) {
                continue; // nothing in this run can exceed the peak so far (the samples themselves included)
            }
            for (int i = run; i < end; i++) {
                double neighbours = Math.max(Math.abs(x[i + HALF - 1]), Math.abs(x[i + HALF]));
                peak = Math.max(peak, neighbours);
                if (neighbours * (1 + 1e-9) + smooth <= peak) {
                    continue; // the same bound for this point alone
                }
                for (int p = 1; p < FACTOR; p++) {
                    peak = Math.max(peak, Math.abs(DotProduct.fourWay(PHASES[p], x, i)));
                }
            }
        }
    }


    /** Copies of the phases that interpolate (1 .. FACTOR - 1), for tests. */
    static double[][] interpolatingPhases() {
        double[][] copy = new double[FACTOR - 1][];
        for (int p = 1; p < FACTOR; p++) {
            copy[p - 1] = PHASES[p].clone();
        }
        return copy;
    }

    /** Feeds zeros so the last samples' neighbourhoods are interpolated too. */
    void finish() {
        float[][] zeros = new float[line.length][HALF];
        process(zeros, 0, HALF);
    }

    /** The largest interpolated magnitude, in dBTP (NaN for silence). */
    double peakDbtp() {
        return peak > 0 ? 20 * Math.log10(peak) : Double.NaN;
    }
}
