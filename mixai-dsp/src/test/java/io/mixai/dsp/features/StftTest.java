package io.mixai.dsp.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StftTest {

    @ParameterizedTest
    @CsvSource({"1, 2048, 512", "1001, 2048, 512", "2047, 2048, 512", "2049, 2048, 512", "4097, 2048, 512",
        "22051, 4096, 1024", "513, 1024, 333"})
    void frameCountsFollowLibrosaForOddLengths(int n, int nFft, int hop) {
        assertEquals(1 + n / hop, new Stft(nFft, hop, nFft, true).magnitude(new float[n])[0].length);
        if (n >= nFft) {
            assertEquals(1 + (n - nFft) / hop, new Stft(nFft, hop, nFft, false).magnitude(new float[n])[0].length);
        } else {
            assertThrows(IllegalArgumentException.class, () -> new Stft(nFft, hop, nFft, false).magnitude(new float[n]));
        }
    }

    @Test
    void centredFrameTIsCentredOnSampleTTimesHop() {
        // An impulse at sample 3*hop sits at the window's centre (value 1) in frame 3, so its
        // spectrum is flat at 1; in frames 2 and 4 it sits hop = n_fft/4 off centre, where the
        // periodic Hann window is 0.5.
        int nFft = 2048;
        int hop = 512;
        float[] y = new float[10 * hop];
        y[3 * hop] = 1f;
        float[][] mag = new Stft(nFft, hop, nFft, true).magnitude(y);
        for (int k = 0; k <= nFft / 2; k += 97) {
            assertEquals(1.0, mag[k][3], 1e-6);
            assertEquals(0.5, mag[k][2], 1e-6);
            assertEquals(0.5, mag[k][4], 1e-6);
            assertEquals(0.0, mag[k][0], 1e-6);
        }
    }

    @Test
    void uncentredFrameTStartsAtSampleTTimesHop() {
        int nFft = 1024;
        int hop = 256;
        float[] y = new float[8 * nFft];
        y[2 * hop + nFft / 2] = 1f; // centre of frame 2
        float[][] mag = new Stft(nFft, hop, nFft, false).magnitude(y);
        assertEquals(1.0, mag[5][2], 1e-6);
        assertEquals(0.5, mag[5][1], 1e-6);
        assertEquals(0.0, mag[5][0], 1e-6); // 2*hop from the centre: the window's zero
    }

    @Test
    void binCentredSinePeaksAtAmplitudeTimesNfftOverFour() {
        int nFft = 2048;
        double sr = 22050;
        int k0 = 100;
        float[] y = Signals.sine(0.5, k0 * sr / nFft, sr, 8 * nFft);
        float[][] mag = new Stft(nFft, 512, nFft, false).magnitude(y);
        for (int t = 0; t < mag[0].length; t++) {
            assertEquals(0.5 * nFft / 4, mag[k0][t], 1e-3);
            assertEquals(0.5 * nFft / 8, mag[k0 + 1][t], 1e-3); // periodic Hann: exactly 3 bins
            assertEquals(0.0, mag[k0 + 2][t], 1e-3);
        }
    }

    @Test
    void shortWindowIsAPeriodicHannZeroPaddedInTheCentre() {
        double[] w = new Stft(16, 4, 10, true).window();
        assertEquals(16, w.length);
        // (16 - 10) / 2 = 3 zeros on the left, 3 on the right.
        for (int i : new int[] {0, 1, 2, 13, 14, 15}) {
            assertEquals(0.0, w[i], 0.0);
        }
        for (int i = 0; i < 10; i++) {
            assertEquals(0.5 - 0.5 * Math.cos(2 * Math.PI * i / 10), w[3 + i], 1e-15);
        }
    }

    @Test
    void powerIsTheSquaredFloatMagnitude() {
        float[] y = Signals.noise(3, 5000);
        Stft stft = new Stft(512, 128, 400, true);
        float[][] mag = stft.magnitude(y);
        float[][] pow = stft.power(y);
        for (int k = 0; k < mag.length; k += 17) {
            for (int t = 0; t < mag[0].length; t++) {
                assertEquals(mag[k][t] * mag[k][t], pow[k][t], 0f);
            }
        }
    }

    @Test
    void magnitudeMatchesADirectDft() {
        int nFft = 64;
        int hop = 16;
        float[] y = Signals.noise(9, 300);
        float[][] mag = new Stft(nFft, hop, 48, true).magnitude(y);
        double[] w = Stft.paddedHann(48, nFft);
        int t = 5;
        for (int k = 0; k <= nFft / 2; k++) {
            double re = 0;
            double im = 0;
            for (int i = 0; i < nFft; i++) {
                int s = t * hop - nFft / 2 + i;
                double x = s >= 0 && s < y.length ? y[s] * w[i] : 0;
                re += x * Math.cos(2 * Math.PI * k * i / nFft);
                im -= x * Math.sin(2 * Math.PI * k * i / nFft);
            }
            assertEquals(Math.hypot(re, im), mag[k][t], 1e-5);
        }
    }
}
