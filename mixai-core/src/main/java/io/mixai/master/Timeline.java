package io.mixai.master;

import java.util.Arrays;

/**
 * Values at regular times: value {@code i} belongs to time {@code i * stepSeconds} (the end of
 * its measurement window). NaN where nothing could be measured (silence, the first seconds of a
 * short-term window).
 */
public record Timeline(double stepSeconds, double[] values) {

    public Timeline {
        if (!(stepSeconds > 0)) {
            throw new IllegalArgumentException("step must be positive, got " + stepSeconds);
        }
        values = values.clone();
    }

    public static Timeline empty(double stepSeconds) {
        return new Timeline(stepSeconds, new double[0]);
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    public int size() {
        return values.length;
    }

    public double value(int i) {
        return values[i];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Timeline t && t.stepSeconds == stepSeconds && Arrays.equals(t.values, values);
    }

    @Override
    public int hashCode() {
        return Double.hashCode(stepSeconds) * 31 + Arrays.hashCode(values);
    }
}
