package io.mixai.dsp.reverb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixai.audio.AudioBuffer;
import io.mixai.dsp.testing.EffectHarness;
import io.mixai.dsp.testing.ReferenceConvolution;
import io.mixai.param.ParameterSet;
import io.mixai.process.ProcessSpec;
import io.mixai.spi.Effect;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConvolutionReverbTest {

    private static final int RATE = 48000;
    private static final ConvolutionReverbProvider PROVIDER = new ConvolutionReverbProvider();

    private static ParameterSet parameters(Map<String, Double> values) {
        return ParameterSet.of(ConvolutionReverb.TYPE, PROVIDER.parameters(), values);
    }

    private static ParameterSet wetOnly() {
        return parameters(Map.of("mix_percent", 100.0));
    }

    private static float[] random(int length, long seed) {
        return ReferenceConvolution.gaussianNoise(length, seed);
    }

    private static double[] directConvolution(float[] x, float[] h) {
        return ReferenceConvolution.direct(x, h);
    }

    /** Largest deviation of output (read {@code delay} samples late) from the reference, relative to the reference's peak. */
    private static double relativeError(float[] output, int delay, double[] reference) {
        double[] widened = new double[output.length];
        for (int i = 0; i < output.length; i++) {
            widened[i] = output[i];
        }
        return ReferenceConvolution.relativeError(widened, delay, reference, 0, reference.length);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 255, 256, 511, 512, 513, 1000, 10000})
    void outputEqualsDirectConvolutionAtTheReportedLatency(int irLength) {
        float[] x = random(3000, irLength);
        float[] h = random(irLength, -irLength);
        ConvolutionReverb effect = ConvolutionReverb.withImpulseResponse(AudioBuffer.wrap(new float[][] {h}, RATE), wetOnly());
        float[][] input = {new float[x.length + irLength + ConvolutionReverb.PARTITION_SIZE]};
        System.arraycopy(x, 0, input[0], 0, x.length);
        float[][] out = EffectHarness.render(effect, input, 100, RATE);
        assertEquals(ConvolutionReverb.PARTITION_SIZE, effect.latencySamples());
        for (int n = 0; n < effect.latencySamples(); n++) {
            assertEquals(0f, out[0][n], "before the latency, frame " + n);
        }
        double error = relativeError(out[0], effect.latencySamples(), directConvolution(x, h));
        System.out.printf("convolution IR %d samples: max relative error %.2e%n", irLength, error);
        assertTrue(error < 1e-5, "relative error " + error);
    }

    @Test
    void gainAndPredelayShiftAndScaleTheWetSignal() {
        float[] x = random(2000, 11);
        float[] h = random(700, 12);
        ParameterSet p = parameters(Map.of("mix_percent", 100.0, "gain_db", 6.0, "predelay_ms", 10.0));
        ConvolutionReverb effect = ConvolutionReverb.withImpulseResponse(AudioBuffer.wrap(new float[][] {h}, RATE), p);
        float[][] input = {new float[4000]};
        System.arraycopy(x, 0, input[0], 0, x.length);
        float[][] out = EffectHarness.render(effect, input, 64, RATE);
        double[] reference = directConvolution(x, h);
        double gain = Math.pow(10, 6.0 / 20);
        for (int n = 0; n < reference.length; n++) {
            reference[n] *= gain;
        }
        double error = relativeError(out[0], effect.latencySamples() + RATE / 100, reference);
        assertTrue(error < 1e-5, "relative error " + error);
    }

    @Test
    void zeroMixIsTheInputDelayedByTheLatency() {
        float[][] input = EffectHarness.noise(2, 5000, 1.0, 13);
        Effect effect = PROVIDER.create(parameters(Map.of("mix_percent", 0.0)));
        float[][] out = EffectHarness.render(effect, input, 17, RATE);
        int latency = effect.latencySamples();
        for (int c = 0; c < 2; c++) {
            for (int n = 0; n + latency < input[c].length; n++) {
                assertEquals(input[c][n], out[c][n + latency], "channel " + c + " frame " + n);
            }
        }
    }

    @Test
    void stereoImpulseResponseIsAppliedPerChannel() {
        float[] left = java.util.Arrays.copyOf(random(900, 21), 1300); // zero-padded to the common length
        float[] right = random(1300, 22);
        ConvolutionReverb effect = ConvolutionReverb.withImpulseResponse(
                AudioBuffer.wrap(new float[][] {left, right.clone()}, RATE), wetOnly());
        float[] x = random(1000, 23);
        float[][] input = {new float[3500], new float[3500]};
        System.arraycopy(x, 0, input[0], 0, x.length);
        System.arraycopy(x, 0, input[1], 0, x.length);
        float[][] out = EffectHarness.render(effect, input, 512, RATE);
        assertTrue(relativeError(out[0], 512, directConvolution(x, left)) < 1e-5);
        assertTrue(relativeError(out[1], 512, directConvolution(x, right)) < 1e-5);
    }

    @Test
    void outputIsBitIdenticalForAnyBlockSize() {
        float[][] input = EffectHarness.noise(2, RATE / 2, 0.5, 14);
        EffectHarness.assertBlockSizeIndependent(() -> PROVIDER.create(PROVIDER.defaults()), input, RATE, 1, 17, 512, 4096);
    }

    @Test
    void resetRestoresTheInitialBehaviour() {
        Effect used = PROVIDER.create(PROVIDER.defaults());
        EffectHarness.render(used, EffectHarness.noise(2, 30000, 0.5, 15), 512, RATE);
        used.reset();
        float[][] second = EffectHarness.noise(2, 30000, 0.5, 16);
        float[][] afterReset = EffectHarness.continueRender(used, second, 512);
        float[][] fresh = EffectHarness.render(PROVIDER.create(PROVIDER.defaults()), second, 512, RATE);
        for (int c = 0; c < 2; c++) {
            assertArrayEquals(fresh[c], afterReset[c]);
        }
    }

    @Test
    void processAllocatesNothing() {
        Effect effect = PROVIDER.create(PROVIDER.defaults());
        effect.prepare(new ProcessSpec(RATE, 256, 2));
        EffectHarness.assertProcessAllocatesNothing(effect, EffectHarness.noise(2, 256 * 40, 0.5, 17), 256);
    }

    @Test
    void tailIsExactlyZeroAfterTheImpulseResponseAndOutputNeverDenormal() {
        Effect effect = PROVIDER.create(parameters(Map.of("mix_percent", 100.0, "predelay_ms", 20.0)));
        float[][] input = new float[2][4 * RATE];
        input[0][0] = 1f;
        input[1][0] = 1e-20f; // a tiny input must not produce denormal output
        float[][] out = EffectHarness.render(effect, input, 4096, RATE);
        EffectHarness.assertFiniteAndNormal(out);
        int end = effect.latencySamples() + effect.tailSamples() + 1;
        assertEquals((int) (2.5 * RATE) - 1 + RATE / 50, effect.tailSamples());
        double lastEnergy = 0;
        for (int n = end - RATE / 10; n < end; n++) {
            lastEnergy += out[0][n] * out[0][n];
        }
        assertTrue(lastEnergy > 0, "the response ended before the reported tail");
        // past the response only FFT rounding dust remains (far below -200 dB), and it is gone
        // once the impulse has left the frequency-domain delay line at the next partition
        for (int n = end; n < out[0].length; n++) {
            if (n >= end + 2 * ConvolutionReverb.PARTITION_SIZE) {
                assertEquals(0f, out[0][n], "frame " + n);
            } else {
                assertTrue(Math.abs(out[0][n]) < 1e-12, "frame " + n + ": " + out[0][n]);
            }
        }
    }

    @Test
    void defaultImpulseResponseIsDeterministicUnitEnergyAndDecorrelated() {
        AudioBuffer a = ConvolutionReverb.defaultImpulseResponse(RATE);
        AudioBuffer b = ConvolutionReverb.defaultImpulseResponse(RATE);
        double cross = 0;
        for (int c = 0; c < 2; c++) {
            assertArrayEquals(a.channel(c), b.channel(c));
            double energy = 0;
            for (float s : a.channel(c)) {
                energy += s * s;
            }
            assertEquals(1.0, energy, 1e-4);
        }
        for (int n = 0; n < a.frames(); n++) {
            cross += a.channel(0)[n] * a.channel(1)[n];
        }
        assertTrue(Math.abs(cross) < 0.1, "left/right correlation " + cross);
        double t30 = ReverbMeasurements.reverberationTime(ReverbMeasurements.toDouble(new float[][] {a.channel(0), a.channel(1)}), RATE, -5, -35);
        assertEquals(1.6, t30, 0.1);
    }

    @Test
    void rejectsBadImpulseResponses() {
        assertThrows(IllegalArgumentException.class,
                () -> ConvolutionReverb.withImpulseResponse(AudioBuffer.allocate(1, 0, RATE)));
        float[] bad = new float[10];
        bad[3] = Float.NaN;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ConvolutionReverb.withImpulseResponse(AudioBuffer.wrap(new float[][] {bad}, RATE)));
        assertTrue(e.getMessage().contains("frame 3"), e.getMessage());
        ConvolutionReverb other = ConvolutionReverb.withImpulseResponse(AudioBuffer.allocate(1, 100, 44100));
        IllegalArgumentException rate = assertThrows(IllegalArgumentException.class,
                () -> other.prepare(new ProcessSpec(RATE, 512, 2)));
        assertTrue(rate.getMessage().contains("44100"), rate.getMessage());
    }
}
