package io.mixai.dsp.dynamics;

import io.mixai.dsp.spectral.DotProduct;
import io.mixai.dsp.spectral.KaiserWindow;

import java.util.Arrays;

/**
 * A conservative estimate of the true (inter-sample) peak of one channel, for the limiter.
 *
 * <p>The estimate for the interval {@code [n, n + 1)} is the sum of two parts:
 * <ol>
 *   <li>Polyphase interpolation in the manner of ITU-R BS.1770-4 Annex 2, with a longer
 *       filter: 8 or 16 phases of 48 taps of a Kaiser-windowed sinc (beta 7), each phase
 *       normalised to unit DC gain; the largest magnitude of {@code x[n]} and the interpolated
 *       points. Up to 0.45 fs every phase matches ideal band-limited interpolation within
 *       0.06 % (0.01 dB); 16 phases miss a sinusoidal peak by at most
 *       {@code 1 - cos(pi f / (16 fs))}, 0.04 dB at 0.45 fs.</li>
 *   <li>A guard for what no short filter can interpolate: content close to Nyquist, whose
 *       inter-sample excursions depend on samples far away (a windowed sinc's transition band
 *       sits right there). A 127-tap high-pass keeps only the band above about 0.47 fs, and the
 *       largest magnitude of that band within +-32 samples of {@code n} is added. Ordinary
 *       programme has next to nothing there and is estimated as above; full-band noise or
 *       edges get a proportionate safety margin; ultrasonic tones near Nyquist are
 *       overestimated (limited up to a few dB more than needed), never underestimated.</li>
 * </ol>
 * Samples are pushed in batches of up to {@link #MAX_BATCH}; after each batch {@link #estimate}
 * gives the estimates of the intervals {@link #DELAY} samples back, the newest whose inputs
 * (up to {@code n + DELAY}) have all arrived.
 *
 * <p>Cost: the limiter only asks which estimates reach its threshold, and needs the value only
 * for those. So a batch is first checked as a whole against upper bounds from two numbers per
 * cell of {@value #CELL} samples, kept as samples arrive: the largest |x| and the largest
 * |second difference| (see {@link SecondDifferenceBound}); programme away from the ceiling,
 * most of it, ends there at a few operations per sample. Where the bound reaches the threshold
 * the intervals are interpolated coarse to fine (the half-sample point, then the quarter-sample
 * points, and so on), stopping as soon as an upper bound of the finer result is below the
 * threshold: between points spaced {@code 1/k} of a sample, a signal band-limited to fs/2 can
 * rise above the largest point by at most the factor {@code 1/cos(pi/(2k))}. The guard band is
 * computed only when needed too, each value once. Every estimate at or above the threshold is
 * the full one, the same bits whatever the batches were, so the limiter's output does not
 * depend on how the host cut the audio into blocks.
 */
final class TruePeakEstimator {

    static final int TAPS = 48;
    private static final double INTERPOLATOR_BETA = 7.0;
    private static final int GUARD_TAPS = 127;
    private static final double GUARD_LOW_PASS_CUTOFF = 0.03; // modulated to Nyquist: keeps > ~0.47 fs
    private static final double GUARD_BETA = 8.0;
    private static final int GUARD_REACH = 32;
    private static final int GUARD_DELAY = (GUARD_TAPS - 1) / 2;
    /** Guard values in the +-GUARD_REACH window an estimate takes the largest of. */
    private static final int GUARD_WINDOW = 2 * GUARD_REACH + 1;
    /** Samples between pushing {@code x[n]} and getting the estimate for its interval. */
    static final int DELAY = Math.max(TAPS / 2, GUARD_DELAY + GUARD_REACH);
    /** The most samples one batch may push. */
    static final int MAX_BATCH = 64;
    /**
     * History ring (a power of two): an estimate reads DELAY samples either side of its centre,
     * a batch adds MAX_BATCH centres, and second differences look two samples further back.
     */
    private static final int HISTORY = 512;
    private static final int CELL_SHIFT = 5;
    private static final int CELL = 1 << CELL_SHIFT;
    /** Cells kept (a power of two): enough to cover 2 DELAY + MAX_BATCH + 2 samples and two partial cells. */
    private static final int CELLS = 16;
    /** Guard values cached (a power of two): a batch needs MAX_BATCH + 2 GUARD_REACH of them. */
    private static final int GUARD_RING = 256;

