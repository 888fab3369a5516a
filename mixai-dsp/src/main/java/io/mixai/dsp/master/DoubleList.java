package io.mixai.dsp.master;

import java.util.Arrays;

/** A growable array of doubles (for once-a-second or ten-times-a-second timelines). */
final class DoubleList {
    private double[] values = new double[64];
    private int size;

    void add(double v) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = v;
    }

    int size() {
        return size;
    }

    double[] toArray() {
        return Arrays.copyOf(values, size);
    }
}
