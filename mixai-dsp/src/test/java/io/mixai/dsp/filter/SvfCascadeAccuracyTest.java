package io.mixai.dsp.filter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixai.audio.AudioBlock;
import io.mixai.dsp.effect.SafeSamples;
import io.mixai.param.ParameterSet;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The cascade's fast paths (two channels and two sections per loop, the rearranged step, the
 * per-chunk denormal flush) against a plain reference written here from A. Simper's
 * "Linear trapezoidal integrated SVF" (2013): one channel, one section, one sample at a time,
 * with the textbook {@code v1, v2, ic = 2v - ic} update and the same per-sample coefficient glide.
 * The two must agree to double precision, far below float resolution.
 */
class SvfCascadeAccuracyTest {

    private static final int RATE = 44_100;
    private static final int GLIDE = 221; // 5 ms
    private static final ParametricEqProvider PROVIDER = new ParametricEqProvider();

    /** Nine sections (a 48 dB/oct low cut is four): odd, so the single-section loops run too. */
    private static EqSettings settings(double peakHz, double peakGain) {
        Map<String, Number> v = new LinkedHashMap<>();
        band(v, 1, "low_cut", 40, 0, 0.707, 48);
        band(v, 2, "low_shelf", 120, 3, 0.707, 12);
        band(v, 3, "peak", peakHz, peakGain, 1.5, 12);
        band(v, 4, "peak", 2500, 2, 3, 12);
        band(v, 5, "high_shelf", 9000, -2, 0.707, 12);
        band(v, 6, "high_cut", 18000, 0, 0.707, 12);
        return new EqSettings(ParameterSet.of("eq", PROVIDER.parameters(), v));
    }

    private static void band(Map<String, Number> v, int b, String type, double hz, double gain, double q, int slope) {
        v.put("band" + b + "_type", EqBandType.CHOICES.indexOf(type));
        v.put("band" + b + "_freq_hz", hz);
        v.put("band" + b + "_gain_db", gain);
        v.put("band" + b + "_q", q);
        v.put("band" + b + "_slope_db_oct", slope);
    }

    /**
     * Something like music: a few decaying plucked tones with harmonics, a bass line, noise
     * bursts (drums), then silence, so the filters' tails decay towards the denormal floor.
     */
    private static double[] musicLike(int frames, long seed) {
        Random r = new Random(seed);
        double[] x = new double[frames];
        int sounding = frames * 3 / 4;
        for (int note = 0; note < 12; note++) {
            int start = r.nextInt(sounding);
            double f0 = 55 * Math.pow(2, r.nextInt(48) / 12.0);
            double decay = 2 + 8 * r.nextDouble();
            for (int i = start; i < sounding; i++) {
                double t = (i - start) / (double) RATE;
                double env = Math.exp(-decay * t);
                for (int h = 1; h <= 6; h++) {
                    x[i] += 0.05 * env / h * Math.sin(2 * Math.PI * f0 * h * t);
                }
            }
        }
        for (int hit = 0; hit < 10; hit++) {
            int start = r.nextInt(sounding);
            for (int i = start; i < Math.min(sounding, start + RATE / 10); i++) {
                x[i] += 0.2 * Math.exp(-40.0 * (i - start) / RATE) * r.nextGaussian();
            }
        }
        return x;
    }

    /** Simper's SVF, the straightforward way, following the cascade's design and glide rules. */
    private static final class Reference {
        private final double[] coeff = new double[5]; // g, k, m0, m1, m2 in use
        private final double[] target = new double[5];
        private int remaining;
        private double ic1;
        private double ic2;

        Reference(SvfCascade designed, int slot) {
            retarget(designed, slot, false);
        }

        void retarget(SvfCascade designed, int slot, boolean glide) {
            for (int p = 0; p < 5; p++) {
                target[p] = designed.coefficient(slot, SvfDesign.G + p);
            }
            if (glide) {
                remaining = GLIDE;
            } else {
                System.arraycopy(target, 0, coeff, 0, 5);
            }
        }

        double step(double v0) {
            boolean gliding = remaining > 0;
            if (gliding) {
                for (int p = 0; p < 5; p++) {
                    coeff[p] += (target[p] - coeff[p]) / remaining;
                }
            }
            double g = coeff[0];
            double k = coeff[1];
            double a1 = 1 / (1 + g * (g + k));
            double a2 = g * a1;
            double a3 = g * a2;
            double v3 = v0 - ic2;
            double v1 = a1 * ic1 + a2 * v3;
            double v2 = ic2 + a2 * ic1 + a3 * v3;
            ic1 = 2 * v1 - ic1;
            ic2 = 2 * v2 - ic2;
            double y = coeff[2] * v0 + coeff[3] * v1 + coeff[4] * v2;
            if (gliding && --remaining == 0) {
                System.arraycopy(target, 0, coeff, 0, 5); // the glide lands exactly on the design
            }
            return y;
        }
    }

