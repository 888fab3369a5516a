package io.mixai.benchmarks;

import java.util.Random;

/** Test signals for the benchmarks: seeded, so every run measures the same samples. */
final class BenchmarkSignals {

    private BenchmarkSignals() {
    }

    /** The benchmarks' usual input: seeded Gaussian noise at -20 dBFS RMS. */
    static float[][] programmeNoise(int channels, int frames) {
        return gaussianNoise(channels, frames, 0.1, new Random(1));
    }

    /** Uniform noise in [-1, 1] (full scale: a limiter works on every block). */
    static float[][] uniformNoise(int channels, int frames, Random random) {
        float[][] audio = new float[channels][frames];
        for (float[] channel : audio) {
            for (int i = 0; i < frames; i++) {
                channel[i] = (float) (2 * random.nextDouble() - 1);
            }
        }
        return audio;
    }

    /** Gaussian noise of the given RMS (0.1 is -20 dBFS RMS: a plausible programme level). */
    static float[][] gaussianNoise(int channels, int frames, double rms, Random random) {
        float[][] audio = new float[channels][frames];
        for (float[] channel : audio) {
            for (int i = 0; i < frames; i++) {
                channel[i] = (float) (rms * random.nextGaussian());
            }
        }
        return audio;
    }
}
