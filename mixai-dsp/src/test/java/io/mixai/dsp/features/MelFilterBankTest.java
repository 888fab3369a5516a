package io.mixai.dsp.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MelFilterBankTest {

    @Test
    void slaneyScaleIsLinearBelow1kHzAndLogarithmicAbove() {
        assertEquals(15.0, MelFilterBank.hzToMel(1000, false), 1e-12);
        assertEquals(7.5, MelFilterBank.hzToMel(500, false), 1e-12);
        // 27 mel per factor 6.4 above 1 kHz (Slaney's Auditory Toolbox).
        assertEquals(15.0 + 27.0, MelFilterBank.hzToMel(6400, false), 1e-9);
        for (double f : new double[] {0, 20, 999, 1000, 4321, 22050}) {
            assertEquals(f, MelFilterBank.melToHz(MelFilterBank.hzToMel(f, false), false), 1e-9 * (1 + f));
            assertEquals(f, MelFilterBank.melToHz(MelFilterBank.hzToMel(f, true), true), 1e-9 * (1 + f));
        }
    }

    @Test
    void htkScaleIs2595Log10OnePlusFOver700() {
        assertEquals(2595 * Math.log10(2), MelFilterBank.hzToMel(700, true), 1e-9);
        assertEquals(1000.0, MelFilterBank.hzToMel(1000, true), 0.05); // the scale's anchor, ~1000 mel
    }

    @Test
    void bandEdgesAreEquallySpacedInMel() {
        double[] edges = MelFilterBank.create(22050, 2048, 40, 30, 8000, false).bandEdges();
        assertEquals(42, edges.length);
        assertEquals(30, edges[0], 1e-9);
        assertEquals(8000, edges[41], 1e-9);
        double step = MelFilterBank.hzToMel(edges[1], false) - MelFilterBank.hzToMel(edges[0], false);
        for (int i = 1; i < edges.length; i++) {
            double d = MelFilterBank.hzToMel(edges[i], false) - MelFilterBank.hzToMel(edges[i - 1], false);
            assertEquals(step, d, 1e-9);
        }
    }

    @Test
    void everyWeightIsTheSlaneyNormalisedTriangle() {
        for (boolean htk : new boolean[] {false, true}) {
            double sr = 44100;
            int nFft = 4096;
            MelFilterBank bank = MelFilterBank.create(sr, nFft, 64, 20, 16000, htk);
            double[] f = bank.bandEdges();
            float[][] w = bank.weights();
            for (int m = 0; m < 64; m++) {
                double height = 2.0 / (f[m + 2] - f[m]); // constant area: height * width / 2 = 1
                for (int k = 0; k <= nFft / 2; k++) {
                    double fk = k * sr / nFft;
                    double tri = fk <= f[m] || fk >= f[m + 2] ? 0
                            : fk <= f[m + 1] ? (fk - f[m]) / (f[m + 1] - f[m]) : (f[m + 2] - fk) / (f[m + 2] - f[m + 1]);
                    assertEquals(tri * height, w[m][k], 1e-6 * height, "band " + m + " bin " + k);
                }
            }
        }
    }

    @Test
    void eachFilterPeaksAtTheBinNearestItsCentreAndHasUnitAreaInHz() {
        double sr = 22050;
        int nFft = 2048;
        double df = sr / nFft;
        MelFilterBank bank = MelFilterBank.create(sr, nFft, 128, 0, sr / 2, false);
        double[] f = bank.bandEdges();
        float[][] w = bank.weights();
        for (int m = 0; m < 128; m++) {
            int argmax = 0;
            double area = 0;
            for (int k = 0; k < w[m].length; k++) {
                if (w[m][k] > w[m][argmax]) {
                    argmax = k;
                }
                area += w[m][k] * df;
            }
            double centre = f[m + 1];
            // The maximum is at one of the two bins around the centre frequency.
            assertTrue(Math.abs(argmax * df - centre) < df, "band " + m + " peak at " + argmax * df + " Hz, centre " + centre);
            double width = f[m + 2] - f[m];
            if (width > 20 * df) { // wide bands: the bin sum approximates the triangle's integral
                assertEquals(1.0, area, 0.01, "area of band " + m);
            }
        }
    }

    @Test
    void applyIsTheMatrixProduct() {
        MelFilterBank bank = MelFilterBank.create(8000, 256, 10, 0, 4000, false);
        float[][] w = bank.weights();
        float[][] s = new float[129][3];
        for (int k = 0; k < 129; k++) {
            for (int t = 0; t < 3; t++) {
                s[k][t] = (k * 7 + t * 13) % 11;
            }
        }
        float[][] m = bank.apply(s);
        for (int b = 0; b < 10; b++) {
            for (int t = 0; t < 3; t++) {
                double sum = 0;
                for (int k = 0; k < 129; k++) {
                    sum += (double) w[b][k] * s[k][t];
                }
                assertEquals(sum, m[b][t], 1e-5 * Math.max(1, sum));
            }
        }
    }
}
