package io.mixai.dsp.spatial;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mixai.audio.AudioBuffer;
import io.mixai.chain.EffectChain;
import io.mixai.spi.EffectRegistry;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The multiband_width effect against its definition: side scaled per band, mid untouched. */
class MultibandWidthTest {

    private static final int RATE = 48000;
    private static final EffectRegistry REGISTRY = EffectRegistry.discover();

    private static AudioBuffer render(AudioBuffer in, double low, double mid, double high) {
        return EffectChain.builder(REGISTRY).add("multiband_width", Map.of("low_width_percent", low,
                "mid_width_percent", mid, "high_width_percent", high)).build().render(in);
    }

    /** Left = mid + side, right = mid - side; the side is a sine, the mid noise. */
    private static AudioBuffer sideSine(double freq, int frames) {
        float[][] x = new float[2][frames];
        Random random = new Random(3);
        for (int i = 0; i < frames; i++) {
            double m = 0.1 * random.nextGaussian();
            double s = 0.3 * Math.sin(2 * Math.PI * freq * i / RATE);
            x[0][i] = (float) (m + s);
            x[1][i] = (float) (m - s);
        }
        return AudioBuffer.wrap(x, RATE);
    }

    private static double sideRms(AudioBuffer a, int from) {
        double sum = 0;
        for (int i = from; i < a.frames(); i++) {
            double s = (a.channel(0)[i] - (double) a.channel(1)[i]) / 2;
            sum += s * s;
        }
        return Math.sqrt(sum / (a.frames() - from));
    }

    @Test
    void unityIsBitTransparent() {
        AudioBuffer in = sideSine(1000, 9600);
        AudioBuffer out = render(in, 100, 100, 100);
        assertArrayEquals(in.channel(0), out.channel(0));
        assertArrayEquals(in.channel(1), out.channel(1));
    }

    /**
     * |side gain| at {@code f} from the design: the splits are bilinear transforms (prewarped at
     * the crossover, which is what a TPT SVF is) of B(s) = (1 + R s) / (s^2 + 2 R s + 1), R = 1/sqrt(2);
     * gain = gl B1 + gm (1 - B1) B2 + gh (1 - B1) (1 - B2).
     */
    private static double designGain(double f, double fc1, double fc2, double gl, double gm, double gh) {
        double[] b1 = split(f, fc1);
        double[] b2 = split(f, fc2);
        double[] rest = {1 - b1[0], -b1[1]};
        double[] mid = mul(rest, b2);
        double[] high = mul(rest, new double[] {1 - b2[0], -b2[1]});
        double re = gl * b1[0] + gm * mid[0] + gh * high[0];
        double im = gl * b1[1] + gm * mid[1] + gh * high[1];
        return Math.hypot(re, im);
    }

    private static double[] split(double f, double fc) {
        double w = Math.tan(Math.PI * f / RATE) / Math.tan(Math.PI * fc / RATE); // s = j w
        double r = 1 / Math.sqrt(2);
        double[] num = {1, r * w};
        double[] den = {1 - w * w, 2 * r * w};
        double d = den[0] * den[0] + den[1] * den[1];
        return new double[] {(num[0] * den[0] + num[1] * den[1]) / d, (num[1] * den[0] - num[0] * den[1]) / d};
    }

    private static double[] mul(double[] a, double[] b) {
        return new double[] {a[0] * b[0] - a[1] * b[1], a[0] * b[1] + a[1] * b[0]};
    }

    @Test
    void eachBandScalesItsSideAsDesignedAndTheMonoSumNeverChanges() {
        double[][] cases = {{40, 50, 100, 100}, {1000, 100, 150, 100}, {15000, 100, 100, 20}, {300, 0, 200, 100}};
        for (double[] c : cases) {
            AudioBuffer in = sideSine(c[0], RATE);
            AudioBuffer out = render(in, c[1], c[2], c[3]);
            int settle = RATE / 4;
            double ratio = sideRms(out, settle) / sideRms(in, settle);
            double expected = designGain(c[0], 150, 4000, c[1] / 100, c[2] / 100, c[3] / 100);
            assertEquals(expected, ratio, 0.01 * expected, c[0] + " Hz side gain");
            // Deep in its band, the band's own setting dominates.
            double own = c[0] < 150 ? c[1] : c[0] < 4000 ? c[2] : c[3];
            assertEquals(own / 100, ratio, 0.06, c[0] + " Hz near its band's setting");
            for (int i = 0; i < in.frames(); i++) {
                double sumIn = in.channel(0)[i] + (double) in.channel(1)[i];
                double sumOut = out.channel(0)[i] + (double) out.channel(1)[i];
                assertEquals(sumIn, sumOut, 1e-6, "mono sum at frame " + i);
            }
        }
    }

    @Test
    void monoPassesThrough() {
        float[] x = new float[4800];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) Math.sin(i * 0.01);
        }
        AudioBuffer out = render(AudioBuffer.wrap(new float[][] {x.clone()}, RATE), 0, 200, 0);
        assertArrayEquals(x, out.channel(0));
    }
}
