package io.mixai.dsp.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ChromaTest {

    private static final int A = 9; // row 0 is C

    @Test
    void pureA4PeaksAtChromaA() {
        FeatureExtractor fx = new FeatureExtractor(FeatureConfig.defaults());
        float[] y = Signals.sine(0.5, 440, 22050, 22050);
        float[][] chroma = fx.chromaStft(y, 0.0);
        for (int t = 2; t < chroma[0].length - 2; t++) {
            assertEquals(1.0f, chroma[A][t], 0f);
            for (int c = 0; c < 12; c++) {
                if (c != A) {
                    assertTrue(chroma[c][t] < 0.5, "chroma " + c + " frame " + t + ": " + chroma[c][t]);
                }
            }
        }
    }

    @Test
    void eachPitchClassPeaksAtItsOwnRow() {
        FeatureExtractor fx = new FeatureExtractor(FeatureConfig.defaults());
        for (int semitone = -9; semitone < 3; semitone++) { // C4 .. B4
            double f = 440 * Math.pow(2, semitone / 12.0);
            float[][] chroma = fx.chromaStft(Signals.sine(0.5, f, 22050, 8192), 0.0);
            int expected = Math.floorMod(A + semitone, 12);
            assertEquals(1.0f, chroma[expected][4], 0f, "note " + semitone);
        }
    }

    @Test
    void tuningOfADetunedToneIsEstimatedToTheHundredthOfASemitone() {
        FeatureExtractor fx = new FeatureExtractor(FeatureConfig.defaults());
        for (double cents : new double[] {-30, 0, 20}) {
            // A detuned A major chord in octave 6 (A6, C#7, E7): every partial deviates from the
            // 440 Hz grid by the same amount. High notes, because piptrack's parabolic
            // interpolation on the power spectrum is biased by up to ~0.15 bin, which is only
            // ~1.5 cents at 1.7-2.7 kHz (3 cents at 880 Hz).
            float[] y = new float[22050];
            for (int semis : new int[] {24, 28, 31}) {
                double f = 440 * Math.pow(2, semis / 12.0 + cents / 1200);
                float[] s = Signals.sine(0.2, f, 22050, y.length);
                for (int i = 0; i < y.length; i++) {
                    y[i] += s[i];
                }
            }
            double tuning = fx.estimateTuning(y);
            assertEquals(cents / 100, tuning, 0.0201, "detuned by " + cents + " cents");
            // The estimate is a left edge of librosa's 0.01-wide histogram bins.
            assertEquals(Math.rint((tuning + 0.5) * 100), (tuning + 0.5) * 100, 1e-9);
        }
    }

    @Test
    void silenceHasTuningZeroAndZeroChroma() {
        FeatureExtractor fx = new FeatureExtractor(FeatureConfig.defaults());
        float[] y = new float[4096];
        assertEquals(0.0, fx.estimateTuning(y), 0.0);
        for (float[] row : fx.chromaStft(y)) {
            for (float v : row) {
                assertEquals(0f, v, 0f);
            }
        }
    }

    @Test
    void filterBankColumnsAreUnitNormBeforeTheOctaveWeighting() {
        // librosa.filters.chroma L2-normalises each column over the 12 chroma, then multiplies
        // it by a Gaussian in octaves (centre octave 5 above 27.5/16 Hz, width 2 octaves).
        double sr = 22050;
        int nFft = 2048;
        float[][] w = Chroma.create(sr, nFft, 0.0).weights();
        for (int k = 1; k <= nFft / 2; k += 5) {
            double f = k * sr / nFft;
            double octs = Math.log(f / (440.0 / 16)) / Math.log(2);
            double octaveWeight = Math.exp(-0.5 * Math.pow((octs - 5) / 2, 2));
            double norm = 0;
            for (int c = 0; c < 12; c++) {
                norm += w[c][k] * w[c][k];
            }
            assertEquals(octaveWeight, Math.sqrt(norm), 1e-6, "bin " + k);
        }
    }
}
