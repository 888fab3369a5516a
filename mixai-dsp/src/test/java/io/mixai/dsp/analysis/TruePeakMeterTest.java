package io.mixai.dsp.analysis;

import static io.mixai.dsp.analysis.Signals.value;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixai.audio.AudioBlock;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TruePeakMeterTest {

    /**
     * A sine with 10 ms raised-cosine fades at both ends: an abrupt start is a step, whose
     * band-limited reconstruction really overshoots (Gibbs), which is not what these tests ask.
     */
    static float[] sine(int fs, double freq, double amp, double phase, int n) {
        float[] x = new float[n];
        int fade = fs / 100;
        for (int i = 0; i < n; i++) {
            int edge = Math.min(i, n - 1 - i);
            double g = edge < fade ? 0.5 - 0.5 * Math.cos(Math.PI * edge / fade) : 1.0;
            x[i] = (float) (g * amp * Math.sin(2 * Math.PI * freq * i / fs + phase));
        }
        return x;
    }

    /**
     * A sine's true peak is its amplitude. With oversampling factor P the highest grid point can
     * miss the crest by half a grid step, i.e. read as low as A·cos(π f / (P fs)); the
     * interpolation filter may add at most 0.03 dB of error on either side up to 0.42 fs.
     */
    @ParameterizedTest
    @ValueSource(ints = {44_100, 48_000, 96_000, 192_000})
    void sinesReadTheirAmplitudeWithinTheGridBound(int fs) {
        int factor = TruePeakInterpolator.factorFor(fs);
        double[] freqs = {997, 5000, 0.25 * fs, 0.3 * fs, 0.42 * fs};
        for (double f : freqs) {
            for (double phase = 0; phase < Math.PI; phase += 0.37) {
                double amp = 0.5;
                TruePeakMeter m = new TruePeakMeter(fs, 1);
                m.process(AudioBlock.ofMono(sine(fs, f, amp, phase, fs / 10)));
                double tp = m.truePeakLinear();
                double low = amp * Math.cos(Math.PI * f / (factor * fs));
                double tolerance = Math.pow(10, 0.03 / 20);
                assertTrue(tp <= amp * tolerance && tp >= low / tolerance,
                        f + " Hz phase " + phase + " at " + fs + ": " + tp + " not in [" + low + ", " + amp + "]");
            }
        }
    }

    @Test
    void oversamplingFactorFollowsTheSampleRate() {
        assertEquals(4, TruePeakInterpolator.factorFor(44_100));
        assertEquals(4, TruePeakInterpolator.factorFor(88_200));
        assertEquals(2, TruePeakInterpolator.factorFor(96_000));
        assertEquals(1, TruePeakInterpolator.factorFor(192_000));
    }

    /** The upsampled stream is the band-limited signal itself, delayed by the reported latency. */
    @Test
    void upsampledSignalIsTheInterpolatedSine() {
        int fs = 48_000;
        double f = 15_000;
        float[] x = new float[4000];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (0.8 * Math.sin(2 * Math.PI * f * i / fs + 0.3));
        }
        TruePeakInterpolator ip = TruePeakInterpolator.forSampleRate(fs);
        int p = ip.factor();
        float[] up = new float[p * x.length];
        ip.upsample(x, 0, 1000, up, 0);
        ip.upsample(x, 1000, 3000, up, p * 1000);
        double worst = 0;
        for (int m = 400; m < up.length; m++) {
            double t = (m - ip.latencyOversampled()) / (double) (p * fs);
            double expected = 0.8 * Math.sin(2 * Math.PI * f * t + 0.3);
            worst = Math.max(worst, Math.abs(up[m] - expected));
        }
        assertTrue(worst < 0.8 * 0.005, "worst interpolation error " + worst);
    }

    @Test
    void peakAgreesWithTheUpsampledSignal() {
        Random r = new Random(3);
        float[] x = new float[3000];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (r.nextGaussian() * 0.2);
        }
        TruePeakInterpolator a = TruePeakInterpolator.forSampleRate(44_100);
        TruePeakInterpolator b = TruePeakInterpolator.forSampleRate(44_100);
        float[] up = new float[4 * x.length];
        b.upsample(x, 0, x.length, up, 0);
        float max = 0;
        for (float v : up) {
            max = Math.max(max, Math.abs(v));
        }
        assertEquals(Math.max(max, b.tailPeak()), Math.max(a.peak(x, 0, x.length), a.tailPeak()), 0f);
    }

    @Test
    void truePeakIsNeverBelowSamplePeakAndIsBlockSizeIndependent() {
        Random r = new Random(11);
        float[][] x = new float[2][20_000];
        for (int c = 0; c < 2; c++) {
            for (int i = 0; i < x[c].length; i++) {
                x[c][i] = (float) (r.nextGaussian() * 0.3);
            }
        }
        TruePeakMeter whole = new TruePeakMeter(48_000, 2);
        whole.process(new AudioBlock(x, 0, x[0].length));
        TruePeakMeter pieces = new TruePeakMeter(48_000, 2);
        AudioBlock block = new AudioBlock(x, 0, 0);
        int at = 0;
        while (at < x[0].length) {
            int n = Math.min(1 + r.nextInt(700), x[0].length - at);
            pieces.process(block.moveTo(at, n));
            at += n;
        }
        for (int c = 0; c < 2; c++) {
            assertEquals(whole.truePeakLinear(c), pieces.truePeakLinear(c), 0.0);
            assertTrue(whole.truePeakLinear(c) >= whole.samplePeakLinear(c));
        }
    }

    /** A peak in the very last sample of a 10-sample file is still seen (the filter's tail is read). */
    @Test
    void peakAtTheEndOfATinyFileIsNotLost() {
        float[] x = new float[10];
        x[9] = -0.9f;
        TruePeakMeter m = new TruePeakMeter(44_100, 1);
        m.process(AudioBlock.ofMono(x));
        assertEquals(20 * Math.log10(0.9), value(m.samplePeakDbfs(), "sample peak"), 1e-6);
        assertTrue(value(m.truePeakDbtp(), "true peak") >= value(m.samplePeakDbfs(), "sample peak"));
    }

    @Test
    void silenceHasNoPeakAndResetForgets() {
        TruePeakMeter m = new TruePeakMeter(48_000, 2);
        m.process(new AudioBlock(new float[2][1000], 0, 1000));
        assertTrue(m.truePeakDbtp().isEmpty());
        assertTrue(m.samplePeakDbfs().isEmpty());
        m.process(new AudioBlock(new float[][] {sine(48_000, 1000, 0.5, 0, 500), new float[500]}, 0, 500));
        assertTrue(m.truePeakDbtp().isPresent());
        m.reset();
        assertTrue(m.truePeakDbtp().isEmpty());
    }

    /**
     * Each polyphase branch is a fractional-delay filter: its complex response must match the
     * ideal delay e^{-jωd} (d = (latency − p) / P input samples). Error bounds: 0.003 (0.026 dB)
     * up to 20 kHz at 48 kHz (0.4167 fs), 0.02 (0.17 dB) up to 20 kHz at 44.1 kHz (0.4535 fs).
     */
    @Test
    void branchesAreAccurateFractionalDelays() {
        TruePeakInterpolator ip = TruePeakInterpolator.withFactor(4);
        int taps = TruePeakInterpolator.TAPS_PER_PHASE;
        double[][] bounds = {{20_000.0 / 48_000, 0.003}, {20_000.0 / 44_100, 0.02}};
        for (double[] bound : bounds) {
            for (int p = 0; p < 4; p++) {
                double d = (ip.latencyOversampled() - p) / 4.0;
                for (double f = 0; f <= bound[0]; f += bound[0] / 300) {
                    double w = 2 * Math.PI * f;
                    double re = 0;
                    double im = 0;
                    for (int k = 0; k < taps; k++) {
                        re += ip.coefficient(p, k) * Math.cos(w * k);
                        im -= ip.coefficient(p, k) * Math.sin(w * k);
                    }
                    double error = Math.hypot(re - Math.cos(w * d), im + Math.sin(w * d));
                    assertTrue(error < bound[1], "phase " + p + " at " + f + " fs: error " + error);
                }
            }
        }
    }

    /** The polyphase branches reproduce DC exactly, and the delay branch is a single unit tap. */
    @Test
    void phasesHaveUnitDcGain() {
        TruePeakInterpolator ip = TruePeakInterpolator.withFactor(4);
        double[] sums = new double[4];
        for (int p = 0; p < 4; p++) {
            for (int k = 0; k < TruePeakInterpolator.TAPS_PER_PHASE; k++) {
                sums[p] += ip.coefficient(p, k);
            }
        }
        assertArrayEquals(new double[] {1, 1, 1, 1}, sums, 1e-6);
    }
}
