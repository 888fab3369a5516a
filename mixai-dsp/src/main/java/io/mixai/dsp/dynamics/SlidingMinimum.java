package io.mixai.dsp.dynamics;

import java.util.Arrays;

/**
 * The minimum of the last {@code window} values pushed, in O(1) amortised time and no
 * allocation, by the van Herk / Gil-Werman scheme (M. van Herk, "A fast algorithm for local
 * minimum and maximum filters on rectangular and octagonal kernels", Pattern Recognition
 * Letters 13, 1992; J. Gil and M. Werman, IEEE PAMI 15, 1993): the stream is cut into blocks of
 * {@code window} values; the window ending at the newest value spans the tail of the previous
 * block, whose suffix minima are computed once when that block completes, and the head of the
 * current block, whose running minimum is kept. About three comparisons per value and, unlike a
 * monotonic queue, no data-dependent branches (which made the queue the limiter's hot spot).
 * Before {@code window} values have been pushed, the minimum is over those pushed so far.
 */
final class SlidingMinimum {

    private final int window;
    /** The current block's values, for its suffix minima once it is complete. */
    private final double[] block;
    /** suffix[i]: the minimum of the previous block's values i .. window-1 (+inf before the first block). */
    private final double[] suffix;
    private int position;
    private double prefix;
    /** Consecutive 1.0 values pushed last, up to the window. */
    private int onesInARow;

    SlidingMinimum(int window) {
        if (window < 1) {
            throw new IllegalArgumentException("window must be at least 1, got " + window);
        }
        this.window = window;
        this.block = new double[window];
        this.suffix = new double[window + 1];
        reset();
    }

    void reset() {
        Arrays.fill(suffix, Double.POSITIVE_INFINITY);
        position = 0;
        prefix = Double.POSITIVE_INFINITY;
        onesInARow = 0;
    }

    /** True when the last {@code window} values pushed were all exactly 1.0 (the minimum is 1.0). */
    boolean isAllOnes() {
        return onesInARow == window;
    }

    /**
     * The same as {@code count} calls of {@code push(1.0)} when {@link #isAllOnes()}, in O(1)
     * unless a block completes.
     */
    void pushOnes(int count) {
        if (!isAllOnes()) {
            throw new IllegalStateException("pushOnes needs a window of ones");
        }
        int end = position + count;
        if (end >= window) {
            // a block completed inside the streak of ones: all its suffix minima are 1.0
            Arrays.fill(suffix, 0, window, 1.0);
            Arrays.fill(block, 1.0);
            end %= window;
        } else {
            Arrays.fill(block, position, end, 1.0);
        }
        position = end;
        prefix = end == 0 ? Double.POSITIVE_INFINITY : 1.0;
    }

    double push(double value) {
        onesInARow = value == 1.0 ? Math.min(onesInARow + 1, window) : 0;
        block[position] = value;
        prefix = Math.min(prefix, value);
        // the window: the previous block's values after this position, and this block up to here
        double minimum = Math.min(suffix[position + 1], prefix);
        position++;
        if (position == window) {
            double m = Double.POSITIVE_INFINITY;
            for (int i = window - 1; i >= 0; i--) {
                m = Math.min(m, block[i]);
                suffix[i] = m;
            }
            // suffix[window] stays +inf: a full window lies in the current block alone
            position = 0;
            prefix = Double.POSITIVE_INFINITY;
        }
        return minimum;
    }
}
