package io.mixai.dsp.reverb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixai.dsp.testing.EffectHarness;
import io.mixai.param.InvalidParameterException;
import io.mixai.param.ParameterSet;
import io.mixai.spi.Effect;
import io.mixai.spi.EffectProvider;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FdnReverbTest {

    private static final int RATE = 48000;
    private static final EffectProvider PROVIDER = new ReverbProvider();

    private static Effect reverb(Map<String, Double> values) {
        return PROVIDER.create(ParameterSet.of("reverb", PROVIDER.parameters(), values));
    }

    /** Wet-only, undamped, no pre-delay: the impulse response is the network's own decay. */
    private static Effect wetOnly(double decaySeconds, double dampingPercent) {
        return reverb(Map.of("decay_s", decaySeconds, "damping_percent", dampingPercent,
                "predelay_ms", 0.0, "mix_percent", 100.0));
    }

    private static float[][] impulse(int channels, int frames, int at, float value) {
        float[][] x = new float[channels][frames];
        for (float[] ch : x) {
            ch[at] = value;
        }
        return x;
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.3, 1.0, 2.5, 5.0})
    void measuredT30MatchesTheDecaySetting(double decaySeconds) {
        int frames = (int) ((1.4 * decaySeconds + 0.3) * RATE);
        float[][] ir = EffectHarness.render(wetOnly(decaySeconds, 0), impulse(2, frames, 0, 1f), 4096, RATE);
        double t30 = ReverbMeasurements.reverberationTime(ReverbMeasurements.toDouble(ir), RATE, -5, -35);
        double error = (t30 - decaySeconds) / decaySeconds;
        System.out.printf("reverb RT60 %.2f s: T30 %.3f s (%+.1f %%)%n", decaySeconds, t30, 100 * error);
        assertEquals(decaySeconds, t30, 0.15 * decaySeconds);
    }

    @Test
    void t30InTheOneKilohertzBandMatchesTheSettingWithDefaultDamping() {
        double decay = 2.0;
        Effect effect = reverb(Map.of("decay_s", decay, "predelay_ms", 0.0, "mix_percent", 100.0));
        float[][] ir = EffectHarness.render(effect, impulse(2, (int) (3.2 * RATE), 0, 1f), 4096, RATE);
        double[][] band = ReverbMeasurements.bandPass(ReverbMeasurements.toDouble(ir), RATE, 1000, 1.4);
        double t30 = ReverbMeasurements.reverberationTime(band, RATE, -5, -35);
        System.out.printf("reverb RT60 2.0 s, damping 40 %%, 1 kHz band: T30 %.3f s%n", t30);
        assertEquals(decay, t30, 0.15 * decay);
    }

    @Test
    void dampingMakesHighFrequenciesDecayFaster() {
        Effect effect = wetOnly(2.0, 80);
        float[][] ir = EffectHarness.render(effect, impulse(2, 3 * RATE, 0, 1f), 4096, RATE);
        double[][] wide = ReverbMeasurements.toDouble(ir);
        double low = ReverbMeasurements.reverberationTime(ReverbMeasurements.bandPass(wide, RATE, 500, 1.4), RATE, -5, -25);
        double high = ReverbMeasurements.reverberationTime(ReverbMeasurements.bandPass(wide, RATE, 10000, 1.4), RATE, -5, -25);
        // the design puts RT60 * (1 - 0.9 * 0.8) = 0.56 s at Nyquist; 10 kHz lies in between
        assertTrue(high < 0.6 * low, "10 kHz T20 " + high + " s vs 500 Hz T20 " + low + " s");
        assertTrue(low > 1.6, "500 Hz T20 " + low + " s");
    }

    @Test
    void outputIsBitIdenticalForAnyBlockSize() {
        float[][] input = EffectHarness.noise(2, RATE / 2, 0.5, 1);
        EffectHarness.assertBlockSizeIndependent(() -> reverb(Map.of()), input, RATE, 1, 17, 512, 4096);
    }

    @Test
    void resetRestoresTheInitialBehaviour() {
        float[][] first = EffectHarness.noise(2, 20000, 0.5, 2);
        float[][] second = EffectHarness.noise(2, 20000, 0.5, 3);
        Effect used = reverb(Map.of());
        EffectHarness.render(used, first, 512, RATE);
        used.reset();
        float[][] afterReset = EffectHarness.continueRender(used, second, 512);
        float[][] fresh = EffectHarness.render(reverb(Map.of()), second, 512, RATE);
        for (int c = 0; c < 2; c++) {
            org.junit.jupiter.api.Assertions.assertArrayEquals(fresh[c], afterReset[c]);
        }
    }

    @Test
    void processAllocatesNothing() {
        Effect effect = reverb(Map.of());
        effect.prepare(new io.mixai.process.ProcessSpec(RATE, 512, 2));
        EffectHarness.assertProcessAllocatesNothing(effect, EffectHarness.noise(2, 512 * 50, 0.5, 4), 512);
    }

    @Test
    void decayedTailIsExactlyZeroAndNeverDenormal() {
        Effect effect = wetOnly(0.3, 50);
        float[][] out = EffectHarness.render(effect, impulse(2, 12 * RATE, 0, 1f), 4096, RATE);
        EffectHarness.assertFiniteAndNormal(out);
        // 0.3 s RT60 over 10 s is a 2000 dB decay: every state must have been flushed to zero
        for (int c = 0; c < 2; c++) {
            for (int n = 10 * RATE; n < out[c].length; n++) {
                assertEquals(0f, out[c][n], "channel " + c + " frame " + n);
            }
        }
    }

    @Test
    void tailReportCoversTheAudibleDecay() {
        Effect effect = reverb(Map.of("decay_s", 1.0, "predelay_ms", 50.0, "mix_percent", 100.0));
        float[][] out = EffectHarness.render(effect, impulse(2, 3 * RATE, 0, 1f), 4096, RATE);
        int tail = effect.tailSamples();
        double peak = 0;
        double afterTail = 0;
        double beforeTwoThirds = 0;
        for (int c = 0; c < 2; c++) {
            for (int n = 0; n < out[c].length; n++) {
                double a = Math.abs(out[c][n]);
                peak = Math.max(peak, a);
                if (n >= tail) {
                    afterTail = Math.max(afterTail, a);
                } else if (n >= 2 * tail / 3) {
                    beforeTwoThirds = Math.max(beforeTwoThirds, a);
                }
            }
        }
        assertTrue(afterTail < 1e-3 * peak, "after the reported tail of " + tail + " samples: " + afterTail / peak);
        assertTrue(beforeTwoThirds > 1e-6 * peak, "the tail report is far too long: " + tail + " samples");
    }

    @Test
    void predelayDelaysTheWetSignal() {
        Effect effect = reverb(Map.of("predelay_ms", 100.0, "mix_percent", 100.0));
        float[][] out = EffectHarness.render(effect, impulse(2, RATE / 2, 0, 1f), 256, RATE);
        int predelay = RATE / 10;
        for (int n = 0; n < predelay; n++) {
            assertEquals(0f, out[0][n], "frame " + n);
        }
        double energy = 0;
        for (int n = predelay; n < predelay + RATE / 10; n++) {
            energy += out[0][n] * out[0][n];
        }
        assertTrue(energy > 1e-3, "no reverberation within 100 ms after the pre-delay");
    }

    @Test
    void zeroMixPassesTheInputUnchanged() {
        float[][] input = EffectHarness.noise(2, 10000, 0.9, 5);
        float[][] out = EffectHarness.render(reverb(Map.of("mix_percent", 0.0)), input, 333, RATE);
        for (int c = 0; c < 2; c++) {
            org.junit.jupiter.api.Assertions.assertArrayEquals(input[c], out[c]);
        }
    }

    @Test
    void widthControlsTheCorrelationOfTheWetChannels() {
        float[][] mono = EffectHarness.noise(1, RATE, 0.5, 6);
        float[][] input = {mono[0], mono[0].clone()};
        float[][] narrow = EffectHarness.render(reverb(Map.of("width_percent", 0.0, "mix_percent", 100.0)), input, 512, RATE);
        float[][] wide = EffectHarness.render(reverb(Map.of("width_percent", 100.0, "mix_percent", 100.0)), input, 512, RATE);
        org.junit.jupiter.api.Assertions.assertArrayEquals(narrow[0], narrow[1]);
        double correlation = correlation(wide[0], wide[1], RATE / 5);
        assertTrue(Math.abs(correlation) < 0.3, "left/right correlation at full width: " + correlation);
    }

    private static double correlation(float[] a, float[] b, int from) {
        double ab = 0;
        double aa = 0;
        double bb = 0;
        for (int n = from; n < a.length; n++) {
            ab += a[n] * b[n];
            aa += a[n] * a[n];
            bb += b[n] * b[n];
        }
        return ab / Math.sqrt(aa * bb);
    }

    @Test
    void nonFiniteInputNeverReachesTheOutput() {
        float[][] input = EffectHarness.noise(2, 5000, 0.5, 7);
        input[0][100] = Float.NaN;
        input[1][200] = Float.POSITIVE_INFINITY;
        input[0][300] = Float.MAX_VALUE; // finite, but overflows the network
        input[1][300] = Float.MAX_VALUE;
        float[][] out = EffectHarness.render(reverb(Map.of()), input, 512, RATE);
        EffectHarness.assertFiniteAndNormal(out);
    }

    @Test
    void monoAndSurroundLayoutsWork() {
        float[][] mono = EffectHarness.render(reverb(Map.of()), EffectHarness.noise(1, 5000, 0.5, 8), 512, RATE);
        EffectHarness.assertFiniteAndNormal(mono);
        float[][] six = EffectHarness.render(reverb(Map.of()), EffectHarness.noise(6, 5000, 0.5, 9), 512, RATE);
        EffectHarness.assertFiniteAndNormal(six);
    }

    @Test
    void rejectsParametersOfAnotherEffect() {
        Effect effect = reverb(Map.of());
        ParameterSet other = new ConvolutionReverbProvider().defaults();
        assertThrows(InvalidParameterException.class, () -> effect.setParameters(other));
        assertThrows(InvalidParameterException.class, () -> PROVIDER.defaults().with("decay_s", 30));
    }
}
