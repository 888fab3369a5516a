package io.mixai.dsp.testing;

import java.util.Random;

/** The yardstick for FFT convolution tests: direct time-domain convolution in double precision. */
public final class ReferenceConvolution {

    private ReferenceConvolution() {
    }

    /** Seeded unit-variance Gaussian noise: a broadband test signal or impulse response. */
    public static float[] gaussianNoise(int length, long seed) {
        Random random = new Random(seed);
        float[] x = new float[length];
        for (int i = 0; i < length; i++) {
            x[i] = (float) random.nextGaussian();
        }
        return x;
    }

    /** {@code y[n] = sum_k h[k] x[n - k]}, all {@code x.length + h.length - 1} samples of it. */
    public static double[] direct(float[] x, float[] h) {
        double[] y = new double[x.length + h.length - 1];
        for (int i = 0; i < x.length; i++) {
            for (int k = 0; k < h.length; k++) {
                y[i + k] += (double) x[i] * h[k];
            }
        }
        return y;
    }

    /**
     * Largest deviation of {@code output} (read {@code delay} samples late) from
     * {@code reference} over reference samples {@code [from, to)}, relative to the reference's
     * peak there.
     */
    public static double relativeError(double[] output, int delay, double[] reference, int from, int to) {
        double peak = 0;
        double worst = 0;
        for (int n = from; n < to; n++) {
            peak = Math.max(peak, Math.abs(reference[n]));
            worst = Math.max(worst, Math.abs(output[n + delay] - reference[n]));
        }
        return worst / peak;
    }
}
