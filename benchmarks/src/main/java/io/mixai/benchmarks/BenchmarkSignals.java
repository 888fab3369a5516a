package io.mixai.benchmarks;

import java.util.Random;

/** Test signals for the effect benchmarks. */
final class BenchmarkSignals {

    private BenchmarkSignals() {
    }

    /** Two channels of uniform noise in [-1, 1]. */
    static float[][] stereoNoise(int frames, Random random) {
        float[][] audio = new float[2][frames];
        for (float[] channel : audio) {
            for (int i = 0; i < frames; i++) {
                channel[i] = (float) (2 * random.nextDouble() - 1);
            }
        }
        return audio;
    }
}
