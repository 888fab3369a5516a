package io.mixai.dsp.dynamics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixai.audio.AudioBlock;
import io.mixai.dsp.testing.ThreadAllocationMeter;
import io.mixai.param.InvalidParameterException;
import io.mixai.param.ParameterSet;
import io.mixai.process.ProcessSpec;
import io.mixai.process.SidechainProcessor;
import io.mixai.spi.Effect;
import io.mixai.spi.EffectProvider;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.ServiceLoader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Measures the compressor's static curve, time constants, look-ahead delay and real-time contract. */
class CompressorTest {

    private static final CompressorProvider PROVIDER = new CompressorProvider();
    private static final int FS = 48000;

    static double worstCurveErrorDb;
    static double worstTimeConstantError;

    /**
     * The static curve, written out here from Giannoulis, Massberg and Reiss (2012), eq. 4,
     * independently of {@link CompressorCurve}.
     */
    static double expectedOutputDb(double x, double t, double r, double w) {
        if (x - t < -w / 2) {
            return x;
        }
        if (x - t > w / 2) {
            return t + (x - t) / r;
        }
        return x + (1 / r - 1) * Math.pow(x - t + w / 2, 2) / (2 * w);
    }

    static Effect compressor(Map<String, ? extends Number> values, String detection, int channels) {
        ParameterSet p = ParameterSet.of("compressor", PROVIDER.parameters(), values).withChoice("detection", detection);
        Effect e = PROVIDER.create(p);
        e.prepare(new ProcessSpec(FS, 4096, channels));
        return e;
    }

    static void run(Effect effect, float[][] audio, int blockSize) {
        AudioBlock block = new AudioBlock(audio, 0, 0);
        for (int start = 0; start < audio[0].length; start += blockSize) {
            effect.process(block.moveTo(start, Math.min(blockSize, audio[0].length - start)));
        }
    }

    static float[] sine(double amplitude, double hz, int frames) {
        float[] x = new float[frames];
        for (int i = 0; i < frames; i++) {
            x[i] = (float) (amplitude * Math.sin(2 * Math.PI * hz * i / FS));
        }
        return x;
    }

    static double peakDb(float[] x, int from, int to) {
        double peak = 0;
        for (int i = from; i < to; i++) {
            peak = Math.max(peak, Math.abs(x[i]));
        }
        return 20 * Math.log10(peak);
    }

