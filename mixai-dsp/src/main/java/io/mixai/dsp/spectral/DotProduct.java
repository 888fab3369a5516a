package io.mixai.dsp.spectral;

/**
 * Dot products of FIR coefficients with a stretch of samples, summed in a fixed order.
 *
 * <p>Four running sums (taps {@code 4m}, {@code 4m+1}, {@code 4m+2}, {@code 4m+3}), added as
 * {@code (s0 + s1) + (s2 + s3)} at the end: one chain of dependent additions would make the
 * adder's latency, not its rate, the limit. The order is fixed, so a result is the same bits
 * wherever it is computed (the interpolators' outputs must not depend on how audio was cut
 * into blocks).
 */
public final class DotProduct {

    private DotProduct() {
    }

    /**
     * {@code sum_k c[k] x[start + k]} over all of {@code c}, whose length must be a multiple
     * of four.
     */
    public static double fourWay(double[] c, double[] x, int start) {
        double a0 = 0;
        double a1 = 0;
        double a2 = 0;
        double a3 = 0;
        for (int k = 0; k < c.length; k += 4) {
            a0 += c[k] * x[start + k];
            a1 += c[k + 1] * x[start + k + 1];
            a2 += c[k + 2] * x[start + k + 2];
            a3 += c[k + 3] * x[start + k + 3];
        }
        return (a0 + a1) + (a2 + a3);
    }

    /**
     * The largest {@code sum_k |c[k]|} over {@code filters}, and at least 1: no
     * {@link #fourWay} result of any of them exceeds this times the largest |x| it reads (an
     * interpolator's phase 0, the sample itself, has gain 1 and is not among the filters).
     */
    public static double largestAbsoluteSum(double[][] filters) {
        double largest = 1.0;
        for (double[] c : filters) {
            double sum = 0;
            for (double v : c) {
                sum += Math.abs(v);
            }
            largest = Math.max(largest, sum);
        }
        return largest;
    }
}
