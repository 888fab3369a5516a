package io.mixai.dsp.analysis;

import static io.mixai.dsp.analysis.Signals.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixai.audio.AudioBlock;
import io.mixai.dsp.testing.ThreadAllocationMeter;
import io.mixai.audio.AudioBuffer;
import io.mixai.param.InvalidParameterException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LoudnessMeterTest {

    private static final int FS = 44_100;

    /** Noise whose level jumps every 0.7 s, so the gates and percentiles have work to do. */
    private static float[][] steppedNoise(int channels, double seconds, long seed) {
        Random r = new Random(seed);
        int n = (int) (seconds * FS);
        float[][] x = new float[channels][n];
        double gain = 0.1;
        for (int i = 0; i < n; i++) {
            if (i % (FS * 7 / 10) == 0) {
                gain = Math.pow(10, (-50 + 45 * r.nextDouble()) / 20);
            }
            for (int c = 0; c < channels; c++) {
                x[c][i] = (float) (gain * r.nextGaussian());
            }
        }
        return x;
    }

    @Test
    void resultsAreBitIdenticalForAnyBlockSizes() {
        float[][] x = steppedNoise(2, 40, 5);
        LoudnessMeter reference = Signals.meter(x, FS);
        Random r = new Random(9);
        for (int trial = 0; trial < 3; trial++) {
            LoudnessMeter m = new LoudnessMeter(FS, 2);
            AudioBlock block = new AudioBlock(x, 0, 0);
            int at = 0;
            while (at < x[0].length) {
                int n = Math.min(trial == 0 ? 1 + r.nextInt(5) : r.nextInt(9000), x[0].length - at);
                m.process(block.moveTo(at, n));
                at += n;
            }
            assertEquals(reference.result(), m.result(), "trial " + trial);
            assertEquals(reference.momentaryLufs(), m.momentaryLufs());
            assertEquals(reference.shortTermLufs(), m.shortTermLufs());
            assertEquals(reference.shortTermTruePeakDbtp(), m.shortTermTruePeakDbtp());
        }
    }

    @Test
    void sameInputGivesSameBitsAndResetStartsAfresh() {
        float[][] x = steppedNoise(2, 8, 2);
        LoudnessMeter a = Signals.meter(x, FS);
        LoudnessMeter b = Signals.meter(steppedNoise(2, 5, 77), FS);
        b.reset();
        Signals.feed(x, 4096, b::process);
        assertEquals(a.result(), b.result());
    }

    /**
     * The histogram method against a direct BS.1770 / Tech 3342 implementation that keeps every
     * block: integrated within 0.01 LU, loudness range within 0.02 LU.
     */
    @Test
    void histogramGatingMatchesExactGating() {
        float[][] x = steppedNoise(2, 90, 13);
        LoudnessMeter m = new LoudnessMeter(FS, 2);
        List<Double> momentary = new ArrayList<>();
        List<Double> shortTerm = new ArrayList<>();
        Signals.feed(x, FS / 10, block -> {
            m.process(block);
            if (m.frames() >= FS * 4 / 10) {
                momentary.add(Math.pow(10, (value(m.momentaryLufs(), "M") + 0.691) / 10));
            }
            if (m.frames() >= FS * 3) {
                shortTerm.add(Math.pow(10, (value(m.shortTermLufs(), "S") + 0.691) / 10));
            }
        });
        assertEquals(exactGated(momentary), value(m.integratedLufs(), "I"), 0.01);
        assertEquals(exactRange(shortTerm), value(m.loudnessRangeLu(), "LRA"), 0.02);
    }

    private static double lufs(double ms) {
        return -0.691 + 10 * Math.log10(ms);
    }

    private static double exactGated(List<Double> blocks) {
        List<Double> abs = blocks.stream().filter(e -> lufs(e) > -70).toList();
        double gate = lufs(abs.stream().mapToDouble(Double::doubleValue).average().orElseThrow()) - 10;
        return lufs(abs.stream().filter(e -> lufs(e) > gate).mapToDouble(Double::doubleValue).average().orElseThrow());
    }

    private static double exactRange(List<Double> blocks) {
        List<Double> abs = blocks.stream().filter(e -> lufs(e) > -70).toList();
        double gate = lufs(abs.stream().mapToDouble(Double::doubleValue).average().orElseThrow()) - 20;
        double[] l = abs.stream().mapToDouble(LoudnessMeterTest::lufs).filter(v -> v > gate).sorted().toArray();
        return l[(int) Math.round((l.length - 1) * 0.95)] - l[(int) Math.round((l.length - 1) * 0.10)];
    }

    @Test
    void silenceAndTinyFilesAreEmptyNotNaN() {
        LoudnessMeter silent = Signals.meter(new float[2][FS * 5], FS);
        LoudnessResult r = silent.result();
        assertTrue(r.integratedLufs().isEmpty());
        assertTrue(r.loudnessRangeLu().isEmpty());
        assertTrue(r.maxMomentaryLufs().isEmpty());
        assertTrue(r.maxShortTermLufs().isEmpty());
        assertTrue(r.truePeakDbtp().isEmpty());
        assertTrue(r.samplePeakDbfs().isEmpty());
        assertTrue(silent.momentaryLufs().isEmpty());

        float[][] tiny = {{0.5f, -0.25f, 0, 0.1f, 0, 0, 0, 0, 0, 0.3f}};
        LoudnessResult t = LoudnessMeter.measure(AudioBuffer.wrap(tiny, FS));
        assertTrue(t.integratedLufs().isEmpty());
        assertTrue(t.maxMomentaryLufs().isEmpty());
        assertEquals(20 * Math.log10(0.5), value(t.samplePeakDbfs(), "sample peak"), 1e-6);
        assertTrue(value(t.truePeakDbtp(), "true peak") >= value(t.samplePeakDbfs(), "sample peak"));
        Map<String, Double> json = t.toJsonFields();
        assertEquals(List.of("integrated_lufs", "loudness_range_lu", "momentary_max_lufs", "short_term_max_lufs",
                "true_peak_dbtp", "sample_peak_dbfs"), List.copyOf(json.keySet()));
        assertNull(json.get("integrated_lufs"));
        assertEquals(t.samplePeakDbfs().getAsDouble(), json.get("sample_peak_dbfs"));

        LoudnessMeter empty = new LoudnessMeter(FS, 2);
        empty.process(new AudioBlock(new float[2][0], 0, 0));
        assertTrue(empty.result().integratedLufs().isEmpty());
    }

    /** A 2 s programme has momentary blocks but no 3 s window: no short-term maximum, no LRA. */
    @Test
    void programmeShorterThanThreeSecondsHasNoShortTermValues() {
        LoudnessMeter m = Signals.meter(new Signals.Builder(FS, 2).sine(1000, 2, -20).build(), FS);
        assertEquals(-20.0, value(m.integratedLufs(), "I"), 0.1);
        assertTrue(m.maxShortTermLufs().isEmpty());
        assertTrue(m.loudnessRangeLu().isEmpty());
        assertTrue(m.shortTermLufs().isEmpty());
    }

    @Test
    void nonFiniteSamplesNeverReachTheResults() {
        float[][] x = new Signals.Builder(FS, 2).sine(1000, 5, -20).build();
        x[0][FS] = Float.NaN;
        x[1][2 * FS] = Float.POSITIVE_INFINITY;
        LoudnessMeter m = Signals.meter(x, FS);
        assertEquals(2, m.nonFiniteSubBlocks());
        assertEquals(-20.0, value(m.integratedLufs(), "I"), 0.1);
        assertTrue(Double.isFinite(value(m.maxMomentaryLufs(), "max M")));
    }

    /** Mono is one channel of weight 1: a −23 dBFS sine reads 3 dB below the same sine in stereo. */
    @Test
    void monoReadsThreeDecibelsBelowStereo() {
        double mono = value(Signals.meter(new Signals.Builder(FS, 1).sine(1000, 5, -23).build(), FS).integratedLufs(), "mono");
        double stereo = value(Signals.meter(new Signals.Builder(FS, 2).sine(1000, 5, -23).build(), FS).integratedLufs(), "stereo");
        assertEquals(10 * Math.log10(2), stereo - mono, 1e-6);
    }

    /** WAVE 5.1 (side) mask: a surround reads +1.5 dB (weight 1.41) over a front channel; LFE is not measured. */
    @Test
    void channelMaskSetsSurroundAndLfeWeights() {
        long mask = 0x1 | 0x2 | 0x4 | 0x8 | 0x200 | 0x400;
        ChannelWeights w = ChannelWeights.fromChannelMask(mask, 6);
        double front = loudnessOfToneIn(w, 0);
        double surround = loudnessOfToneIn(w, 4);
        assertEquals(10 * Math.log10(1.41), surround - front, 1e-6);
        float[][] lfeOnly = new float[6][];
        float[][] tone = new Signals.Builder(FS, 1).sine(50, 5, -10).build();
        for (int c = 0; c < 6; c++) {
            lfeOnly[c] = c == 3 ? tone[0] : new float[tone[0].length];
        }
        LoudnessMeter m = new LoudnessMeter(FS, w);
        Signals.feed(lfeOnly, 4096, m::process);
        assertTrue(m.integratedLufs().isEmpty(), "LFE alone has no loudness");
        assertTrue(m.truePeakDbtp().isPresent(), "but it has a peak");
    }

    private static double loudnessOfToneIn(ChannelWeights w, int channel) {
        float[][] tone = new Signals.Builder(FS, 1).sine(1000, 5, -20).build();
        float[][] x = new float[w.channelCount()][];
        for (int c = 0; c < x.length; c++) {
            x[c] = c == channel ? tone[0] : new float[tone[0].length];
        }
        LoudnessMeter m = new LoudnessMeter(FS, w);
        Signals.feed(x, 4096, m::process);
        return value(m.integratedLufs(), "I");
    }

    /**
     * process() allocates nothing: measured with HotSpot's per-thread allocation counter over
     * 290 blocks, so even 16 bytes per block would show as 4.6 kB. (Read by reflection: the test
     * is compiled inside the module, which does not read jdk.management.)
     */
    @Test
    void processAllocatesNothing() throws Exception {
        float[][] x = steppedNoise(3, 10, 4);
        LoudnessMeter m = new LoudnessMeter(FS, 3);
        AudioBlock block = new AudioBlock(x, 0, 0);
        m.process(block.moveTo(0, 1500));
        ThreadAllocationMeter meter = new ThreadAllocationMeter();
        long before = meter.allocatedBytes();
        for (int at = 1500; at + 1500 <= x[0].length; at += 1500) {
            m.process(block.moveTo(at, 1500));
        }
        long allocated = meter.allocatedBytes() - before;
        assertEquals(0, allocated, allocated + " bytes allocated while processing 10 s");
    }

    /** Channels are filtered in pairs and the odd one alone: both paths give the same bits. */
    @Test
    void pairedAndSingleChannelFilteringAgree() {
        float[] noise = steppedNoise(1, 6, 21)[0];
        float[][] x = {noise, new float[noise.length], noise};
        LoudnessMeter first = new LoudnessMeter(FS, ChannelWeights.of(1, 0, 0));
        LoudnessMeter last = new LoudnessMeter(FS, ChannelWeights.of(0, 0, 1));
        Signals.feed(x, 4096, first::process);
        Signals.feed(x, 4096, last::process);
        assertEquals(first.result(), last.result());
    }

    @Test
    void rejectsBadConfigurationAndMismatchedBlocks() {
        assertThrows(InvalidParameterException.class, () -> new LoudnessMeter(1000, 2));
        assertThrows(InvalidParameterException.class, () -> new LoudnessMeter(FS, 0));
        LoudnessMeter m = new LoudnessMeter(FS, 2);
        assertThrows(IllegalArgumentException.class, () -> m.process(AudioBlock.ofMono(new float[10])));
    }

    @Test
    void peakToLoudnessRatioIsTruePeakMinusIntegrated() {
        LoudnessResult r = Signals.meter(new Signals.Builder(FS, 2).sine(1000, 5, -20).build(), FS).result();
        // A 1 kHz sine: peak −20 dBTP, loudness −20 LUFS (stereo), so PLR is about 0 dB.
        assertEquals(0.0, r.peakToLoudnessRatioDb().getAsDouble(), 0.1);
    }
}