    static double rmsDb(float[] x, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += (double) x[i] * x[i];
        }
        return 10 * Math.log10(sum / (to - from));
    }

    // ---- static curve ----

    @ParameterizedTest(name = "peak: T {0} dB, R {1}, W {2} dB")
    @CsvSource({"-30, 4, 12", "-20, 10, 0", "-40, 40, 24", "-10, 2, 6"})
    void peakDetectionFollowsTheStaticCurve(double t, double r, double w) {
        // A 1 kHz sine's samples reach its peak exactly (48 samples per cycle). A 0.01 ms attack
        // lets the gain reach the crest's value; a 5 s release barely moves between crests.
        Map<String, Number> v = Map.of("threshold_db", t, "ratio", r, "knee_db", w, "attack_ms", 0.01,
                "release_ms", 5000);
        Effect c = compressor(v, "peak", 1);
        for (double level = -60; level <= 0; level += 1.5) {
            c.reset();
            float[] x = sine(Math.pow(10, level / 20), 1000, FS / 4);
            float[][] audio = {x.clone()};
            run(c, audio, 4096);
            double measured = peakDb(audio[0], FS / 8, FS / 4);
            double expected = expectedOutputDb(peakDb(x, 0, FS / 4), t, r, w);
            worstCurveErrorDb = Math.max(worstCurveErrorDb, Math.abs(measured - expected));
            assertEquals(expected, measured, 0.25, "input " + level + " dBFS peak");
        }
    }

    @ParameterizedTest(name = "rms: T {0} dB, R {1}, W {2} dB")
    @CsvSource({"-30, 4, 12", "-24, 8, 0", "-45, 20, 18"})
    void rmsDetectionFollowsTheStaticCurveInRmsTerms(double t, double r, double w) {
        Map<String, Number> v = Map.of("threshold_db", t, "ratio", r, "knee_db", w, "attack_ms", 5,
                "release_ms", 80);
        Effect c = compressor(v, "rms", 1);
        for (double level = -60; level <= 0; level += 1.5) {
            c.reset();
            float[] x = sine(Math.pow(10, level / 20), 1000, FS / 2);
            float[][] audio = {x.clone()};
            run(c, audio, 4096);
            // The last 0.2 s, 300 ms after the start: many times the 20 ms RMS window and the release.
            double measured = rmsDb(audio[0], 3 * FS / 10, FS / 2);
            double expected = expectedOutputDb(rmsDb(x, 3 * FS / 10, FS / 2), t, r, w);
            worstCurveErrorDb = Math.max(worstCurveErrorDb, Math.abs(measured - expected));
            assertEquals(expected, measured, 0.25, "input " + level + " dBFS peak");
        }
    }

    @Test
    void makeupAndAutoMakeupRaiseTheCurve() {
        // Auto make-up restores a 0 dBFS peak to 0 dBFS; manual make-up adds on top.
        for (double manual : new double[] {0, 3}) {
            Map<String, Number> v = Map.of("threshold_db", -24, "ratio", 6, "knee_db", 6, "attack_ms", 0.01,
                    "release_ms", 5000, "auto_makeup", 1, "makeup_db", manual);
            Effect c = compressor(v, "peak", 1);
            for (double level : new double[] {0, -12, -40}) {
                c.reset();
                float[][] audio = {sine(Math.pow(10, level / 20), 1000, FS / 4)};
                run(c, audio, 4096);
                double expected = expectedOutputDb(level, -24, 6, 6) - expectedOutputDb(0, -24, 6, 6) + manual;
                assertEquals(expected, peakDb(audio[0], FS / 8, FS / 4), 0.25, "level " + level + " makeup " + manual);
            }
        }
    }

    // ---- time constants ----

    /**
     * Steps a 1 kHz square wave (constant |x|, so the detector sees a clean level step) from -40
     * to -20 dBFS and back, with threshold -50 dB, ratio 4, hard knee: the gain reduction steps
     * from 7.5 to 22.5 dB and back. The time constant is measured as the time the gain (output
     * over input, in dB) takes to cover 1 - 1/e of the change, interpolated between samples; a
     * step that takes effect at sample n0 has covered 1 - alpha^(k+1) at sample n0 + k, so the
     * time is counted from one sample before the step.
     */
    @ParameterizedTest(name = "attack {0} ms, release {1} ms")
    @CsvSource({"0.5, 20", "1, 50", "10, 100", "50, 1000", "200, 3000"})
    void attackAndReleaseTimeConstantsMatchTheirSettings(double attackMs, double releaseMs) {
        Map<String, Number> v = Map.of("threshold_db", -50, "ratio", 4, "knee_db", 0, "attack_ms", attackMs,
                "release_ms", releaseMs);
        Effect c = compressor(v, "peak", 1);
        int settle = (int) (FS * (0.02 + 8 * attackMs / 1000));
        int stepUp = settle;
        int stepDown = stepUp + settle;
        int end = stepDown + (int) (FS * 1.5 * releaseMs / 1000) + 100;
        float[] x = new float[end];
        for (int i = 0; i < end; i++) {
            double amplitude = i >= stepUp && i < stepDown ? 0.1 : 0.01;
            x[i] = (float) ((i / 24) % 2 == 0 ? amplitude : -amplitude);
        }
        float[][] audio = {x.clone()};
        run(c, audio, 1000);
        double[] gain = new double[end];
        for (int i = 0; i < end; i++) {
            gain[i] = 20 * Math.log10(Math.abs(audio[0][i] / x[i]));
        }
        double low = gain[stepUp - 1];
        double high = gain[stepDown - 1];
        assertEquals(-7.5, low, 0.01, "settled gain at -40 dBFS");
        assertEquals(-22.5, high, 0.01, "settled gain at -20 dBFS");
        double attack = timeToCover(gain, stepUp, low, high);
        double release = timeToCover(gain, stepDown, high, low);
        double attackError = Math.abs(attack - attackMs) / attackMs;
        double releaseError = Math.abs(release - releaseMs) / releaseMs;
        worstTimeConstantError = Math.max(worstTimeConstantError, Math.max(attackError, releaseError));
        assertTrue(attackError < 0.10, "attack measured " + attack + " ms for " + attackMs);
        assertTrue(releaseError < 0.10, "release measured " + release + " ms for " + releaseMs);
    }

    /** Milliseconds from one sample before {@code step} until {@code g} has covered 1 - 1/e of from→to. */
    static double timeToCover(double[] g, int step, double from, double to) {
        double goal = 1 - Math.exp(-1);
        double previous = 0;
        for (int n = step; n < g.length; n++) {
            double fraction = (g[n] - from) / (to - from);
            if (fraction >= goal) {
                double t = n - step + 1 - (fraction - goal) / (fraction - previous);
                return 1000.0 * t / FS;
            }
            previous = fraction;
        }
        throw new AssertionError("the gain never covered 63 % of the step");
    }

    // ---- look-ahead ----

    @ParameterizedTest
    @CsvSource({"44100, 0", "44100, 1.3", "48000, 5", "96000, 20", "48000, 20"})
    void lookaheadLatencyEqualsTheMeasuredDelay(int fs, double lookaheadMs) {
        for (Map<String, Number> v : List.of(Map.<String, Number>of("ratio", 1, "lookahead_ms", lookaheadMs),
                Map.<String, Number>of("ratio", 8, "threshold_db", -20, "lookahead_ms", lookaheadMs))) {
            Effect c = PROVIDER.create(ParameterSet.of("compressor", PROVIDER.parameters(), v));
            c.prepare(new ProcessSpec(fs, 256, 2));
            int expected = (int) Math.round(lookaheadMs * fs / 1000);
            assertEquals(expected, c.latencySamples());
            float[][] audio = new float[2][4000];
            audio[0][100] = 0.05f; // below the threshold
            audio[1][100] = -0.05f;
            run(c, audio, 256);
            for (int ch = 0; ch < 2; ch++) {
                int at = -1;
                for (int i = 0; i < audio[ch].length; i++) {
                    if (audio[ch][i] != 0) {
                        assertEquals(-1, at, "a single non-zero sample");
                        at = i;
                    }
                }
                assertEquals(100 + c.latencySamples(), at);
                assertEquals(ch == 0 ? 0.05f : -0.05f, audio[ch][at], 1e-6f);
            }
        }
    }

    @Test
    void lookaheadChangesOnlyAtPrepare() {
        Effect c = PROVIDER.create(PROVIDER.defaults());
        c.prepare(new ProcessSpec(FS, 512, 2));
        assertEquals(0, c.latencySamples());
        c.setParameters(c.parameters().with("lookahead_ms", 10));
        c.process(new AudioBlock(new float[2][512], 0, 512));
        assertEquals(0, c.latencySamples());
        c.prepare(new ProcessSpec(FS, 512, 2));
        assertEquals(480, c.latencySamples());
    }

    // ---- sidechain and stereo link ----

    @Test
    void externalSidechainKeysTheGain() {
        // Main: a -30 dBFS sine that alone stays below the -30 dB threshold's reach (hard knee).
        // Sidechain: a -10 dBFS square, 20 dB over: 15 dB of reduction at ratio 4.
        Map<String, Number> v = Map.of("threshold_db", -30, "ratio", 4, "knee_db", 0, "attack_ms", 1,
                "release_ms", 100);
        Effect c = compressor(v, "peak", 2);
        SidechainProcessor sc = (SidechainProcessor) c;
        int n = FS / 2;
        float[][] main = {sine(Math.pow(10, -30 / 20.0), 1000, n), sine(Math.pow(10, -30 / 20.0), 1000, n)};
        float[] key = new float[n];
        for (int i = 0; i < n; i++) {
            key[i] = (i / 24) % 2 == 0 ? 0.316227766f : -0.316227766f;
        }
        AudioBlock mainBlock = new AudioBlock(main, 0, 0);
        AudioBlock keyBlock = new AudioBlock(new float[][] {key}, 0, 0); // mono key for stereo main
        for (int start = 0; start < n; start += 1000) {
            int len = Math.min(1000, n - start);
            sc.process(mainBlock.moveTo(start, len), keyBlock.moveTo(start, len));
        }
        assertEquals(-45, peakDb(main[0], n / 2, n), 0.05);
        assertEquals(-45, peakDb(main[1], n / 2, n), 0.05);
        // Without the key the same main signal passes unchanged.
        c.reset();
        float[][] alone = {sine(Math.pow(10, -30 / 20.0), 1000, n), sine(Math.pow(10, -30 / 20.0), 1000, n)};
        run(c, alone, 1000);
        assertEquals(-30, peakDb(alone[0], n / 2, n), 0.01);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 50, 100})
    void stereoLinkBlendsTheChannelsDetection(int linkPercent) {
        // Left a -10 dBFS square, right a -40 dBFS square; threshold -30, ratio 4, hard knee.
        Map<String, Number> v = Map.of("threshold_db", -30, "ratio", 4, "knee_db", 0, "attack_ms", 1,
                "release_ms", 100, "stereo_link_percent", linkPercent);
        Effect c = compressor(v, "peak", 2);
        int n = FS / 4;
        float[][] audio = new float[2][n];
        for (int i = 0; i < n; i++) {
            int sign = (i / 24) % 2 == 0 ? 1 : -1;
            audio[0][i] = sign * (float) Math.pow(10, -10 / 20.0);
            audio[1][i] = sign * (float) Math.pow(10, -40 / 20.0);
        }
        run(c, audio, 512);
        double link = linkPercent / 100.0;
        double leftLevel = -10;
        double rightLevel = -40 + link * (-10 - -40); // blended in dB with the louder (linked) channel
        double leftGain = expectedOutputDb(leftLevel, -30, 4, 0) - leftLevel;
        double rightGain = expectedOutputDb(rightLevel, -30, 4, 0) - rightLevel;
        assertEquals(-10 + leftGain, peakDb(audio[0], n / 2, n), 0.01);
        assertEquals(-40 + rightGain, peakDb(audio[1], n / 2, n), 0.01);
    }

    // ---- real-time contract ----

    static Map<String, Number> busySettings() {
        Map<String, Number> v = new HashMap<>();
        v.put("threshold_db", -24);
        v.put("ratio", 5);
        v.put("knee_db", 8);
        v.put("attack_ms", 3);
        v.put("release_ms", 60);
        v.put("stereo_link_percent", 50);
        v.put("lookahead_ms", 2.5);
        v.put("auto_makeup", 1);
        return v;
    }

    static float[][] noise(int channels, int frames, long seed) {
        Random r = new Random(seed);
        float[][] x = new float[channels][frames];
        for (float[] ch : x) {
            for (int i = 0; i < frames; i++) {
                // bursts, so the compressor keeps attacking and releasing
                ch[i] = (float) (r.nextGaussian() * ((i / 3000) % 2 == 0 ? 0.3 : 0.01));
            }
        }
        return x;
    }

    @ParameterizedTest
    @ValueSource(strings = {"peak", "rms"})
    void outputIsBitIdenticalForEveryBlockSize(String detection) {
        float[][] input = noise(2, 30000, 5);
        float[][] reference = null;
        for (int blockSize : new int[] {4096, 1, 17, 512}) {
            Effect c = compressor(busySettings(), detection, 2);
            float[][] out = {input[0].clone(), input[1].clone()};
            run(c, out, blockSize);
            if (reference == null) {
                reference = out;
                assertFalse(Arrays.equals(reference[0], input[0]));
            } else {
                assertArrayEquals(reference[0], out[0], "block size " + blockSize);
                assertArrayEquals(reference[1], out[1], "block size " + blockSize);
            }
        }
    }

    @Test
    void resetMakesTheNextRunIdenticalToTheFirst() {
        float[][] input = noise(2, 20000, 6);
        Effect c = compressor(busySettings(), "rms", 2);
        float[][] first = {input[0].clone(), input[1].clone()};
        run(c, first, 333);
        c.reset();
        float[][] second = {input[0].clone(), input[1].clone()};
        run(c, second, 333);
        assertArrayEquals(first[0], second[0]);
        assertArrayEquals(first[1], second[1]);
    }

    @ParameterizedTest
    @ValueSource(strings = {"peak", "rms"})
    void processAllocatesNothing(String detection) {
        ParameterSet a = ParameterSet.of("compressor", PROVIDER.parameters(), busySettings())
                .withChoice("detection", detection);
        ParameterSet b = a.with("threshold_db", -12).with("makeup_db", 4);
        Effect c = PROVIDER.create(a);
        c.prepare(new ProcessSpec(FS, 512, 2));
        float[][] audio = noise(2, 512, 7);
        AudioBlock block = new AudioBlock(audio, 0, 512);
        AudioBlock key = new AudioBlock(new float[][] {audio[1]}, 0, 512);
        SidechainProcessor sc = (SidechainProcessor) c;
        for (int i = 0; i < 5000; i++) {
            c.setParameters(i % 2 == 0 ? a : b);
            c.process(block);
            sc.process(block, key);
        }
        ThreadAllocationMeter meter = new ThreadAllocationMeter();
        long fewest = Long.MAX_VALUE;
        for (int round = 0; round < 3 && fewest > 0; round++) { // one clean round of three (see the EQ test)
            long allocated = 0;
            for (int i = 0; i < 200; i++) {
                c.setParameters(i % 2 == 0 ? a : b);
                long before = meter.allocatedBytes();
                for (int j = 0; j < 5; j++) {
                    c.process(block);
                    sc.process(block, key);
                }
                allocated += meter.allocatedBytes() - before;
            }
            fewest = Math.min(fewest, allocated);
        }
        assertEquals(0, fewest, "bytes allocated by 2000 process() calls");
    }

    @Test
    void neverOutputsNanInfinityOrDenormals() {
        Effect c = compressor(busySettings(), "rms", 2);
        float[][] audio = noise(2, 4096, 8);
        audio[0][10] = Float.NaN;
        audio[1][20] = Float.NEGATIVE_INFINITY;
        audio[0][30] = Float.MIN_VALUE;
        audio[1][40] = Float.MAX_VALUE;
        run(c, audio, 4096);
        check(audio);
        float[][] tiny = new float[2][48000];
        Arrays.fill(tiny[0], 1e-38f); // just above the denormal range: gain below 1 must not push it under
        Arrays.fill(tiny[1], -Float.MIN_NORMAL);
        run(c, tiny, 4096);
        check(tiny);
    }

    static void check(float[][] audio) {
        for (float[] ch : audio) {
            for (float v : ch) {
                if (!Float.isFinite(v) || (v != 0 && Math.abs(v) < Float.MIN_NORMAL)) {
                    throw new AssertionError("output " + v + " is not finite or is denormal");
                }
            }
        }
    }

    @Test
    void validatesItsParametersAndIsFoundByServiceLoader() {
        assertThrows(InvalidParameterException.class,
                () -> ParameterSet.of("compressor", PROVIDER.parameters(), Map.of("ratio", 0.5)));
        assertThrows(InvalidParameterException.class,
                () -> ParameterSet.of("compressor", PROVIDER.parameters(), Map.of("attack_ms", 0)));
        Effect c = PROVIDER.create(PROVIDER.defaults());
        assertThrows(InvalidParameterException.class,
                () -> c.setParameters(ParameterSet.of("eq", List.of(), Map.of())));
        assertThrows(IllegalStateException.class, () -> c.process(AudioBlock.ofMono(new float[8])));
        c.prepare(new ProcessSpec(FS, 64, 1));
        assertThrows(IllegalArgumentException.class,
                () -> ((SidechainProcessor) c).process(AudioBlock.ofMono(new float[8]), AudioBlock.ofMono(new float[7])));

        EffectProvider found = null;
        for (EffectProvider p : ServiceLoader.load(EffectProvider.class)) {
            if (p.type().equals("compressor")) {
                found = p;
            }
        }
        assertTrue(found instanceof CompressorProvider);
        assertTrue(found.create(found.defaults()) instanceof SidechainProcessor);
        List<String> ids = found.parameters().stream().map(d -> d.id()).toList();
        assertEquals(List.of("threshold_db", "ratio", "knee_db", "attack_ms", "release_ms", "makeup_db", "auto_makeup",
                "detection", "stereo_link_percent", "lookahead_ms"), ids);
    }

    @AfterAll
    static void report() {
        System.out.printf("Compressor: worst static-curve error %.4f dB, worst time-constant error %.2f %%%n",
                worstCurveErrorDb, 100 * worstTimeConstantError);
    }
}
