package io.mixai.dsp.dynamics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixai.audio.AudioBlock;
import io.mixai.dsp.analysis.TruePeakMeter;
import io.mixai.dsp.testing.EffectHarness;
import io.mixai.param.InvalidParameterException;
import io.mixai.param.ParameterSet;
import io.mixai.process.ProcessSpec;
import io.mixai.spi.Effect;
import java.util.Map;
import java.util.Random;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TruePeakLimiterTest {

    private static final TruePeakLimiterProvider PROVIDER = new TruePeakLimiterProvider();

    private static Effect limiter(Map<String, Double> values) {
        return PROVIDER.create(ParameterSet.of("limiter", PROVIDER.parameters(), values));
    }

    private static double dbToGain(double db) {
        return Math.pow(10, db / 20);
    }

    /** Hard test signals, 0.5 s of stereo, named for the report. */
    enum HardSignal {
        QUARTER_RATE_AT_45_DEGREES(rate -> stereo(rate, n -> Math.sqrt(2) * Math.sin(Math.PI * n / 2 + Math.PI / 4),
                n -> 0.5 * Math.sqrt(2) * Math.sin(Math.PI * n / 2 + 3 * Math.PI / 4))),
        CLIPPED_SQUARE(rate -> stereo(rate, n -> Math.max(-1, Math.min(1, 3 * Math.signum(Math.sin(2 * Math.PI * 1000.0 * n / rate + 0.1)))),
                n -> Math.max(-1, Math.min(1, 3 * Math.sin(2 * Math.PI * 3000.0 * n / rate))))),
        FULL_SCALE_WHITE_NOISE(rate -> {
            Random random = new Random(42);
            return stereo(rate, n -> 2 * random.nextDouble() - 1, n -> 2 * random.nextDouble() - 1);
        }),
        KICKS_12_DB_OVER(rate -> stereo(rate, n -> kick(n, rate), n -> 0.8 * kick(n, rate))),
        NEAR_NYQUIST_TONE(rate -> stereo(rate, n -> Math.sin(2 * Math.PI * 0.45 * n + 0.3),
                n -> Math.sin(2 * Math.PI * 0.45 * n + 1.9))),
        FULL_SCALE_SINE(rate -> stereo(rate, n -> Math.sin(2 * Math.PI * 997.0 * n / rate),
                n -> Math.cos(2 * Math.PI * 997.0 * n / rate))),
        /** Exponential sweep from 20 Hz to 0.49 fs at +6 dBFS. */
        SWEEP_TO_NEAR_NYQUIST(rate -> stereo(rate, n -> 2 * Math.sin(sweepPhase(n, rate)),
                n -> 2 * Math.cos(sweepPhase(n, rate)))),
        /** Kicks, a bass line and noise at once, 6 dB too loud: programme-like. */
        MIXED_PROGRAMME(rate -> {
            Random random = new Random(43);
            return stereo(rate, n -> 0.5 * kick(n, rate) + 0.7 * Math.sin(2 * Math.PI * 110.0 * n / rate)
                    + 0.6 * (2 * random.nextDouble() - 1),
                    n -> 0.4 * kick(n, rate) + 0.7 * Math.sin(2 * Math.PI * 165.0 * n / rate)
                    + 0.6 * (2 * random.nextDouble() - 1));
        });

        final IntFunction<float[][]> generator;

        HardSignal(IntFunction<float[][]> generator) {
            this.generator = generator;
        }
    }

    /** A kick drum: a 150 -> 50 Hz sine sweep decaying over 80 ms, every 250 ms, peaking 12 dB above 0 dBFS. */
    private static double kick(int n, int rate) {
        double t = (n % (rate / 4)) / (double) rate;
        double phase = 2 * Math.PI * (50 * t + 100 * 0.03 * (1 - Math.exp(-t / 0.03)));
        return dbToGain(12) * Math.exp(-t / 0.08) * Math.sin(phase);
    }

    private static double sweepPhase(int n, int rate) {
        double duration = 0.5;
        double f0 = 20;
        double f1 = 0.49 * rate;
        double k = Math.log(f1 / f0) / duration;
        double t = n / (double) rate;
        return 2 * Math.PI * f0 * (Math.exp(k * t) - 1) / k;
    }

    private static float[][] stereo(int rate, java.util.function.IntToDoubleFunction left,
            java.util.function.IntToDoubleFunction right) {
        int frames = rate / 2;
        float[][] x = new float[2][frames];
        for (int n = 0; n < frames; n++) {
            x[0][n] = (float) left.applyAsDouble(n);
            x[1][n] = (float) right.applyAsDouble(n);
        }
        return x;
    }

    static java.util.stream.Stream<Arguments> hardCases() {
        java.util.List<Arguments> cases = new java.util.ArrayList<>();
        for (HardSignal signal : HardSignal.values()) {
            cases.add(Arguments.of(signal, 48000, -1.0, 5.0, 100.0, false));
            cases.add(Arguments.of(signal, 48000, -0.1, 0.5, 10.0, true));
            cases.add(Arguments.of(signal, 44100, -6.0, 1.5, 50.0, false));
            cases.add(Arguments.of(signal, 96000, -2.0, 20.0, 1000.0, true));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} at {1} Hz, ceiling {2} dBTP, look-ahead {3} ms, release {4} ms, auto {5}")
    @MethodSource("hardCases")
    void outputTruePeakNeverExceedsTheCeiling(HardSignal signal, int rate, double ceilingDb, double lookaheadMs,
            double releaseMs, boolean auto) {
        Effect effect = limiter(Map.of("ceiling_dbtp", ceilingDb, "lookahead_ms", lookaheadMs,
                "release_ms", releaseMs, "auto_release", auto ? 1.0 : 0.0));
        float[][] source = signal.generator.apply(rate);
        float[][] input = new float[2][source[0].length + 5000];
        for (int c = 0; c < 2; c++) {
            System.arraycopy(source[c], 0, input[c], 0, source[c].length);
        }
        float[][] out = EffectHarness.render(effect, input, 512, rate);
        EffectHarness.assertFiniteAndNormal(out);
        double inputPeakDb = 20 * Math.log10(ReferenceTruePeak.ofAll(input));
        double outputPeakDb = 20 * Math.log10(ReferenceTruePeak.ofAll(out));
        System.out.printf("limiter %-26s %5d Hz ceiling %5.1f: input %+6.2f dBTP, output %+7.3f dBTP (%+.3f dB vs ceiling)%n",
                signal, rate, ceilingDb, inputPeakDb, outputPeakDb, outputPeakDb - ceilingDb);
        assertTrue(outputPeakDb <= ceilingDb, "output true peak " + outputPeakDb + " dBTP over the ceiling " + ceilingDb);
        // the project's own BS.1770-4 meter, as a user would check a master, agrees
        TruePeakMeter meter = new TruePeakMeter(rate, 2);
        meter.process(new AudioBlock(out, 0, out[0].length));
        double meteredDb = 20 * Math.log10(meter.truePeakLinear());
        assertTrue(meteredDb <= ceilingDb, "BS.1770-4 meter reads " + meteredDb + " dBTP over the ceiling " + ceilingDb);
        // and it limits, rather than merely turning everything down
        assertTrue(outputPeakDb > ceilingDb - 1.0, "output true peak " + outputPeakDb + " dBTP is far below the ceiling");
    }

    @Test
    void impulseBelowTheCeilingComesOutUnchangedAtTheReportedLatency() {
        Effect effect = limiter(Map.of());
        float[][] input = new float[2][4000];
        input[0][1000] = 0.5f;
        input[1][1500] = -0.25f;
        float[][] out = EffectHarness.render(effect, input, 64, 48000);
        int latency = effect.latencySamples();
        assertEquals(TruePeakLimiter.FIXED_LATENCY + 240, latency);
        for (int c = 0; c < 2; c++) {
            for (int n = 0; n < out[c].length; n++) {
                float expected = n >= latency ? input[c][n - latency] : 0f;
                assertEquals(expected, out[c][n], "channel " + c + " frame " + n);
            }
        }
    }

    @Test
    void quietSignalPassesBitIdenticalDelayed() {
        float[][] input = EffectHarness.noise(2, 48000, dbToGain(-12), 7);
        Effect effect = limiter(Map.of("auto_release", 1.0));
        float[][] out = EffectHarness.render(effect, input, 100, 48000);
        int latency = effect.latencySamples();
        for (int c = 0; c < 2; c++) {
            for (int n = latency; n < out[c].length; n++) {
                if (Float.floatToRawIntBits(input[c][n - latency]) != Float.floatToRawIntBits(out[c][n])) {
                    throw new AssertionError("channel " + c + " frame " + n);
                }
            }
        }
    }

    @Test
    void gainIsLinkedAcrossChannels() {
        float[][] input = new float[2][24000];
        for (int n = 0; n < input[0].length; n++) {
            input[0][n] = (float) (2 * Math.sin(2 * Math.PI * 440 * n / 48000.0));
            input[1][n] = (float) (0.01 * Math.sin(2 * Math.PI * 660 * n / 48000.0));
        }
        Effect effect = limiter(Map.of());
        float[][] out = EffectHarness.render(effect, input, 512, 48000);
        int latency = effect.latencySamples();
        for (int n = 12000; n < 24000; n++) {
            double left = out[0][n] / input[0][n - latency];
            double right = out[1][n] / input[1][n - latency];
            if (Math.abs(input[0][n - latency]) > 0.5 && Math.abs(input[1][n - latency]) > 0.005) {
                assertEquals(left, right, 1e-4, "frame " + n);
            }
        }
    }

    /** Gain reduction (1 - gain) read from a tone: output over the delayed input where the input is not near zero. */
    private static double[] gainReduction(float[] input, float[] output, int latency, double minimum) {
        double[] reduction = new double[input.length];
        double last = 0;
        for (int n = 0; n < input.length; n++) {
            if (n >= latency && Math.abs(input[n - latency]) > minimum) {
                last = 1 - output[n] / input[n - latency];
            }
            reduction[n] = last;
        }
        return reduction;
    }

    private static float[] toneWithLoudPart(int rate, int loudFrom, int loudTo, double loud, double quiet, int frames) {
        float[] x = new float[frames];
        for (int n = 0; n < frames; n++) {
            double a = n >= loudFrom && n < loudTo ? loud : quiet;
            x[n] = (float) (a * Math.sin(2 * Math.PI * 1000 * n / (double) rate));
        }
        return x;
    }

    @Test
    void releaseFollowsTheReleaseTimeConstant() {
        int rate = 48000;
        float[] x = toneWithLoudPart(rate, 0, rate / 4, 2.0, 0.1, rate);
        Effect effect = limiter(Map.of("release_ms", 100.0));
        float[][] out = EffectHarness.render(effect, new float[][] {x}, 256, rate);
        double[] reduction = gainReduction(x, out[0], effect.latencySamples(), 0.07);
        int start = effect.latencySamples() + rate / 4;
        int a = firstBelow(reduction, start, 0.3);
        int b = firstBelow(reduction, start, 0.3 / Math.E);
        double tau = (b - a) * 1000.0 / rate;
        System.out.printf("limiter release 100 ms: measured time constant %.1f ms%n", tau);
        assertEquals(100, tau, 10);
    }

    private static int firstBelow(double[] values, int from, double threshold) {
        for (int n = from; n < values.length; n++) {
            if (values[n] < threshold) {
                return n;
            }
        }
        throw new AssertionError("never fell below " + threshold);
    }

    /** Frames from the end of the loud part until the gain is back within 1 dB of unity. */
    private static int recoveryFrames(boolean auto, int loudFrames) {
        int rate = 48000;
        int loudFrom = rate / 2;
        float[] x = toneWithLoudPart(rate, loudFrom, loudFrom + loudFrames, 4.0, 0.1, 3 * rate);
        Effect effect = limiter(Map.of("release_ms", 200.0, "auto_release", auto ? 1.0 : 0.0));
        float[][] out = EffectHarness.render(effect, new float[][] {x}, 256, rate);
        double[] reduction = gainReduction(x, out[0], effect.latencySamples(), 0.07);
        int end = loudFrom + loudFrames + effect.latencySamples();
        return firstBelow(reduction, end, 1 - dbToGain(-1)) - end;
    }

    @Test
    void autoReleaseRecoversFasterAfterTransientsThanAfterSustainedLimiting() {
        int transientManual = recoveryFrames(false, 240);
        int sustainedManual = recoveryFrames(false, 48000);
        int transientAuto = recoveryFrames(true, 240);
        int sustainedAuto = recoveryFrames(true, 48000);
        System.out.printf("limiter recovery to -1 dB (release 200 ms): manual %d / %d, auto %d / %d frames "
                + "(after 5 ms / 1 s of limiting)%n", transientManual, sustainedManual, transientAuto, sustainedAuto);
        assertEquals(transientManual, sustainedManual, 0.1 * sustainedManual, "manual release is programme independent");
        assertTrue(transientAuto < 0.6 * transientManual, "auto release after a transient: " + transientAuto);
        assertTrue(sustainedAuto > 1.5 * transientAuto, "auto release after sustained limiting: " + sustainedAuto);
    }

    @Test
    void outputIsBitIdenticalForAnyBlockSize() {
        float[][] input = HardSignal.KICKS_12_DB_OVER.generator.apply(48000);
        float[][] noise = EffectHarness.noise(2, input[0].length, 1.0, 9);
        for (int c = 0; c < 2; c++) {
            for (int n = 0; n < input[c].length; n++) {
                input[c][n] += noise[c][n];
            }
        }
        EffectHarness.assertBlockSizeIndependent(() -> limiter(Map.of("auto_release", 1.0)), input, 48000, 1, 17, 512, 4096);
    }

    @Test
    void resetRestoresTheInitialBehaviour() {
        float[][] loud = HardSignal.FULL_SCALE_WHITE_NOISE.generator.apply(48000);
        float[][] second = HardSignal.KICKS_12_DB_OVER.generator.apply(48000);
        Effect used = limiter(Map.of("auto_release", 1.0));
        EffectHarness.render(used, loud, 512, 48000);
        used.reset();
        float[][] afterReset = EffectHarness.continueRender(used, second, 512);
        float[][] fresh = EffectHarness.render(limiter(Map.of("auto_release", 1.0)), second, 512, 48000);
        for (int c = 0; c < 2; c++) {
            assertArrayEquals(fresh[c], afterReset[c]);
        }
    }

    @Test
    void processAllocatesNothing() {
        Effect effect = limiter(Map.of("auto_release", 1.0));
        effect.prepare(new ProcessSpec(48000, 512, 2));
        EffectHarness.assertProcessAllocatesNothing(effect, EffectHarness.noise(2, 512 * 20, 2.0, 10), 512);
    }

    @Test
    void nonFiniteInputNeverReachesTheOutput() {
        float[][] input = EffectHarness.noise(2, 5000, 0.5, 11);
        input[0][100] = Float.NaN;
        input[1][200] = Float.NEGATIVE_INFINITY;
        input[0][300] = 1e-42f;
        input[1][400] = Float.MAX_VALUE;
        float[][] out = EffectHarness.render(limiter(Map.of()), input, 512, 48000);
        EffectHarness.assertFiniteAndNormal(out);
    }

    @Test
    void lookaheadSetsTheLatencyAtPrepare() {
        Effect effect = limiter(Map.of("lookahead_ms", 10.0));
        effect.prepare(new ProcessSpec(44100, 512, 2));
        assertEquals(441 + TruePeakLimiter.FIXED_LATENCY, effect.latencySamples());
        effect.setParameters(effect.parameters().with("lookahead_ms", 2.0));
        assertEquals(441 + TruePeakLimiter.FIXED_LATENCY, effect.latencySamples(), "changes only at prepare");
        effect.prepare(new ProcessSpec(44100, 512, 2));
        assertEquals(88 + TruePeakLimiter.FIXED_LATENCY, effect.latencySamples());
    }

    @Test
    void rejectsInvalidParameters() {
        assertThrows(InvalidParameterException.class, () -> PROVIDER.defaults().with("ceiling_dbtp", 0.5));
        assertThrows(InvalidParameterException.class, () -> PROVIDER.defaults().with("auto_release", 0.5));
        Effect effect = limiter(Map.of());
        ParameterSet reverb = new io.mixai.dsp.reverb.ReverbProvider().defaults();
        assertThrows(InvalidParameterException.class, () -> effect.setParameters(reverb));
    }
}
