package io.mixai.dsp.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Checks the tests' own true-peak reference against signals whose true peak is known exactly.
 * Tones fade in and out: a tone cut off abruptly really does overshoot near the cut (Gibbs).
 */
class ReferenceTruePeakTest {

    /** A raised-cosine fade over the first and last 4000 samples. */
    private static double fade(int n, int length) {
        int ramp = 4000;
        int edge = Math.min(n, length - 1 - n);
        return edge >= ramp ? 1.0 : 0.5 - 0.5 * Math.cos(Math.PI * edge / ramp);
    }

    @Test
    void abruptlyCutToneOvershootsItsAmplitude() {
        float[] x = new float[20000];
        for (int n = 0; n < x.length; n++) {
            x[n] = (float) (0.8 * Math.sin(2 * Math.PI * 0.45 * n + 0.1));
        }
        double peak = ReferenceTruePeak.of(x);
        org.junit.jupiter.api.Assertions.assertTrue(peak > 0.85, "peak " + peak);
    }

    @Test
    void quarterRateToneAtFortyFiveDegreesPeaksAboveItsSamples() {
        float[] x = new float[20000];
        for (int n = 0; n < x.length; n++) {
            x[n] = (float) (fade(n, x.length) * 0.5 * Math.sin(Math.PI * n / 2 + Math.PI / 4));
        }
        // samples are +-0.3536 but the continuous sine reaches 0.5 (+3.01 dB)
        assertEquals(0.5, ReferenceTruePeak.of(x), 0.5 * 1e-4);
    }

    @Test
    void nearNyquistToneIsMeasuredAtItsAmplitude() {
        float[] x = new float[20000];
        for (int n = 0; n < x.length; n++) {
            x[n] = (float) (fade(n, x.length) * 0.8 * Math.sin(2 * Math.PI * 0.45 * n + 0.1));
        }
        assertEquals(0.8, ReferenceTruePeak.of(x), 0.8 * 2e-4);
    }

    @Test
    void singleImpulsePeaksAtItsSample() {
        float[] x = new float[5000];
        x[2000] = -0.7f;
        assertEquals(0.7, ReferenceTruePeak.of(x), 1e-6);
    }
}