    private static final double[][] PHASES_8 = interpolator(8);
    private static final double[][] PHASES_16 = interpolator(16);
    private static final double[] GUARD = guardHighPass();

    /** Relative slack for rounding in {@link #interpolate}: 48 products and sums of doubles. */
    private static final double ROUNDING_SLACK = 1e-9;
    /**
     * sum |GUARD| (with the same slack for rounding): no guard value's magnitude exceeds this
     * times the largest |x| among the GUARD_TAPS samples it is computed from.
     */
    private static final double GUARD_GAIN_BOUND = absoluteSum(GUARD) * (1 + ROUNDING_SLACK);
    /** The guard filter rewritten on second differences: see {@link SecondDifferenceBound}. */
    private static final SecondDifferenceBound GUARD_SMOOTH_BOUND = new SecondDifferenceBound(GUARD, 0, 0);

    private final double[][] phases;
    /** max(1, max over phases of sum |c|): |interpolated point| <= this x the window's largest |x|. */
    private final double gainBound;
    /** The interpolation filters, less linear interpolation, on second differences. */
    private final SecondDifferenceBound smoothBound;
    /** spacingCosine[step] = cos(pi step / (2 factor)): the bound's divisor at a point spacing of step/factor. */
    private final double[] spacingCosine;

    /** The last HISTORY samples, twice over (history[i] == history[i + HISTORY]), so every window is contiguous. */
    private final double[] history = new double[2 * HISTORY];
    /** The index of the newest sample pushed since the reset (the first is 0; before it, silence). */
    private long newest;
    /** Per cell of CELL samples (by index >> CELL_SHIFT): the largest |x| and |second difference| so far. */
    private final double[] cellPeak = new double[CELLS];
    private final double[] cellCurvature = new double[CELLS];
    /** |guard value| of sample guardIndex[slot], cached by index & (GUARD_RING - 1). */
    private final double[] guardValue = new double[GUARD_RING];
    private final long[] guardIndex = new long[GUARD_RING];
    /** Scratch for {@link #exactGuards}: the batch's guard values, their block prefix and suffix maxima, the window maxima. */
    private final double[] guardSpan = new double[MAX_BATCH + GUARD_WINDOW - 1];
    private final double[] guardPrefix = new double[MAX_BATCH + GUARD_WINDOW - 1];
    private final double[] guardSuffix = new double[MAX_BATCH + GUARD_WINDOW - 1];
    private final double[] guardWindow = new double[MAX_BATCH];
    /** Whether guardWindow holds this batch's values yet. */
    private boolean guardWindowReady;
    /** The results of {@link #interpolatePair}. */
    private double pairFirst;
    private double pairSecond;

    /** An estimator interpolating {@code factor} (8 or 16) points per sample. */
    TruePeakEstimator(int factor) {
        if (factor == 8) {
            phases = PHASES_8;
        } else if (factor == 16) {
            phases = PHASES_16;
        } else {
            throw new IllegalArgumentException("oversampling factor must be 8 or 16, got " + factor);
        }
        gainBound = DotProduct.largestAbsoluteSum(phases) * (1 + ROUNDING_SLACK);
        smoothBound = SecondDifferenceBound.forInterpolator(phases);
        spacingCosine = new double[factor];
        for (int step = 1; step < factor; step++) {
            spacingCosine[step] = Math.cos(Math.PI * step / (2.0 * factor));
        }
        reset();
    }

