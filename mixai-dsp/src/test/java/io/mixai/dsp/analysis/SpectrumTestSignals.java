package io.mixai.dsp.analysis;

import io.mixai.dsp.spectral.RealFft;
import java.util.Random;

/** Test signals with known spectra for the spectrum and stereo descriptor tests. */
final class SpectrumTestSignals {

    private SpectrumTestSignals() {
    }

    static float[] sine(double amplitude, double hz, int sampleRate, int length) {
        float[] x = new float[length];
        for (int n = 0; n < length; n++) {
            x[n] = (float) (amplitude * Math.sin(2 * Math.PI * hz * n / sampleRate));
        }
        return x;
    }

    static float[] whiteNoise(double sigma, int length, long seed) {
        Random random = new Random(seed);
        float[] x = new float[length];
        for (int n = 0; n < length; n++) {
            x[n] = (float) (sigma * random.nextGaussian());
        }
        return x;
    }

    /**
     * Gaussian noise with power density proportional to 1/f above {@code lowestHz} (nothing
     * below), made in the frequency domain: complex Gaussian bins scaled by 1/sqrt(f), inverse
     * FFT of a power-of-two {@code length}, scaled to RMS {@code rms}.
     */
    static float[] pinkNoise(double rms, double lowestHz, int sampleRate, int length, long seed) {
        Random random = new Random(seed);
        double[] spectrum = new double[length + 2];
        for (int k = 1; k < length / 2; k++) {
            double f = k * (double) sampleRate / length;
            if (f < lowestHz) {
                continue;
            }
            double scale = 1.0 / Math.sqrt(f);
            spectrum[2 * k] = scale * random.nextGaussian();
            spectrum[2 * k + 1] = scale * random.nextGaussian();
        }
        double[] time = new double[length];
        RealFft.create(length).inverse(spectrum, time, 0);
        double sumSquares = 0;
        for (double v : time) {
            sumSquares += v * v;
        }
        double gain = rms / Math.sqrt(sumSquares / length);
        float[] x = new float[length];
        for (int n = 0; n < length; n++) {
            x[n] = (float) (gain * time[n]);
        }
        return x;
    }

    /**
     * Relative standard deviation of a Welch band-power estimate for Gaussian noise, from
     * {@code bins} bins and {@code segments} Hann frames at 50 % overlap. Each bin power is
     * exponential (relative variance 1). Bins d apart are correlated with coefficient
     * |sum w^2 e^(-2 pi i d n / N)| / sum w^2 = 2/3 (d = 1), 1/6 (d = 2), 0 beyond, so a sum of
     * M bins has variance M (1 + 2 (2/3)^2 + 2 (1/6)^2) = 1.944 M; frames N/2 apart are
     * correlated with coefficient sum w[n] w[n + N/2] / sum w^2 = 1/6, so K of them give
     * K (1 + 2 / 36) = 1.056 K. Together: relative variance 2.05 / (M K). (A Monte-Carlo run of
     * 2000 trials with M = 20, K = 10 gave 1.95 / (M K): the band edges have fewer neighbours.)
     */
    static double relativeSigma(double bins, int segments) {
        return Math.sqrt(1.944 * 1.056 / (Math.max(bins, 1.0) * segments));
    }

    /** The same in dB (10 log10 of 1 + sigma ~ 4.343 sigma). */
    static double sigmaDb(double bins, int segments) {
        return 10.0 / Math.log(10.0) * relativeSigma(bins, segments);
    }
}
