package io.mixai.dsp.utility;

import static io.mixai.dsp.EffectTesting.prepared;
import static io.mixai.dsp.EffectTesting.process;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DcBlockerEffectTest {

    /** |H(e^jω)| of k(1 − z⁻¹)/(1 − R z⁻¹) with R = exp(−2π fc/fs), k = (1 + R)/2. */
    private static double magnitude(double f, double fc, int fs) {
        double r = Math.exp(-2 * Math.PI * fc / fs);
        double w = 2 * Math.PI * f / fs;
        double numRe = 1 - Math.cos(w);
        double numIm = Math.sin(w);
        double denRe = 1 - r * Math.cos(w);
        double denIm = r * Math.sin(w);
        return (1 + r) / 2 * Math.hypot(numRe, numIm) / Math.hypot(denRe, denIm);
    }

    @Test
    void removesAnOffset() {
        int fs = 48000;
        float[][] in = new float[1][fs];
        for (int i = 0; i < fs; i++) {
            in[0][i] = 0.5f + 0.25f * (float) Math.sin(2 * Math.PI * 440 * i / fs);
        }
        float[][] out = process(prepared("dc_blocker", Map.of("cutoff_hz", 10), fs, 512, 1), 512, in);
        // Mean over the last 100 ms (44 whole cycles of 440 Hz): the offset has decayed by exp(-2π·10·0.9).
        double mean = 0;
        for (int i = fs - 4800; i < fs; i++) {
            mean += out[0][i];
        }
        mean /= 4800;
        assertEquals(0, mean, 1e-3);
    }

    /** Steady-state sine gain, measured by least-squares fit, against the transfer function. */
    @Test
    void theMagnitudeResponseMatchesTheTransferFunction() {
        int fs = 44100;
        for (double fc : new double[] {5, 20}) {
            for (double f : new double[] {fc / 2, fc, 2 * fc, 1000, 15000}) {
                int frames = fs * 3;
                float[][] in = new float[1][frames];
                for (int i = 0; i < frames; i++) {
                    in[0][i] = (float) (0.5 * Math.sin(2 * Math.PI * f * i / fs));
                }
                float[][] out = process(prepared("dc_blocker", Map.of("cutoff_hz", fc), fs, 4096, 1), 4096, in);
                // Fit a·sin + b·cos over the last second (transient gone after 2 s).
                double ss = 0, cc = 0, sc = 0, ys = 0, yc = 0;
                for (int i = frames - fs; i < frames; i++) {
                    double s = Math.sin(2 * Math.PI * f * i / fs);
                    double c = Math.cos(2 * Math.PI * f * i / fs);
                    ss += s * s;
                    cc += c * c;
                    sc += s * c;
                    ys += out[0][i] * s;
                    yc += out[0][i] * c;
                }
                double det = ss * cc - sc * sc;
                double a = (ys * cc - yc * sc) / det;
                double b = (yc * ss - ys * sc) / det;
                double measured = Math.hypot(a, b) / 0.5;
                double expectedDb = 20 * Math.log10(magnitude(f, fc, fs));
                assertEquals(expectedDb, 20 * Math.log10(measured), 0.01, "fc " + fc + " Hz at " + f + " Hz");
                if (f == fc) {
                    assertEquals(-3.0, expectedDb, 0.05, "the corner is the -3 dB point");
                }
            }
        }
    }

    @Test
    void reportsATailLongEnoughForTheSlowestCorner() {
        var e = prepared("dc_blocker", Map.of("cutoff_hz", 1), 48000, 64, 1);
        // R^n = 1e-6 with R = exp(-2π/48000): n = ln(1e6)·48000/(2π) ≈ 105 500.
        assertTrue(Math.abs(e.tailSamples() - Math.log(1e6) * 48000 / (2 * Math.PI)) < 2, "" + e.tailSamples());
    }
}
