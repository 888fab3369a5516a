package io.mixai.dsp.filter;

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
import io.mixai.spi.Effect;
import io.mixai.spi.EffectProvider;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The real-time contract of the {@code eq} effect in both modes. */
class ParametricEqProcessingTest {

    private static final ParametricEqProvider PROVIDER = new ParametricEqProvider();

    static ParameterSet settings(boolean linearPhase, double peakGain) {
        Map<String, Number> v = new LinkedHashMap<>();
        v.put("band1_type", EqBandType.CHOICES.indexOf("low_cut"));
        v.put("band1_freq_hz", 40);
        v.put("band1_slope_db_oct", 48);
        v.put("band2_type", EqBandType.CHOICES.indexOf("low_shelf"));
        v.put("band2_freq_hz", 120);
        v.put("band2_gain_db", 4);
        v.put("band3_type", EqBandType.CHOICES.indexOf("peak"));
        v.put("band3_freq_hz", 900);
        v.put("band3_q", 8);
        v.put("band3_gain_db", peakGain);
        v.put("band4_type", EqBandType.CHOICES.indexOf("high_shelf"));
        v.put("band4_freq_hz", 9000);
        v.put("band4_gain_db", -3);
        v.put("band5_type", EqBandType.CHOICES.indexOf("high_cut"));
        v.put("band5_freq_hz", 17000);
        v.put("band5_slope_db_oct", 24);
        v.put("linear_phase", linearPhase ? 1 : 0);
        return ParameterSet.of("eq", PROVIDER.parameters(), v);
    }

    static float[][] noise(int channels, int frames, long seed) {
        Random r = new Random(seed);
        float[][] x = new float[channels][frames];
        for (float[] ch : x) {
            for (int i = 0; i < frames; i++) {
                ch[i] = (float) (0.5 * r.nextGaussian());
            }
        }
        return x;
    }

    static float[][] copy(float[][] x) {
        float[][] y = new float[x.length][];
        for (int c = 0; c < x.length; c++) {
            y[c] = x[c].clone();
        }
        return y;
    }

    static void run(Effect effect, float[][] audio, int blockSize) {
        AudioBlock block = new AudioBlock(audio, 0, 0);
        for (int start = 0; start < audio[0].length; start += blockSize) {
            effect.process(block.moveTo(start, Math.min(blockSize, audio[0].length - start)));
        }
    }

