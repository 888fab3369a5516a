package io.mixai.dsp.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SpectralShapeTest {

    private static final double SR = 22050;
    private static final int N_FFT = 2048;
    private static final double DF = SR / N_FFT;

    /**
     * A sine centred on bin k0 under a periodic Hann window has exactly three non-zero bins with
     * magnitudes 1/4, 1/2, 1/4 of the total: centroid f(k0), bandwidth sqrt(1/2) * df, and the
     * cumulative sum reaches 85 % only at bin k0 + 1 (75 % at k0).
     */
    @Test
    void binCentredToneHasKnownCentroidBandwidthAndRolloff() {
        int k0 = 200;
        float[] y = Signals.sine(0.3, k0 * DF, SR, 10 * N_FFT);
        float[][] mag = new Stft(N_FFT, 512, N_FFT, false).magnitude(y);
        double[] centroid = SpectralShape.centroid(mag, SR);
        double[] bandwidth = SpectralShape.bandwidth(mag, centroid, SR);
        double[] rolloff = SpectralShape.rolloff(mag, SR, 0.85);
        for (int t = 0; t < centroid.length; t++) {
            assertEquals(k0 * DF, centroid[t], 0.01);
            // The float32 rounding noise of the input, weighted by its squared distance of up to
            // 10 kHz, adds ~0.2 Hz; magnitude vs power (sqrt(1/3) df = 6.2 Hz) stays far apart.
            assertEquals(Math.sqrt(0.5) * DF, bandwidth[t], 0.35);
            assertEquals((k0 + 1) * DF, rolloff[t], 1e-9);
        }
        // A lower percentage than 75 % stops at k0.
        assertEquals(k0 * DF, SpectralShape.rolloff(mag, SR, 0.7)[0], 1e-9);
    }

    @Test
    void centroidOfAnOffBinToneIsNearItsFrequency() {
        double f = 1234.5;
        float[][] mag = new Stft(N_FFT, 512, N_FFT, false).magnitude(Signals.sine(0.5, f, SR, 8 * N_FFT));
        for (double c : SpectralShape.centroid(mag, SR)) {
            assertEquals(f, c, 2.0);
        }
    }

    @Test
    void twoEqualTonesHaveTheirMeanAsCentroidAndHalfTheirDistanceAsBandwidth() {
        int k1 = 100;
        int k2 = 300;
        float[] a = Signals.sine(0.2, k1 * DF, SR, 6 * N_FFT);
        float[] b = Signals.sine(0.2, k2 * DF, SR, 6 * N_FFT);
        float[] y = new float[a.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = a[i] + b[i];
        }
        float[][] mag = new Stft(N_FFT, 512, N_FFT, false).magnitude(y);
        double[] centroid = SpectralShape.centroid(mag, SR);
        double[] bandwidth = SpectralShape.bandwidth(mag, centroid, SR);
        double half = (k2 - k1) * DF / 2;
        assertEquals((k1 + k2) * DF / 2, centroid[0], 0.01);
        // Each tone's three bins add df^2/2 of variance around its own centre.
        assertEquals(Math.sqrt(half * half + 0.5 * DF * DF), bandwidth[0], 0.01);
    }

    @Test
    void silenceGivesZeroCentroidAndRolloffAndFlatnessOne() {
        float[][] mag = new Stft(N_FFT, 512, N_FFT, true).magnitude(new float[4096]);
        assertEquals(0.0, SpectralShape.centroid(mag, SR)[3], 0.0);
        assertEquals(0.0, SpectralShape.rolloff(mag, SR, 0.85)[3], 0.0);
        assertEquals(1.0f, SpectralShape.flatness(mag)[3], 1e-6f);
    }

    @Test
    void flatnessOfWhiteNoiseIsExpMinusEulerGammaAndOfAToneNearZero() {
        // Periodogram bins of Gaussian noise are exponentially distributed; the ratio of the
        // geometric to the arithmetic mean of an exponential variable is exp(-gamma) = 0.5615.
        float[][] noise = new Stft(N_FFT, 512, N_FFT, false).magnitude(Signals.noise(11, 40 * 512 + N_FFT));
        float[] flat = SpectralShape.flatness(noise);
        double mean = 0;
        for (float v : flat) {
            mean += v / flat.length;
        }
        assertEquals(Math.exp(-0.5772156649), mean, 0.03);
        float[][] tone = new Stft(N_FFT, 512, N_FFT, false).magnitude(Signals.sine(0.5, 1000, SR, 4 * N_FFT));
        assertTrue(SpectralShape.flatness(tone)[0] < 1e-3);
    }
}
