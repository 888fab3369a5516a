package io.mixai.dsp.features;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FrameFeaturesTest {

    @Test
    void rmsOfASineIsAmplitudeOverRootTwoAndHalvedPowerAtTheZeroPaddedEdge() {
        double sr = 22050;
        double a = 0.8;
        // Period 256 samples: every frame holds whole periods.
        float[] y = Signals.sine(a, sr / 256, sr, 20 * 512);
        float[] rms = FrameFeatures.rms(y, 2048, 512, true);
        assertEquals(21, rms.length);
        for (int t = 2; t <= 16; t++) {
            assertEquals(a / Math.sqrt(2), rms[t], 1e-5, "frame " + t);
        }
        // Frame 0 is half zero padding (librosa pads with zeros), so its mean square halves.
        assertEquals(a / 2, rms[0], 1e-5);
        float[] uncentred = FrameFeatures.rms(y, 2048, 512, false);
        assertEquals(1 + (y.length - 2048) / 512, uncentred.length);
        assertEquals(a / Math.sqrt(2), uncentred[0], 1e-5);
    }

    @Test
    void zeroCrossingRateOfASquareWaveCountsItsEdges() {
        // +1 for 32 samples, -1 for 32: a sign change at every multiple of 32 (i > 0).
        int n = 16 * 512;
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            y[i] = (i / 32) % 2 == 0 ? 1f : -1f;
        }
        double[] zcr = FrameFeatures.zeroCrossingRate(y, 2048, 512, true);
        // Interior frames start on a multiple of 32; index 0 of a frame never counts, so the
        // 2047 following samples hold 63 changes.
        for (int t = 2; t <= 12; t++) {
            assertEquals(63.0 / 2048, zcr[t], 0.0, "frame " + t);
        }
        // Frame 0 covers -1024..1023; edge padding repeats y[0] = +1, so only the 31 changes at
        // 32..992 count (zero padding would add one at sample 0).
        assertEquals(31.0 / 2048, zcr[0], 0.0);
    }

    @Test
    void tinyValuesCountAsPositiveZeros() {
        float[] y = new float[4096];
        for (int i = 0; i < y.length; i++) {
            y[i] = i % 2 == 0 ? 1e-11f : -1e-11f; // below librosa's 1e-10 threshold
        }
        y[3000] = -0.5f;
        double[] zcr = FrameFeatures.zeroCrossingRate(y, 2048, 512, false);
        assertEquals(0.0, zcr[0], 0.0); // frame 0: samples 0..2047
        assertEquals(2.0 / 2048, zcr[2], 0.0); // frame 2: 1024..3071 holds the one negative sample
    }
}
