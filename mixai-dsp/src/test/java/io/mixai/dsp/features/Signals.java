package io.mixai.dsp.features;

import java.util.Random;

/** Synthetic test signals. */
final class Signals {

    private Signals() {
    }

    static float[] sine(double amplitude, double frequency, double sr, int n) {
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            y[i] = (float) (amplitude * Math.sin(2 * Math.PI * frequency * i / sr));
        }
        return y;
    }

    static float[] cosine(double amplitude, double frequency, double sr, int n) {
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            y[i] = (float) (amplitude * Math.cos(2 * Math.PI * frequency * i / sr));
        }
        return y;
    }

    static float[] noise(long seed, int n) {
        Random r = new Random(seed);
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            y[i] = (float) (0.1 * r.nextGaussian());
        }
        return y;
    }
}
