package io.mixai.dsp.utility;

import static io.mixai.dsp.EffectTesting.noise;
import static io.mixai.dsp.EffectTesting.prepared;
import static io.mixai.dsp.EffectTesting.process;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixai.audio.AudioBlock;
import io.mixai.spi.Effect;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GainEffectTest {

    @Test
    void scalesByTenToTheGainOverTwenty() {
        float[][] in = noise(2, 1000, 1);
        for (double db : new double[] {-100, -20, -6.0206, 0, 3.5, 40}) {
            float[][] out = process(prepared("gain", Map.of("gain_db", db), 48000, 128, 2), 128, in);
            double g = Math.pow(10, db / 20);
            for (int c = 0; c < 2; c++) {
                for (int i = 0; i < in[c].length; i++) {
                    float expected = (float) (in[c][i] * g);
                    assertEquals(expected, out[c][i], Math.ulp(expected), db + " dB, sample " + i);
                }
            }
        }
    }

    @Test
    void zeroDecibelsLeavesTheBitsAlone() {
        float[][] in = noise(2, 1000, 2);
        assertArrayEquals(in, process(prepared("gain", Map.of("gain_db", 0), 44100, 64, 2), 64, in));
    }

    /**
     * A change ramps linearly in amplitude over 20 ms, one step per sample, and the ramp is the
     * same whether the stream comes in blocks of 1 or 480 frames.
     */
    @Test
    void aChangeRampsOverTwentyMillisecondsWhateverTheBlockSize() {
        int rate = 48000;
        int ramp = 960;
        float[][] ones = new float[1][4800];
        java.util.Arrays.fill(ones[0], 1f);
        float[][] reference = null;
        for (int blockSize : new int[] {480, 1, 96}) {
            Effect gain = prepared("gain", Map.of("gain_db", 0), rate, blockSize, 1);
            float[][] x = new float[][] {ones[0].clone()};
            AudioBlock block = new AudioBlock(x, 0, 0);
            for (int pos = 0; pos < x[0].length; pos += blockSize) {
                if (pos == 960) {
                    gain.setParameters(gain.parameters().with("gain_db", -20));
                }
                gain.process(block.moveTo(pos, Math.min(blockSize, x[0].length - pos)));
            }
            if (reference == null) {
                reference = x;
            } else {
                assertArrayEquals(reference[0], x[0], "block size " + blockSize);
            }
        }
        float[] y = reference[0];
        for (int i = 0; i < 960; i++) {
            assertEquals(1f, y[i]);
        }
        for (int k = 1; k <= ramp; k++) {
            assertEquals(1 + (0.1 - 1) * k / ramp, y[959 + k], 1e-6, "ramp step " + k);
        }
        for (int i = 960 + ramp; i < y.length; i++) {
            assertEquals(0.1f, y[i], 1e-7f);
        }
        assertTrue(y[960] < 1f, "the ramp starts with the first sample after the change");
    }

    @Test
    void resetFinishesARampAndKeepsTheNewGain() {
        Effect gain = prepared("gain", Map.of("gain_db", 0), 48000, 64, 1);
        gain.setParameters(gain.parameters().with("gain_db", -6));
        process(gain, 64, new float[][] {new float[64]}); // picks up the change mid-ramp
        gain.reset();
        float[][] out = process(gain, 64, new float[][] {{1f}});
        assertEquals((float) Math.pow(10, -6 / 20.0), out[0][0], 1e-7f);
    }
}
