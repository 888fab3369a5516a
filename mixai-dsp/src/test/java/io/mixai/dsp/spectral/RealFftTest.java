package io.mixai.dsp.spectral;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RealFftTest {

    @ParameterizedTest
    @ValueSource(ints = {2, 8, 64, 1024, 4096, 1000})
    void forwardMatchesTheDefinitionOfTheDft(int n) {
        Random random = new Random(n);
        double[] x = new double[n + 3];
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextGaussian();
        }
        double[] spectrum = new double[n + 2];
        RealFft.create(n).forward(x, 3, spectrum);
        for (int k = 0; k <= n / 2; k++) {
            double re = 0;
            double im = 0;
            for (int t = 0; t < n; t++) {
                double phase = -2 * Math.PI * ((long) k * t % n) / n;
                re += x[3 + t] * Math.cos(phase);
                im += x[3 + t] * Math.sin(phase);
            }
            assertEquals(re, spectrum[2 * k], 1e-9 * n, "re bin " + k);
            assertEquals(im, spectrum[2 * k + 1], 1e-9 * n, "im bin " + k);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 16, 2048, 1000})
    void inverseUndoesForward(int n) {
        Random random = new Random(7);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = random.nextDouble() - 0.5;
        }
        RealFft fft = RealFft.create(n);
        double[] spectrum = new double[n + 2];
        fft.forward(x, 0, spectrum);
        double[] back = new double[n + 1];
        fft.inverse(spectrum, back, 1);
        for (int i = 0; i < n; i++) {
            assertEquals(x[i], back[i + 1], 1e-12);
        }
    }
}
