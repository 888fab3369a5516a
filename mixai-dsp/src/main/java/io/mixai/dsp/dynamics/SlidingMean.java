package io.mixai.dsp.dynamics;

import java.util.Arrays;

/**
 * The mean of the last {@code window} gains pushed (initially all 1.0). It returns exactly 1.0
 * whenever every gain in the window is exactly 1.0, so unprocessed audio stays bit-identical;
 * the running sum is recomputed once per window so rounding cannot drift.
 */
final class SlidingMean {

    private final int window;
    private final double[] values;
    private int position;
    private int belowUnity;
    private double sum;

    SlidingMean(int window) {
        this.window = window;
        this.values = new double[window];
        reset();
    }

    void reset() {
        Arrays.fill(values, 1.0);
        position = 0;
        belowUnity = 0;
        sum = window;
    }

    /** True when every gain in the window is exactly 1.0 (the mean is then exactly 1.0). */
    boolean isAllOnes() {
        return belowUnity == 0;
    }

    /** The same as {@code count} calls of {@code push(1.0)} when {@link #isAllOnes()}. */
    void pushOnes(int count) {
        position = (position + count) % window;
        sum = window;
    }

    double push(double gain) {
        double leaving = values[position];
        if (leaving != 1.0) {
            belowUnity--;
        }
        if (gain != 1.0) {
            belowUnity++;
        }
        values[position] = gain;
        sum += gain - leaving;
        position++;
        if (position == window) {
            position = 0;
            sum = 0;
            for (double v : values) {
                sum += v;
            }
        }
        if (belowUnity == 0) {
            sum = window;
            return 1.0;
        }
        return Math.min(1.0, sum / window);
    }
}