    /** phases[j][i]: the point j/factor after x[n0], weighting x[n0 - TAPS/2 + 1 + i]. */
    private static double[][] interpolator(int factor) {
        double[][] c = new double[factor][TAPS];
        for (int j = 0; j < factor; j++) {
            double fraction = j / (double) factor;
            double sum = 0;
            for (int i = 0; i < TAPS; i++) {
                double t = fraction - (i - TAPS / 2 + 1);
                c[j][i] = sinc(t) * KaiserWindow.at(t / (TAPS / 2.0), INTERPOLATOR_BETA);
                sum += c[j][i];
            }
            for (int i = 0; i < TAPS; i++) {
                c[j][i] /= sum;
            }
        }
        return c;
    }

    /** A linear-phase high-pass around Nyquist: a windowed-sinc low-pass shifted up by fs/2. */
    private static double[] guardHighPass() {
        double[] h = new double[GUARD_TAPS];
        double sum = 0;
        for (int k = 0; k < GUARD_TAPS; k++) {
            int t = k - GUARD_DELAY;
            h[k] = 2 * GUARD_LOW_PASS_CUTOFF * sinc(2 * GUARD_LOW_PASS_CUTOFF * t)
                    * KaiserWindow.at(t / (double) GUARD_DELAY, GUARD_BETA);
            sum += h[k];
        }
        for (int k = 0; k < GUARD_TAPS; k++) {
            h[k] = h[k] / sum * (((k - GUARD_DELAY) & 1) == 0 ? 1 : -1);
        }
        return h;
    }

