package io.mixai.dsp.analysis;

import static io.mixai.dsp.analysis.Signals.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixai.audio.AudioBlock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * EBU Tech 3341 (v3, 2016) "minimum requirements" test cases, synthesised from the signal
 * definitions of its Table 1 (the EBU loudness test set files are not used). Signals are
 * 1 kHz sines given in dBFS peak per channel; all at 48 kHz unless the case says otherwise.
 *
 * <p>The expected responses and tolerances are those of Table 1. The signal definitions of cases
 * 1–6 and 15–19 are Table 1's; for cases 9 and 12 the segment durations (1.34 s + 1.66 s and
 * 0.18 s + 0.22 s) are the ones for which every 3 s (resp. 400 ms) window holds exactly one
 * period of −23 LUFS, which is what those cases test.
 *
 * <p>Cases 7 and 8 are authentic programme excerpts and cannot be synthesised. For cases 10, 11,
 * 13, 14 and 20–23 Table 1 gives only the expected response and a summary of the signal, so the
 * signal here is constructed to have exactly that response (see each test's comment); they check
 * the same property (maximum tracking with a fine refresh, inter-sample peaks) but are not
 * sample-identical to the EBU files.
 */
class Tech3341Test {

    private static final int FS = 48_000;
    private static final double TOL = 0.1;

    /**
     * Case 1: stereo sine 1 kHz at −23 dBFS, 20 s. Expected M, S, I = −23.0 ±0.1 LUFS. Also run
     * at other rates (K-weighting is designed per rate; 22.05 kHz has 10 ms sub-blocks of 221
     * frames, a rate not divisible by 100).
     */
    @ParameterizedTest
    @ValueSource(ints = {48_000, 22_050, 44_100, 96_000, 192_000})
    void case1SteadyToneAtMinus23(int fs) {
        LoudnessMeter m = Signals.meter(new Signals.Builder(fs, 2).sine(1000, 20, -23).build(), fs);
        assertEquals(-23.0, value(m.momentaryLufs(), "M"), TOL);
        assertEquals(-23.0, value(m.shortTermLufs(), "S"), TOL);
        assertEquals(-23.0, value(m.integratedLufs(), "I"), TOL);
        assertEquals(-23.0, value(m.maxMomentaryLufs(), "max M"), TOL);
        assertEquals(-23.0, value(m.maxShortTermLufs(), "max S"), TOL);
    }

    /** Case 2: stereo sine 1 kHz at −33 dBFS, 20 s. Expected M, S, I = −33.0 ±0.1 LUFS. */
    @Test
    void case2SteadyToneAtMinus33() {
        LoudnessMeter m = Signals.meter(new Signals.Builder(FS, 2).sine(1000, 20, -33).build(), FS);
        assertEquals(-33.0, value(m.momentaryLufs(), "M"), TOL);
        assertEquals(-33.0, value(m.shortTermLufs(), "S"), TOL);
        assertEquals(-33.0, value(m.integratedLufs(), "I"), TOL);
    }

    /** Case 3: −36 dBFS 10 s, −23 dBFS 60 s, −36 dBFS 10 s. Expected I = −23.0 ±0.1 (relative gate). */
    @Test
    void case3RelativeGateRemovesQuietEdges() {
        float[][] x = new Signals.Builder(FS, 2).sine(1000, 10, -36).sine(1000, 60, -23).sine(1000, 10, -36).build();
        assertEquals(-23.0, value(Signals.meter(x, FS).integratedLufs(), "I"), TOL);
    }

    /** Case 4: −72, −36, −23 (60 s), −36, −72 dBFS, 10 s each otherwise. Expected I = −23.0 ±0.1. */
    @Test
    void case4AbsoluteAndRelativeGates() {
        float[][] x = new Signals.Builder(FS, 2).sine(1000, 10, -72).sine(1000, 10, -36).sine(1000, 60, -23)
                .sine(1000, 10, -36).sine(1000, 10, -72).build();
        assertEquals(-23.0, value(Signals.meter(x, FS).integratedLufs(), "I"), TOL);
    }

    /** Case 5: −26 dBFS 20 s, −20 dBFS 20.1 s, −26 dBFS 20 s. Expected I = −23.0 ±0.1. */
    @Test
    void case5PowerMeanOfUnequalLevels() {
        float[][] x = new Signals.Builder(FS, 2).sine(1000, 20, -26).sine(1000, 20.1, -20).sine(1000, 20, -26).build();
        assertEquals(-23.0, value(Signals.meter(x, FS).integratedLufs(), "I"), TOL);
    }

    /**
     * Case 6: 5.0 channels, 1 kHz, 20 s: L and R at −28 dBFS, C at −24 dBFS, Ls and Rs at −30
     * dBFS. Expected I = −23.0 ±0.1. Checked both as the 5-channel file without a mask (order
     * L R C Ls Rs) and as the 6-channel WAVE_FORMAT_EXTENSIBLE file with a silent LFE (mask 0x3F).
     */
    @Test
    void case6FiveChannelWeighting() {
        float[][] five = new Signals.Builder(FS, 5).sine(1000, 20, -28, -28, -24, -30, -30).build();
        assertEquals(-23.0, value(Signals.meter(five, FS).integratedLufs(), "I 5.0"), TOL);

        float[][] six = new Signals.Builder(FS, 6)
                .sine(1000, 20, -28, -28, -24, Double.NEGATIVE_INFINITY, -30, -30).build();
        LoudnessMeter m = new LoudnessMeter(FS, ChannelWeights.fromChannelMask(0x3F, 6));
        Signals.feed(six, 1000, m::process);
        assertEquals(-23.0, value(m.integratedLufs(), "I 5.1"), TOL);
    }

    /**
     * Case 9: stereo 1 kHz, 1.34 s at −20 dBFS then 1.66 s at −30 dBFS, repeated 5 times.
     * Expected S = −23.0 ±0.1 LUFS, constant after 3 s (every 3 s window holds one period).
     */
    @Test
    void case9ShortTermIsConstantOverAPeriodicSignal() {
        Signals.Builder b = new Signals.Builder(FS, 2);
        for (int i = 0; i < 5; i++) {
            b.sine(1000, 1.34, -20).sine(1000, 1.66, -30);
        }
        LoudnessMeter m = new LoudnessMeter(FS, 2);
        int[] readings = {0};
        Signals.feed(b.build(), FS / 100, block -> {
            m.process(block);
            if (m.frames() >= 3 * FS) {
                assertEquals(-23.0, value(m.shortTermLufs(), "S"), TOL, "S at " + m.frames() / (double) FS + " s");
                readings[0]++;
            }
        });
        assertTrue(readings[0] > 1000, "S read every 10 ms from 3 s to 15 s");
    }

    /**
     * Case 10 (Max S = −23.0 ±0.1 LUFS for each of 20 signals). Synthesised: a 3 s tone burst at
     * −23 dBFS between silences, starting at 20 different offsets that do not fall on the meter's
     * 100 ms hop (or its 10 ms refresh); the maximum short-term loudness must still read −23.
     */
    @Test
    void case10MaxShortTermOfMisalignedBursts() {
        for (int k = 0; k < 20; k++) {
            int offset = FS / 2 + k * 257;
            float[][] x = new Signals.Builder(FS, 2).silenceFrames(offset).sine(1000, 3, -23).silence(1).build();
            LoudnessMeter m = Signals.meter(x, FS);
            assertEquals(-23.0, value(m.maxShortTermLufs(), "max S"), TOL, "burst at offset " + offset);
        }
    }

    /**
     * Case 11 (Max S = −38.0, −37.0, …, −19.0 ±0.1 LUFS, successive values). Synthesised: 20
     * tone bursts of 3 s at −38 … −19 dBFS, each after 3.003 s of silence, read as the largest S
     * in each segment with the meter read every 10 ms.
     */
    @Test
    void case11SuccessiveMaxShortTerm() {
        assertSuccessiveMaxima(3.0, 3.003, false);
    }

    /**
     * Case 12: stereo 1 kHz, 0.18 s at −20 dBFS then 0.22 s at −30 dBFS, repeated 25 times.
     * Expected M = −23.0 ±0.1 LUFS, constant after 1 s.
     */
    @Test
    void case12MomentaryIsConstantOverAPeriodicSignal() {
        Signals.Builder b = new Signals.Builder(FS, 2);
        for (int i = 0; i < 25; i++) {
            b.sine(1000, 0.18, -20).sine(1000, 0.22, -30);
        }
        LoudnessMeter m = new LoudnessMeter(FS, 2);
        int[] readings = {0};
        Signals.feed(b.build(), FS / 100, block -> {
            m.process(block);
            if (m.frames() >= FS) {
                assertEquals(-23.0, value(m.momentaryLufs(), "M"), TOL, "M at " + m.frames() / (double) FS + " s");
                readings[0]++;
            }
        });
        assertTrue(readings[0] > 800);
    }

    /**
     * Case 13 (Max M = −23.0 ±0.1 LUFS for each of 20 signals). Synthesised: a 0.4 s tone burst
     * at −23 dBFS (exactly one momentary window long) at 20 offsets off the 100 ms hop. This is
     * the case that needs a refresh faster than 10 Hz: the meter refreshes every 10 ms.
     */
    @Test
    void case13MaxMomentaryOfMisalignedShortBursts() {
        for (int k = 0; k < 20; k++) {
            int offset = FS / 2 + k * 239;
            float[][] x = new Signals.Builder(FS, 2).silenceFrames(offset).sine(1000, 0.4, -23).silence(0.5).build();
            LoudnessMeter m = Signals.meter(x, FS);
            assertEquals(-23.0, value(m.maxMomentaryLufs(), "max M"), TOL, "burst at offset " + offset);
        }
    }

    /**
     * Case 14 (Max M = −38.0, …, −19.0 ±0.1 LUFS, successive values). Synthesised like case 11
     * with 0.4 s bursts after 0.4 s + 3 ms of silence, read as the largest M per segment.
     */
    @Test
    void case14SuccessiveMaxMomentary() {
        assertSuccessiveMaxima(0.4, 0.403, true);
    }

    private static void assertSuccessiveMaxima(double burst, double gap, boolean momentary) {
        Signals.Builder b = new Signals.Builder(FS, 2);
        for (int level = -38; level <= -19; level++) {
            b.silence(gap).sine(1000, burst, level);
        }
        b.silence(gap);
        float[][] x = b.build();
        // Segment i is burst i and the silence after it: every window ending there holds only
        // burst i (the gaps are a little longer than the window).
        int gapFrames = (int) Math.round(gap * FS);
        int segment = (int) Math.round(burst * FS) + gapFrames;
        double[] max = new double[20];
        java.util.Arrays.fill(max, Double.NEGATIVE_INFINITY);
        LoudnessMeter m = new LoudnessMeter(FS, 2);
        Signals.feed(x, FS / 100, block -> {
            m.process(block);
            java.util.OptionalDouble v = momentary ? m.momentaryLufs() : m.shortTermLufs();
            long intoBursts = m.frames() - 1 - gapFrames;
            int seg = (int) (intoBursts / segment);
            if (v.isPresent() && intoBursts >= 0 && seg < 20) {
                max[seg] = Math.max(max[seg], v.getAsDouble());
            }
        });
        for (int i = 0; i < 20; i++) {
            assertEquals(-38.0 + i, max[i], TOL, (momentary ? "max M" : "max S") + " of segment " + (i + 1));
        }
    }

    /**
     * Cases 15–19, true peak (expected +0.2/−0.4 dB): stereo sines at 48 kHz —
     * 15: fs/4 (12 kHz), 0.50 peak, phase 0° → −6.0 dBTP; 16: fs/4, 0.50, 45° → −6.0;
     * 17: fs/6 (8 kHz), 0.50, 60° → −6.0; 18: fs/8 (6 kHz), 0.50, 67.5° → −6.0;
     * 19: fs/4, 1.41, 45° → +3.0 dBTP (samples at ±0.997, just inside full scale).
     */
    @ParameterizedTest(name = "case {0}")
    @ValueSource(ints = {15, 16, 17, 18, 19})
    void cases15To19TruePeakOfSines(int testCase) {
        double[][] def = {
            {4, 0.50, 0, -6.0}, {4, 0.50, 45, -6.0}, {6, 0.50, 60, -6.0}, {8, 0.50, 67.5, -6.0}, {4, 1.41, 45, 3.0}};
        double[] d = def[testCase - 15];
        // 10 ms fades at the ends: an abrupt start is a step whose reconstruction overshoots.
        float[] tone = TruePeakMeterTest.sine(FS, FS / d[0], d[1], Math.toRadians(d[2]), FS);
        float[][] x = {tone, tone.clone()};
        LoudnessMeter m = Signals.meter(x, FS);
        double tp = value(m.truePeakDbtp(), "true peak");
        assertTrue(tp <= d[3] + 0.2 && tp >= d[3] - 0.4, "case " + testCase + ": " + tp + " dBTP, expected " + d[3]);
        assertTrue(tp >= value(m.samplePeakDbfs(), "sample peak"));
    }

    /**
     * Cases 20–23, true peak 0.0 dBTP +0.2/−0.4 for the same inter-sample peak at four sample
     * offsets. Synthesised: a band-limited pulse (Kaiser-windowed sinc, band edge 0.45 fs) whose
     * peak falls between samples at offsets 0.125, 0.375, 0.625, 0.875 — the worst places for a
     * 4x interpolator — scaled so that the band-limited (sinc) reconstruction of its samples peaks
     * at exactly 1.0.
     */
    @ParameterizedTest(name = "case {0}")
    @ValueSource(ints = {20, 21, 22, 23})
    void cases20To23InterSamplePeaks(int testCase) {
        double centre = 1000 + (testCase - 20) * 0.25 + 0.125;
        float[][] x = new float[2][2000];
        double[] pulse = new double[2000];
        for (int i = 0; i < pulse.length; i++) {
            double t = i - centre;
            double w = Math.abs(t) < 200 ? io.mixai.dsp.spectral.KaiserWindow.besselI0(8 * Math.sqrt(1 - t * t / 40000.0)) : 0;
            pulse[i] = sinc(0.9 * t) * w;
        }
        // Peak of the ideal reconstruction sum_n pulse[n] sinc(t - n), searched finely around the centre.
        double peak = 0;
        for (double t = centre - 1; t <= centre + 1; t += 1.0 / 512) {
            double v = 0;
            for (int n = 0; n < pulse.length; n++) {
                v += pulse[n] * sinc(t - n);
            }
            peak = Math.max(peak, Math.abs(v));
        }
        for (int i = 0; i < pulse.length; i++) {
            x[0][i] = x[1][i] = (float) (pulse[i] / peak);
        }
        LoudnessMeter m = Signals.meter(x, FS);
        double tp = value(m.truePeakDbtp(), "true peak");
        assertTrue(tp <= 0.2 && tp >= -0.4, "case " + testCase + ": " + tp + " dBTP");
        assertTrue(value(m.samplePeakDbfs(), "sample peak") < -0.05, "the peak really is between samples");
    }

    private static double sinc(double t) {
        return t == 0 ? 1 : Math.sin(Math.PI * t) / (Math.PI * t);
    }

    /** The meter reads the same from any block size, here for case 5 fed one frame at a time for the first second. */
    @Test
    void blockSizeDoesNotMatterForACase() {
        float[][] x = new Signals.Builder(FS, 2).sine(1000, 2, -26).sine(1000, 2.1, -20).sine(1000, 2, -26).build();
        LoudnessMeter a = Signals.meter(x, FS);
        LoudnessMeter b = new LoudnessMeter(FS, 2);
        AudioBlock block = new AudioBlock(x, 0, 0);
        for (int i = 0; i < FS; i++) {
            b.process(block.moveTo(i, 1));
        }
        b.process(block.moveTo(FS, x[0].length - FS));
        assertEquals(a.result(), b.result());
    }
}
