package io.mixai.dsp.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class OnsetStrengthTest {

    @Test
    void envelopeIsTheMeanPositiveDbIncreaseShiftedByLagPlusHalfAWindow() {
        // Two bands, 6 frames: band 0 rises by 10 dB at frame 2, band 1 rises 4 dB at frame 4
        // and falls at frame 5 (falls do not count).
        float[][][] db = {{{0, 0, 10, 10, 10, 10}, {0, 0, 0, 0, 4, 1}}};
        float[] env = OnsetStrength.fromDbMel(db, 1, 2048, 512, true)[0];
        // d[t] (t = 1..5) = {0, 5, 0, 2, 0}, shifted right by 1 + 2048/1024 = 3, trimmed to 6.
        float[] expected = {0, 0, 0, 0, 5, 0};
        assertEquals(6, env.length);
        for (int t = 0; t < 6; t++) {
            assertEquals(expected[t], env[t], 1e-6, "frame " + t);
        }
        float[] uncentred = OnsetStrength.fromDbMel(db, 1, 2048, 512, false)[0];
        float[] expectedUncentred = {0, 0, 5, 0, 2, 0};
        for (int t = 0; t < 6; t++) {
            assertEquals(expectedUncentred[t], uncentred[t], 1e-6, "frame " + t);
        }
    }

    @Test
    void silenceHasNoOnsetsAndAToneBurstHasItsPeakAtItsStart() {
        FeatureExtractor fx = new FeatureExtractor(FeatureConfig.defaults());
        assertEquals(0f, max(fx.onsetStrength(new float[22050])), 0f);
        float[] y = new float[22050];
        int onset = 40 * 512;
        float[] tone = Signals.sine(0.5, 1000, 22050, y.length - onset);
        System.arraycopy(tone, 0, y, onset, tone.length);
        float[] env = fx.onsetStrength(y);
        assertEquals(1 + y.length / 512, env.length);
        int argmax = 0;
        for (int t = 0; t < env.length; t++) {
            if (env[t] > env[argmax]) {
                argmax = t;
            }
        }
        // librosa's shift of n_fft / (2 hop) frames aligns the envelope peak with the onset
        // (within the frames whose window first reaches the tone).
        assertTrue(Math.abs(argmax - onset / 512) <= 2, "peak at frame " + argmax + ", onset at " + onset / 512);
    }

    private static float max(float[] x) {
        float m = Float.NEGATIVE_INFINITY;
        for (float v : x) {
            m = Math.max(m, v);
        }
        return m;
    }
}