    private static double absoluteSum(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += Math.abs(v);
        }
        return sum;
    }

    private static double sinc(double t) {
        return t == 0 ? 1.0 : Math.sin(Math.PI * t) / (Math.PI * t);
    }

    void reset() {
        Arrays.fill(history, 0);
        Arrays.fill(cellPeak, 0);
        Arrays.fill(cellCurvature, 0);
        Arrays.fill(guardIndex, Long.MIN_VALUE);
        newest = -1;
    }

    /**
     * Appends {@code samples[0 .. count)} (finite), at most {@link #MAX_BATCH} between calls of
     * {@link #estimate}.
     */
    void push(double[] samples, int count) {
        long first = newest + 1;
        int p = (int) (first & (HISTORY - 1));
        // x[n-1] and x[n-2] for the first sample's second difference (the copy half covers p < 2)
        double previous = history[p + HISTORY - 1];
        double beforePrevious = history[p + HISTORY - 2];
        int head = Math.min(count, HISTORY - p);
        System.arraycopy(samples, 0, history, p, head);
        System.arraycopy(samples, 0, history, p + HISTORY, head);
        if (head < count) {
            System.arraycopy(samples, head, history, 0, count - head);
            System.arraycopy(samples, head, history, HISTORY, count - head);
        }
        int done = 0;
        while (done < count) {
            // one cell (or the part of it in this batch) at a time
            long index = first + done;
            int inCell = (int) (index & (CELL - 1));
            int end = done + Math.min(count - done, CELL - inCell);
            int cell = (int) ((index >> CELL_SHIFT) & (CELLS - 1));
            double peak = inCell == 0 ? 0 : cellPeak[cell];
            double curvature = inCell == 0 ? 0 : cellCurvature[cell];
            for (int i = done; i < end; i++) {
                double sample = samples[i];
                // x[n] - 2 x[n-1] + x[n-2]
                curvature = larger(curvature, Math.abs(sample - 2 * previous + beforePrevious));
                peak = larger(peak, Math.abs(sample));
                beforePrevious = previous;
                previous = sample;
            }
            cellPeak[cell] = peak;
            cellCurvature[cell] = curvature;
            done = end;
        }
        newest += count;
    }

    /**
     * For the last {@code count} intervals whose inputs have all arrived (centres
     * {@code newest - DELAY - count + 1 .. newest - DELAY}), raises {@code peaks[i]} to the
     * estimate of the i-th where that estimate is at least {@code threshold}; below it,
     * {@code peaks[i]} is left as it is. {@code count} is at most the samples pushed since the
     * last call.
     */
    void estimate(int count, double threshold, double[] peaks) {
        long lastCentre = newest - DELAY;
        long firstCentre = lastCentre - count + 1;
        // the whole batch first: bounds over every input its estimates read (cells: a superset)
        double interpolationPeak = cellMaximum(cellPeak, firstCentre - TAPS / 2 + 1, lastCentre + TAPS / 2);
        double interpolationCurvature = cellMaximum(cellCurvature, firstCentre - TAPS / 2 + 1, lastCentre + TAPS / 2);
        double interpolationBound = Math.min(gainBound * interpolationPeak,
                smoothBound.bound(interpolationCurvature, interpolationPeak) + interpolationPeak * (1 + ROUNDING_SLACK));
        double guardPeak = cellMaximum(cellPeak, firstCentre - DELAY, newest);
        double guardCurvature = cellMaximum(cellCurvature, firstCentre - DELAY, newest);
        double guardBound = Math.min(GUARD_GAIN_BOUND * guardPeak, GUARD_SMOOTH_BOUND.bound(guardCurvature, guardPeak));
        if (interpolationBound + guardBound < threshold) {
            return; // every estimate of the batch is below the threshold
        }
        int newestAt = (int) (newest & (HISTORY - 1)) + HISTORY; // history index of x[newest]
        guardWindowReady = false; // the batch's exact guard maxima are computed when first needed
        for (int i = 0; i < count; i++) {
            long centre = firstCentre + i;
            int centreAt = newestAt - (int) (newest - centre);
            double estimate = estimateAt(i, count, centre, centreAt, threshold, guardBound);
            if (estimate >= threshold && estimate > peaks[i]) {
                peaks[i] = estimate;
            }
        }
    }

    /**
     * The estimate for the interval starting at sample {@code centre} (history index
     * {@code centreAt}) if it is at least {@code threshold}, otherwise some value below it.
     */
    private double estimateAt(int i, int count, long centre, int centreAt, double threshold, double guardBound) {
        int start = centreAt - TAPS / 2 + 1;
        int factor = phases.length;
        // At every level the exit test is the one with the exact guard maxima: the batch's bound
        // of the guard is tried first only because it is free, and it can only exit where the
        // exact test would exit too. So where an interval is decided does not depend on how the
        // audio was cut into batches. The exact maxima are computed for the whole batch at once,
        // when the first interval needs them.
        double guard = guardBound;
        boolean exact = false;
        double peak = Math.abs(history[centreAt]);
        for (int step = factor / 2; step >= 1; step /= 2) {
            // the phases new at this spacing: the half-sample point first, then odd multiples of step
            if (step == factor / 2) {
                peak = larger(peak, Math.abs(interpolate(phases[step], start)));
            } else {
                // odd multiples of step, two at a time (their number is even)
                for (int j = step; j < factor; j += 4 * step) {
                    interpolatePair(phases[j], phases[j + 2 * step], start);
                    peak = larger(peak, larger(Math.abs(pairFirst), Math.abs(pairSecond)));
                }
            }
            double bound = step > 1 ? peak / spacingCosine[step] : peak;
            if (bound + guard < threshold) {
                return bound + guard;
            }
            if (!exact) {
                if (!guardWindowReady) {
                    exactGuards(centre - i, centreAt - i, count);
                }
                guard = guardWindow[i];
                exact = true;
                if (bound + guard < threshold) {
                    return bound + guard;
                }
            }
        }
        return peak + guard;
    }

    /**
     * Into guardWindow[0 .. count): for each of the batch's centres (the first is
     * {@code firstCentre}, at history index {@code firstAt}) the largest |guard value| of the
     * samples within GUARD_REACH of it. Each guard value is computed once (cached across
     * batches); the window maxima take three comparisons per value (van Herk / Gil-Werman, as
     * in {@link SlidingMinimum}).
     */
    private void exactGuards(long firstCentre, int firstAt, int count) {
        int span = count + GUARD_WINDOW - 1;
        for (int k = 0; k < span; k++) {
            long index = firstCentre - GUARD_REACH + k;
            int slot = (int) (index & (GUARD_RING - 1));
            if (guardIndex[slot] != index) {
                // the guard value of x[index] is computed from the GUARD_TAPS samples centred there
                guardValue[slot] = Math.abs(guardSum(firstAt - GUARD_REACH + k + GUARD_DELAY));
                guardIndex[slot] = index;
            }
            guardSpan[k] = guardValue[slot];
        }
        // blocks of GUARD_WINDOW values: prefix maxima left to right, suffix maxima right to left;
        // the window starting at k spans the suffix of k's block and the prefix up to k + W - 1
        for (int start = 0; start < span; start += GUARD_WINDOW) {
            int end = Math.min(span, start + GUARD_WINDOW);
            double running = 0;
            for (int k = start; k < end; k++) {
                running = larger(running, guardSpan[k]);
                guardPrefix[k] = running;
            }
            running = 0;
            for (int k = end - 1; k >= start; k--) {
                running = larger(running, guardSpan[k]);
                guardSuffix[k] = running;
            }
        }
        for (int k = 0; k < count; k++) {
            int last = k + GUARD_WINDOW - 1;
            guardWindow[k] = k % GUARD_WINDOW == 0 ? guardPrefix[last] : larger(guardSuffix[k], guardPrefix[last]);
        }
        guardWindowReady = true;
    }

    /** The largest of {@code values} over the cells holding samples {@code from .. to}. */
    private static double cellMaximum(double[] values, long from, long to) {
        double largest = 0;
        for (long cell = from >> CELL_SHIFT; cell <= to >> CELL_SHIFT; cell++) {
            largest = larger(largest, values[(int) (cell & (CELLS - 1))]);
        }
        return largest;
    }

    /** max for values known not to be NaN (cheaper than Math.max, which orders NaN and -0.0). */
    private static double larger(double a, double b) {
        return a >= b ? a : b;
    }

    /**
     * {@link #interpolate} of two phases in one pass (into pairFirst, pairSecond): each sample
     * is loaded once, and eight independent sums keep the adder busy. Each phase's sums run in
     * exactly the order of {@link #interpolate}, so the results are the same, bit for bit.
     */
    private void interpolatePair(double[] c, double[] d, int start) {
        double a0 = 0;
        double a1 = 0;
        double a2 = 0;
        double a3 = 0;
        double b0 = 0;
        double b1 = 0;
        double b2 = 0;
        double b3 = 0;
        for (int i = 0; i < TAPS; i += 4) {
            double x0 = history[start + i];
            double x1 = history[start + i + 1];
            double x2 = history[start + i + 2];
            double x3 = history[start + i + 3];
            a0 += c[i] * x0;
            a1 += c[i + 1] * x1;
            a2 += c[i + 2] * x2;
            a3 += c[i + 3] * x3;
            b0 += d[i] * x0;
            b1 += d[i + 1] * x1;
            b2 += d[i + 2] * x2;
            b3 += d[i + 3] * x3;
        }
        pairFirst = (a0 + a1) + (a2 + a3);
        pairSecond = (b0 + b1) + (b2 + b3);
    }

    private double interpolate(double[] c, int start) {
        return DotProduct.fourWay(c, history, start);
    }

    /** The near-Nyquist band's value computed from the GUARD_TAPS samples ending at history index {@code last}. */
    private double guardSum(int last) {
        // linear phase: fold the symmetric taps around the centre
        int oldest = last - GUARD_TAPS + 1;
        // four independent accumulators, as in interpolate(): one chain of 63 dependent additions
        // was the limiter's bottleneck; the summation order is still fixed (determinism)
        double s0 = GUARD[GUARD_DELAY] * history[oldest + GUARD_DELAY];
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int k = 0;
        for (; k + 3 < GUARD_DELAY; k += 4) {
            s0 += GUARD[k] * (history[oldest + k] + history[last - k]);
            s1 += GUARD[k + 1] * (history[oldest + k + 1] + history[last - k - 1]);
            s2 += GUARD[k + 2] * (history[oldest + k + 2] + history[last - k - 2]);
            s3 += GUARD[k + 3] * (history[oldest + k + 3] + history[last - k - 3]);
        }
        for (; k < GUARD_DELAY; k++) {
            s0 += GUARD[k] * (history[oldest + k] + history[last - k]);
        }
        return (s0 + s1) + (s2 + s3);
    }
}