    @Test
    void fastPathsMatchTheTextbookSvfToDoublePrecision() {
        int channels = 3; // a stereo pair and a lone channel
        int frames = RATE;
        int change = RATE / 2 + 37; // a parameter change (with glide) off the chunk grid
        SvfCascade cascade = new SvfCascade(ParametricEq.SLOTS, channels, GLIDE);
        EqBandType[] types = new EqBandType[EqSettings.BANDS];
        Arrays.fill(types, EqBandType.OFF);
        int[] sections = new int[EqSettings.BANDS];
        int[] slots = new int[ParametricEq.SLOTS];
        ParametricEq.designSections(settings(400, -2), RATE, cascade, types, sections, slots);
        int count = cascade.activeCount();
        assertEquals(9, count);

        double[][] x = new double[channels][];
        double[][] expected = new double[channels][];
        for (int c = 0; c < channels; c++) {
            x[c] = musicLike(frames, 10 + c);
            expected[c] = x[c].clone();
        }
        Reference[][] reference = new Reference[channels][count];
        for (int c = 0; c < channels; c++) {
            for (int j = 0; j < count; j++) {
                reference[c][j] = new Reference(cascade, slots[j]);
            }
        }

        int[] blockSizes = {1, 17, 64, 100, 333, 5};
        int done = 0;
        for (int b = 0; done < frames; b++) {
            int n = Math.min(blockSizes[b % blockSizes.length], (done < change ? change : frames) - done);
            if (done == change) {
                ParametricEq.designSections(settings(700, 5), RATE, cascade, types, sections, slots);
                for (int c = 0; c < channels; c++) {
                    for (int j = 0; j < count; j++) {
                        reference[c][j].retarget(cascade, slots[j], true);
                    }
                }
            }
            cascade.process(x, channels, done, n);
            for (int c = 0; c < channels; c++) {
                for (int i = done; i < done + n; i++) {
                    double y = expected[c][i];
                    for (Reference section : reference[c]) {
                        y = section.step(y);
                    }
                    expected[c][i] = y;
                }
            }
            done += n;
        }

        for (int c = 0; c < channels; c++) {
            double peak = 0;
            double worst = 0;
            for (int i = 0; i < frames; i++) {
                peak = Math.max(peak, Math.abs(expected[c][i]));
                worst = Math.max(worst, Math.abs(x[c][i] - expected[c][i]));
            }
            assertTrue(peak > 0.1, "the test signal is audible");
            assertTrue(worst <= 1e-12 * peak, "channel " + c + ": worst difference " + worst + " at peak " + peak);
        }
    }

    @Test
    void floatEntryPointIsTheDoublePathWithSafeEdges() {
        int channels = 2;
        int frames = 5000;
        SvfCascade viaFloat = new SvfCascade(ParametricEq.SLOTS, channels, GLIDE);
        SvfCascade viaDouble = new SvfCascade(ParametricEq.SLOTS, channels, GLIDE);
        for (SvfCascade cascade : new SvfCascade[] {viaFloat, viaDouble}) {
            EqBandType[] types = new EqBandType[EqSettings.BANDS];
            Arrays.fill(types, EqBandType.OFF);
            ParametricEq.designSections(settings(400, -2), RATE, cascade, types, new int[EqSettings.BANDS],
                    new int[ParametricEq.SLOTS]);
        }
        float[][] audio = new float[channels][frames];
        double[][] wide = new double[channels][frames];
        for (int c = 0; c < channels; c++) {
            double[] m = musicLike(frames, 20 + c);
            for (int i = 0; i < frames; i++) {
                audio[c][i] = (float) m[i];
                wide[c][i] = audio[c][i];
            }
        }
        viaFloat.process(new AudioBlock(audio, 0, frames));
        viaDouble.process(wide, channels, 0, frames);
        for (int c = 0; c < channels; c++) {
            float[] expected = new float[frames];
            for (int i = 0; i < frames; i++) {
                expected[i] = SafeSamples.toOutput(wide[c][i]);
            }
            assertArrayEquals(expected, audio[c], "channel " + c);
        }
    }
}