    static Effect prepared(ParameterSet p, int maxBlock) {
        Effect e = PROVIDER.create(p);
        e.prepare(new ProcessSpec(48000, maxBlock, 2));
        return e;
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void outputIsBitIdenticalForEveryBlockSize(boolean linearPhase) {
        float[][] input = noise(2, 30000, 1);
        float[][] reference = null;
        for (int blockSize : new int[] {4096, 1, 17, 512}) {
            Effect eq = prepared(settings(linearPhase, 6), 4096);
            float[][] out = copy(input);
            run(eq, out, blockSize);
            if (reference == null) {
                reference = out;
            } else {
                for (int c = 0; c < 2; c++) {
                    assertArrayEquals(reference[c], out[c], "block size " + blockSize + " channel " + c);
                }
            }
        }
        // and the filter did something
        assertFalse(java.util.Arrays.equals(reference[0], input[0]));
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void resetMakesTheNextRunIdenticalToTheFirst(boolean linearPhase) {
        float[][] input = noise(2, 12000, 2);
        Effect eq = prepared(settings(linearPhase, -6), 512);
        float[][] first = copy(input);
        run(eq, first, 512);
        eq.reset();
        float[][] second = copy(input);
        run(eq, second, 512);
        assertArrayEquals(first[0], second[0]);
        assertArrayEquals(first[1], second[1]);
        assertEquals(settings(linearPhase, -6), eq.parameters(), "reset keeps the parameters");
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void processAllocatesNothingEvenWhenParametersChange(boolean linearPhase) {
        ParameterSet a = settings(linearPhase, 6);
        ParameterSet b = settings(linearPhase, -9);
        Effect eq = prepared(a, 512);
        float[][] audio = noise(2, 512, 3);
        AudioBlock block = new AudioBlock(audio, 0, 512);
        for (int i = 0; i < 4000; i++) { // warm up the JIT, redesigning every 10th block
            if (i % 10 == 0) {
                eq.setParameters(i % 20 == 0 ? a : b);
            }
            eq.process(block);
        }
        ThreadAllocationMeter meter = new ThreadAllocationMeter();
        // A real allocation in process() shows in every round; a one-off JIT event (a
        // deoptimisation re-materialising an eliminated object) does not, so one clean round of
        // 1000 process() calls with 100 redesigns is required out of three.
        long fewest = Long.MAX_VALUE;
        for (int round = 0; round < 3 && fewest > 0; round++) {
            long allocated = 0;
            for (int i = 0; i < 100; i++) {
                eq.setParameters(i % 2 == 0 ? a : b); // the control side may allocate; it is not measured
                long before = meter.allocatedBytes();
                for (int j = 0; j < 10; j++) {
                    eq.process(block);
                }
                allocated += meter.allocatedBytes() - before;
            }
            fewest = Math.min(fewest, allocated);
        }
        assertEquals(0, fewest, "bytes allocated by 1000 process() calls");
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void neverOutputsNanInfinityOrDenormals(boolean linearPhase) {
        Effect eq = prepared(settings(linearPhase, 24), 1024);
        float[][] audio = noise(2, 1024, 4);
        audio[0][10] = Float.NaN;
        audio[1][20] = Float.POSITIVE_INFINITY;
        audio[0][30] = Float.MIN_VALUE; // a denormal input
        audio[1][40] = -Float.MAX_VALUE;
        run(eq, audio, 1024);
        checkClean(audio);
        // Then a long silence: decaying states must not reach the denormal range.
        float[][] silence = new float[2][1024];
        for (int i = 0; i < 400; i++) { // 8.5 s: the slowest section here decays by 1e-30 in 1.5 s
            java.util.Arrays.fill(silence[0], 0f);
            java.util.Arrays.fill(silence[1], 0f);
            run(eq, silence, 1024);
            checkClean(silence);
        }
    }

    static void checkClean(float[][] audio) {
        for (float[] ch : audio) {
            for (float v : ch) {
                if (!Float.isFinite(v) || (v != 0 && Math.abs(v) < Float.MIN_NORMAL)) {
                    throw new AssertionError("output " + v + " is not finite or is denormal");
                }
            }
        }
    }

    @Test
    void latencyIsZeroInMinimumPhaseAndChangesOnlyAtPrepare() {
        Effect eq = prepared(settings(false, 3), 512);
        assertEquals(0, eq.latencySamples());
        eq.setParameters(settings(true, 3));
        eq.process(new AudioBlock(new float[2][512], 0, 512));
        assertEquals(0, eq.latencySamples(), "linear_phase waits for prepare()");
        eq.prepare(new ProcessSpec(48000, 512, 2));
        assertEquals(1024 + 4096, eq.latencySamples());
        assertTrue(eq.tailSamples() >= eq.latencySamples() + 4096);
    }

    @Test
    void reportedTailCoversTheRingingDownTo120Db() {
        // A resonant boost, an overdamped (low-Q) shelf cut and a steep cut: the impulse
        // response must have decayed 120 dB below its peak by the reported tail.
        Map<String, Number> v = new LinkedHashMap<>();
        v.put("band1_type", EqBandType.CHOICES.indexOf("peak"));
        v.put("band1_freq_hz", 60);
        v.put("band1_q", 12);
        v.put("band1_gain_db", 12);
        v.put("band2_type", EqBandType.CHOICES.indexOf("low_shelf"));
        v.put("band2_freq_hz", 200);
        v.put("band2_q", 0.1);
        v.put("band2_gain_db", -12);
        v.put("band3_type", EqBandType.CHOICES.indexOf("low_cut"));
        v.put("band3_freq_hz", 30);
        v.put("band3_slope_db_oct", 48);
        Effect eq = PROVIDER.create(ParameterSet.of("eq", PROVIDER.parameters(), v));
        eq.prepare(new ProcessSpec(48000, 4096, 1));
        float[] ir = ParametricEqResponseTest.impulseResponse(eq, 1 << 18);
        float peak = 0;
        int last = 0;
        for (float x : ir) {
            peak = Math.max(peak, Math.abs(x));
        }
        for (int i = 0; i < ir.length; i++) {
            if (Math.abs(ir[i]) > 1e-6 * peak) {
                last = i;
            }
        }
        assertTrue(last < ir.length - 1000, "impulse response too short to see the decay");
        assertTrue(eq.tailSamples() >= last, "tail " + eq.tailSamples() + " but ringing lasts " + last);
        assertTrue(eq.tailSamples() < 20 * last, "tail " + eq.tailSamples() + " is far too pessimistic for " + last);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void parameterChangesAreBitIdenticalForEveryBlockSize(boolean linearPhase) {
        // The change arrives after 69632 = 17 · 4096 frames, a block boundary for every size.
        int changeAt = 17 * 4096;
        float[][] input = noise(2, changeAt + 20000, 9);
        float[][] reference = null;
        for (int blockSize : new int[] {4096, 1, 17, 512}) {
            Effect eq = prepared(settings(linearPhase, 6), 4096);
            float[][] out = copy(input);
            AudioBlock block = new AudioBlock(out, 0, 0);
            for (int start = 0; start < out[0].length; start += blockSize) {
                if (start == changeAt) {
                    eq.setParameters(settings(linearPhase, -9).with("band2_freq_hz", 300));
                }
                eq.process(block.moveTo(start, Math.min(blockSize, out[0].length - start)));
            }
            if (reference == null) {
                reference = out;
            } else {
                assertArrayEquals(reference[0], out[0], "block size " + blockSize);
                assertArrayEquals(reference[1], out[1], "block size " + blockSize);
            }
        }
    }

    @Test
    void gainChangesGlideWithoutAStep() {
        // A 900 Hz sine through a 900 Hz bell switched from -12 to +12 dB. For a pure sine the
        // second difference is bounded by (2 sin(w/2))² times the amplitude; a step in the output
        // (an abrupt coefficient switch) would add the size of the step to it.
        Map<String, Number> cut = Map.of("band1_type", EqBandType.CHOICES.indexOf("peak"), "band1_freq_hz", 900,
                "band1_q", 1, "band1_gain_db", -12);
        Effect eq = PROVIDER.create(ParameterSet.of("eq", PROVIDER.parameters(), cut));
        eq.prepare(new ProcessSpec(48000, 4800, 1));
        float[] y = new float[19200];
        double w = 2 * Math.PI * 900 / 48000;
        for (int i = 0; i < y.length; i++) {
            y[i] = (float) (0.1 * Math.sin(w * i + 0.3));
        }
        AudioBlock block = AudioBlock.ofMono(y);
        eq.process(block.moveTo(0, 9600));
        eq.setParameters(eq.parameters().with("band1_gain_db", 12));
        eq.process(block.moveTo(9600, 9600));
        double finalAmplitude = 0;
        for (int i = 15000; i < y.length; i++) {
            finalAmplitude = Math.max(finalAmplitude, Math.abs(y[i]));
        }
        assertEquals(0.1 * Math.pow(10, 12 / 20.0), finalAmplitude, 0.002);
        double bound = Math.pow(2 * Math.sin(w / 2), 2) * finalAmplitude;
        double worst = 0;
        for (int i = 9600 - 50; i < 9600 + 2000; i++) {
            worst = Math.max(worst, Math.abs(y[i] - 2 * y[i - 1] + y[i - 2]));
        }
        assertTrue(worst < 1.2 * bound, "second difference " + worst + " vs sine bound " + bound);
    }

    @Test
    void aParameterChangeAppliesFromTheNextBlock() {
        // A peak switched from 0 dB to +12 dB between blocks: before the change the output equals
        // the input (every band flat), after it a 900 Hz tone is 12 dB louder once settled.
        Map<String, Number> flat = Map.of("band1_type", EqBandType.CHOICES.indexOf("peak"), "band1_freq_hz", 900,
                "band1_gain_db", 0);
        Effect eq = PROVIDER.create(ParameterSet.of("eq", PROVIDER.parameters(), flat));
        eq.prepare(new ProcessSpec(48000, 4800, 1));
        float[] tone = new float[48000];
        for (int i = 0; i < tone.length; i++) {
            tone[i] = (float) (0.01 * Math.sin(2 * Math.PI * 900 * i / 48000.0));
        }
        float[] out = tone.clone();
        AudioBlock block = AudioBlock.ofMono(out);
        eq.process(block.moveTo(0, 4800));
        for (int i = 0; i < 4800; i++) {
            assertEquals(tone[i], out[i], 1e-7);
        }
        eq.setParameters(eq.parameters().with("band1_gain_db", 12));
        for (int start = 4800; start < 48000; start += 4800) {
            eq.process(block.moveTo(start, 4800));
        }
        double peak = 0;
        for (int i = 40000; i < 48000; i++) {
            peak = Math.max(peak, Math.abs(out[i]));
        }
        assertEquals(12, 20 * Math.log10(peak / 0.01), 0.05);
    }

    @Test
    void rejectsParametersOfAnotherEffectAndInvalidValues() {
        Effect eq = PROVIDER.create(PROVIDER.defaults());
        ParameterSet other = ParameterSet.of("compressor", java.util.List.of(), Map.of());
        InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> eq.setParameters(other));
        assertTrue(e.getMessage().contains("compressor"));
        assertThrows(InvalidParameterException.class,
                () -> ParameterSet.of("eq", PROVIDER.parameters(), Map.of("band1_slope_db_oct", 18)));
        assertThrows(InvalidParameterException.class,
                () -> ParameterSet.of("eq", PROVIDER.parameters(), Map.of("band9_q", 1)));
        assertThrows(IllegalStateException.class, () -> eq.process(AudioBlock.ofMono(new float[4])));
    }

    @Test
    void isFoundThroughServiceLoaderWithEveryDeclaredParameter() {
        EffectProvider found = null;
        for (EffectProvider p : ServiceLoader.load(EffectProvider.class)) {
            if (p.type().equals("eq")) {
                found = p;
            }
        }
        assertTrue(found instanceof ParametricEqProvider);
        assertEquals(8 * 5 + 1, found.parameters().size());
        java.util.Set<String> ids = new java.util.HashSet<>();
        found.parameters().forEach(d -> ids.add(d.id()));
        for (int b = 1; b <= 8; b++) {
            for (String suffix : new String[] {"type", "freq_hz", "gain_db", "q", "slope_db_oct"}) {
                assertTrue(ids.contains("band" + b + "_" + suffix), "band" + b + "_" + suffix);
            }
        }
        assertTrue(ids.contains("linear_phase"));
        assertEquals(0.707, found.defaults().get("band1_q"));
        assertEquals("off", found.defaults().getChoice("band8_type"));
    }
}
