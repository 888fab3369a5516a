package io.mixai.dsp.dynamics;

import java.util.Arrays;

/**
 * An upper bound of the largest of the last {@code window} non-negative values pushed, cheaper
 * than the exact {@link SlidingMinimum}: the maximum over whole blocks of {@value #BLOCK} values
 * that together cover the window (so up to {@code 2 BLOCK - 1} older values take part too). One
 * comparison per value, plus a few per block. Only for bounds, where a slightly larger value is
 * safe. Before any value is pushed the maximum is 0.
 */
final class BlockMaximum {

    static final int BLOCK = 16;

    /** The maxima of the most recent complete blocks, enough to cover the window. */
    private final double[] blockMaxima;
    private int blockPosition;
    private int filled;
    private double current;
    private double completed;

    BlockMaximum(int window) {
        if (window < 1) {
            throw new IllegalArgumentException("window must be at least 1, got " + window);
        }
        // the current block holds at least one value; complete blocks cover the other window - 1
        blockMaxima = new double[Math.max(1, (window - 1 + BLOCK - 1) / BLOCK)];
        reset();
    }

    void reset() {
        Arrays.fill(blockMaxima, 0);
        blockPosition = 0;
        filled = 0;
        current = 0;
        completed = 0;
    }

    /** Takes {@code value} (>= 0) and returns a bound of the largest of the last window values. */
    double push(double value) {
        current = Math.max(current, value);
        double bound = Math.max(current, completed);
        if (++filled == BLOCK) {
            blockMaxima[blockPosition] = current;
            blockPosition = blockPosition + 1 == blockMaxima.length ? 0 : blockPosition + 1;
            double m = 0;
            for (double b : blockMaxima) {
                m = Math.max(m, b);
            }
            completed = m;
            current = 0;
            filled = 0;
        }
        return bound;
    }
}
