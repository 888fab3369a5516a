package io.mixai.dsp.features;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PowerToDbAndMfccTest {

    @Test
    void powerToDbIsTenLog10WithAminAndTopDbBelowTheGlobalMax() {
        float[][] s = {{1f, 0.01f, 1e-12f}, {100f, 0f, 1e-7f}};
        float[][] db = PowerToDb.apply(s);
        assertEquals(0.0, db[0][0], 1e-6);
        assertEquals(-20.0, db[0][1], 1e-5);
        assertEquals(20.0, db[1][0], 1e-5);
        // 0 and 1e-12 are raised to amin (-100 dB) and then to max - 80 = -60 dB.
        assertEquals(-60.0, db[0][2], 1e-5);
        assertEquals(-60.0, db[1][1], 1e-5);
        assertEquals(-60.0, db[1][2], 1e-5);
    }

    @Test
    void topDbIsGlobalOverChannels() {
        float[][][] s = {{{1f, 1f}}, {{1e-6f, 1e-10f}}};
        float[][][] db = PowerToDb.apply(s);
        assertEquals(-60.0, db[1][0][0], 1e-4); // within 80 dB of the loud channel
        assertEquals(-80.0, db[1][0][1], 1e-4); // clipped by the other channel's max
        float[][][] none = PowerToDb.apply(s, 1.0, 1e-10, Double.POSITIVE_INFINITY);
        assertEquals(-100.0, none[1][0][1], 1e-4);
        float[][][] refMax = PowerToDb.applyRefMax(new float[][][] {{{4f, 0.4f}}}, 1e-10, 80);
        assertEquals(0.0, refMax[0][0][0], 1e-6);
        assertEquals(-10.0, refMax[0][0][1], 1e-5);
    }

    @Test
    void dctBasisIsOrthonormal() {
        int m = 40;
        double[][] b = new Mfcc(m, m).basis();
        for (int p = 0; p < m; p++) {
            for (int q = 0; q < m; q++) {
                double dot = 0;
                for (int i = 0; i < m; i++) {
                    dot += b[p][i] * b[q][i];
                }
                assertEquals(p == q ? 1.0 : 0.0, dot, 1e-12, "rows " + p + ", " + q);
            }
        }
    }

    @Test
    void mfccOfAConstantSpectrumIsOnlyC0EqualToSqrtMTimesTheLevel() {
        int m = 128;
        float[][] logMel = new float[m][2];
        for (float[] row : logMel) {
            row[0] = -30f;
            row[1] = 12f;
        }
        float[][] c = new Mfcc(m, 20).apply(logMel);
        assertEquals(-30 * Math.sqrt(m), c[0][0], 1e-3);
        assertEquals(12 * Math.sqrt(m), c[0][1], 1e-3);
        for (int q = 1; q < 20; q++) {
            assertEquals(0.0, c[q][0], 1e-4);
        }
    }

    @Test
    void mfccOfACosineAcrossBandsIsASingleCoefficient() {
        // S[m] = cos(pi q (2m + 1) / (2M)) is DCT-II basis function q: only c_q = sqrt(M/2) is non-zero.
        int m = 64;
        int q0 = 5;
        float[][] logMel = new float[m][1];
        for (int i = 0; i < m; i++) {
            logMel[i][0] = (float) Math.cos(Math.PI * q0 * (2 * i + 1) / (2.0 * m));
        }
        float[][] c = new Mfcc(m, 13).apply(logMel);
        for (int q = 0; q < 13; q++) {
            assertEquals(q == q0 ? Math.sqrt(m / 2.0) : 0.0, c[q][0], 1e-5, "c" + q);
        }
    }
}
