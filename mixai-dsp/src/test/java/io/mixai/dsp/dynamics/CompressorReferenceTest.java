package io.mixai.dsp.dynamics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.mixai.audio.AudioBlock;
import io.mixai.param.ParameterSet;
import io.mixai.process.ProcessSpec;
import io.mixai.process.SidechainProcessor;
import io.mixai.spi.Effect;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The compressor against a plain per-sample computation of the same design, written here with
 * {@code Math.log10} and {@code Math.pow} and no shortcuts (every channel's level, the blend,
 * the curve, the ballistics and the gain, every frame), on music-like stereo: the output must
 * agree within {@value #TOLERANCE_DB} dB on every sample.
 */
class CompressorReferenceTest {

    private static final CompressorProvider PROVIDER = new CompressorProvider();
    private static final int FS = 44100;
    private static final double TOLERANCE_DB = 1e-4;

    static double worstErrorDb;

    /** The parameters the reference needs, from the same map the effect gets. */
    record Setting(double threshold, double ratio, double knee, double attackMs, double releaseMs, double makeup,
            boolean autoMakeup, boolean rms, double link, double lookaheadMs) {

        static Setting of(Map<String, Number> v, String detection) {
            ParameterSet p = ParameterSet.of("compressor", PROVIDER.parameters(), v);
            return new Setting(p.get("threshold_db"), p.get("ratio"), p.get("knee_db"), p.get("attack_ms"),
                    p.get("release_ms"), p.get("makeup_db"), p.getBoolean("auto_makeup"), detection.equals("rms"),
                    p.get("stereo_link_percent") / 100, p.get("lookahead_ms"));
        }

        double makeupTarget() {
            return makeup + (autoMakeup ? -(CompressorTest.expectedOutputDb(0, threshold, ratio, knee)) : 0);
        }
    }

    /**
     * The reference: Giannoulis, Massberg and Reiss (2012) as the compressor's documentation
     * describes it, one frame at a time. {@code settings[f]} applies from frame {@code f}.
     */
    static float[][] reference(float[][] main, float[][] key, Setting first, int switchAt, Setting second) {
        int channels = main.length;
        int frames = main[0].length;
        int lookahead = (int) Math.round(first.lookaheadMs * FS / 1000.0);
        double rmsCoef = Math.exp(-1000.0 / (20 * FS));
        double makeupCoef = Math.exp(-1000.0 / (20 * FS));
        double[] meanSquare = new double[key.length];
        double[] levelDb = new double[key.length];
        double[] reduction = new double[channels];
        float[][] out = new float[channels][frames];
        double makeup = first.makeupTarget();
        for (int i = 0; i < frames; i++) {
            Setting s = i < switchAt ? first : second;
            double linkedDb;
            if (s.rms) {
                double sum = 0;
                for (int j = 0; j < key.length; j++) {
                    double x = finite(key[j][i]);
                    meanSquare[j] = rmsCoef * meanSquare[j] + (1 - rmsCoef) * x * x;
                    sum += meanSquare[j];
                    levelDb[j] = Math.max(-300, 10 * Math.log10(meanSquare[j]));
                }
                linkedDb = Math.max(-300, 10 * Math.log10(sum / key.length));
            } else {
                double max = 0;
                for (int j = 0; j < key.length; j++) {
                    double a = Math.abs(finite(key[j][i]));
                    max = Math.max(max, a);
                    levelDb[j] = Math.max(-300, 20 * Math.log10(a));
                }
                linkedDb = Math.max(-300, 20 * Math.log10(max));
            }
            makeup = makeupCoef * makeup + (1 - makeupCoef) * s.makeupTarget();
            double attack = Math.exp(-1000.0 / (s.attackMs * FS));
            double release = Math.exp(-1000.0 / (s.releaseMs * FS));
            for (int c = 0; c < channels; c++) {
                double own = levelDb[c % key.length];
                double detected = own + s.link * (linkedDb - own);
                double target = detected - CompressorTest.expectedOutputDb(detected, s.threshold, s.ratio, s.knee);
                double coef = target > reduction[c] ? attack : release;
                reduction[c] = coef * reduction[c] + (1 - coef) * target;
                double delayed = i >= lookahead ? finite(main[c][i - lookahead]) : 0;
                out[c][i] = (float) (delayed * Math.pow(10, (makeup - reduction[c]) / 20));
            }
        }
        return out;
    }

    static double finite(float x) {
        return Float.isFinite(x) ? x : 0;
    }

    /**
     * Two seconds of something like a mix: a chord with vibrato under a slow swell from -50 to
     * 0 dBFS, a kick-like decaying burst every quarter second, different balance left and
     * right, one channel alone for a while, and a silent gap.
     */
    static float[][] musicLike(long seed) {
        int n = 2 * FS;
        Random random = new Random(seed);
        float[][] x = new float[2][n];
        double[] partials = {110, 220, 277.2, 329.6, 440, 659.3, 1318.5, 3520};
        double burst = 0;
        for (int i = 0; i < n; i++) {
            double t = (double) i / FS;
            if (i % (FS / 4) == 0) {
                burst = 0.9;
            }
            burst *= 0.9995;
            double swell = Math.pow(10, (-50 + 50 * Math.min(1, t / 1.2)) / 20);
            double tone = 0;
            for (int k = 0; k < partials.length; k++) {
                double f = partials[k] * (1 + 0.003 * Math.sin(2 * Math.PI * 5 * t));
                tone += Math.sin(2 * Math.PI * f * t + k) / (k + 1);
            }
            double kick = burst * (Math.sin(2 * Math.PI * 60 * t) + 0.3 * random.nextGaussian());
            double left = 0.4 * swell * tone + kick;
            double right = 0.3 * swell * tone * Math.cos(2 * Math.PI * 0.7 * t) + 0.8 * kick;
            if (t > 1.3 && t < 1.45) {
                left = 0; // right alone
            }
            if (t > 1.6 && t < 1.75) {
                left = 0; // silence
                right = 0;
            }
            x[0][i] = (float) left;
            x[1][i] = (float) right;
        }
        return x;
    }

    static void assertClose(float[][] expected, float[][] actual, String what) {
        double worst = 0;
        for (int c = 0; c < expected.length; c++) {
            for (int i = 0; i < expected[c].length; i++) {
                double e = expected[c][i];
                double a = actual[c][i];
                if (Math.abs(e) < 1e-20 && Math.abs(a) < 1e-20) {
                    continue; // both silent (or flushed)
                }
                double errorDb = Math.abs(20 * Math.log10(a / e)); // NaN if the signs differ or one is 0
                if (!(errorDb <= TOLERANCE_DB)) {
                    throw new AssertionError(what + ": channel " + c + " frame " + i + ": " + a + " against "
                            + e + " (" + errorDb + " dB)");
                }
                worst = Math.max(worst, errorDb);
            }
        }
        worstErrorDb = Math.max(worstErrorDb, worst);
    }

    static Effect prepared(Map<String, Number> v, String detection, int channels) {
        Effect e = PROVIDER.create(ParameterSet.of("compressor", PROVIDER.parameters(), v).withChoice("detection",
                detection));
        e.prepare(new ProcessSpec(FS, 4096, channels));
        return e;
    }

    static Map<String, Number> settings(double t, double r, double w, double attack, double release, double link,
            double lookahead) {
        Map<String, Number> v = new HashMap<>();
        v.put("threshold_db", t);
        v.put("ratio", r);
        v.put("knee_db", w);
        v.put("attack_ms", attack);
        v.put("release_ms", release);
        v.put("stereo_link_percent", link);
        v.put("lookahead_ms", lookahead);
        return v;
    }

    @ParameterizedTest(name = "{0}: T {1}, R {2}, W {3}, attack {4}, release {5}, link {6} %, look-ahead {7} ms, makeup {8}, auto {9}")
    @CsvSource({
        "peak, -20, 4, 6, 5, 80, 100, 2, 0, 0",
        "peak, -30, 8, 0, 0.5, 300, 100, 0, 3, 1",
        "peak, -24, 3, 12, 10, 150, 50, 5, 0, 0",
        "peak, -40, 20, 24, 1, 50, 0, 1, -2, 1",
        "rms, -20, 4, 6, 5, 80, 100, 2, 0, 0",
        "rms, -36, 10, 18, 20, 1000, 70, 0, 0, 1",
        "rms, -12, 2, 0, 2, 40, 0, 3, 6, 0"})
    void matchesThePlainComputation(String detection, double t, double r, double w, double attack, double release,
            double link, double lookahead, double makeup, int auto) {
        Map<String, Number> v = settings(t, r, w, attack, release, link, lookahead);
        v.put("makeup_db", makeup);
        v.put("auto_makeup", auto);
        float[][] input = musicLike(1);
        float[][] out = {input[0].clone(), input[1].clone()};
        CompressorTest.run(prepared(v, detection, 2), out, 1000);
        Setting s = Setting.of(v, detection);
        assertClose(reference(input, input, s, Integer.MAX_VALUE, s), out, detection);
    }

    /**
     * Unlinked for the first second, then fully linked with another make-up: the channels'
     * reductions differ when the link arrives, so the compressor keeps them apart until they
     * meet again (in the silent gap), then shares one gain. Any block size gives the same bits.
     */
    @ParameterizedTest
    @CsvSource({"peak", "rms"})
    void linkArrivingMidwayMatchesThePlainComputationForEveryBlockSize(String detection) {
        Map<String, Number> v = settings(-28, 6, 6, 3, 60, 0, 2);
        Map<String, Number> w = new HashMap<>(v);
        w.put("stereo_link_percent", 100);
        w.put("makeup_db", 4);
        ParameterSet second = ParameterSet.of("compressor", PROVIDER.parameters(), w).withChoice("detection", detection);
        float[][] input = musicLike(2);
        float[][] first = null;
        for (int blockSize : new int[] {300, 7, 2205}) { // each divides the switching frame, 44100
            Effect c = prepared(v, detection, 2);
            float[][] out = {input[0].clone(), input[1].clone()};
            AudioBlock block = new AudioBlock(out, 0, 0);
            for (int start = 0; start < FS * 2; start += blockSize) {
                if (start == FS) {
                    c.setParameters(second);
                }
                c.process(block.moveTo(start, Math.min(blockSize, 2 * FS - start)));
            }
            if (first == null) {
                first = out;
                assertClose(reference(input, input, Setting.of(v, detection), FS, Setting.of(w, detection)), out,
                        "link arriving");
            } else {
                assertArrayEquals(first[0], out[0], "block size " + blockSize);
                assertArrayEquals(first[1], out[1], "block size " + blockSize);
            }
        }
    }

    /**
     * Fully linked (one gain for both channels), on the music-like signal, whose quiet start
     * and silent gap leave whole chunks under the knee: the same bits for every block size,
     * including ones that cut the compressor's internal chunks at other places.
     */
    @ParameterizedTest
    @CsvSource({"peak", "rms"})
    void fullyLinkedOutputIsBitIdenticalForEveryBlockSize(String detection) {
        Map<String, Number> v = settings(-20, 4, 6, 5, 80, 100, 2);
        float[][] input = musicLike(5);
        float[][] first = null;
        for (int blockSize : new int[] {4096, 1, 100, 256, 1000}) {
            float[][] out = {input[0].clone(), input[1].clone()};
            CompressorTest.run(prepared(v, detection, 2), out, blockSize);
            if (first == null) {
                first = out;
                Setting s = Setting.of(v, detection);
                assertClose(reference(input, input, s, Integer.MAX_VALUE, s), out, "fully linked, " + detection);
            } else {
                assertArrayEquals(first[0], out[0], "block size " + blockSize);
                assertArrayEquals(first[1], out[1], "block size " + blockSize);
            }
        }
    }

    @Test
    void monoKeyOnStereoMainMatchesThePlainComputation() {
        Map<String, Number> v = settings(-30, 5, 10, 2, 100, 40, 1);
        float[][] input = musicLike(3);
        float[][] key = {musicLike(4)[1]};
        for (String detection : new String[] {"peak", "rms"}) {
            Effect c = prepared(v, detection, 2);
            float[][] out = {input[0].clone(), input[1].clone()};
            AudioBlock main = new AudioBlock(out, 0, 0);
            AudioBlock keyBlock = new AudioBlock(key, 0, 0);
            for (int start = 0; start < 2 * FS; start += 512) {
                int len = Math.min(512, 2 * FS - start);
                ((SidechainProcessor) c).process(main.moveTo(start, len), keyBlock.moveTo(start, len));
            }
            Setting s = Setting.of(v, detection);
            assertClose(reference(input, key, s, Integer.MAX_VALUE, s), out, "mono key, " + detection);
        }
    }

    @AfterAll
    static void report() {
        System.out.printf("Compressor against the plain computation: worst difference %.2e dB%n", worstErrorDb);
    }
}
