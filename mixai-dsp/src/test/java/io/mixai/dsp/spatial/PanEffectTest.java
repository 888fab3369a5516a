package io.mixai.dsp.spatial;

import static io.mixai.dsp.EffectTesting.noise;
import static io.mixai.dsp.EffectTesting.prepared;
import static io.mixai.dsp.EffectTesting.process;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PanEffectTest {

    /** The dataset's law: gL = √2·cos((p+1)π/4), gR = √2·sin((p+1)π/4), measured on constant input. */
    @Test
    void followsTheDatasetsConstantPowerBalanceLaw() {
        for (double pan : new double[] {-1, -0.6, -0.2, 0.3, 0.75, 1}) {
            float[][] ones = {{1f, 1f, 1f}, {1f, 1f, 1f}};
            float[][] out = process(prepared("pan", Map.of("pan", pan), 44100, 64, 2), 64, ones);
            double gl = Math.sqrt(2) * Math.cos((pan + 1) * Math.PI / 4);
            double gr = Math.sqrt(2) * Math.sin((pan + 1) * Math.PI / 4);
            assertEquals(gl, out[0][2], 1e-6, "left gain at pan " + pan);
            assertEquals(gr, out[1][2], 1e-6, "right gain at pan " + pan);
            assertEquals(2, out[0][2] * out[0][2] + out[1][2] * out[1][2], 1e-5, "power at pan " + pan);
        }
    }

    @Test
    void theCentreLeavesTheBitsAloneAndMonoPassesThrough() {
        float[][] stereo = noise(2, 300, 5);
        assertArrayEquals(stereo, process(prepared("pan", Map.of("pan", 0), 48000, 32, 2), 32, stereo));
        float[][] mono = noise(1, 300, 6);
        assertArrayEquals(mono, process(prepared("pan", Map.of("pan", -0.7), 48000, 32, 1), 32, mono));
    }

    @Test
    void hardLeftSilencesTheRight() {
        float[][] in = noise(2, 300, 7);
        float[][] out = process(prepared("pan", Map.of("pan", -1), 48000, 32, 2), 32, in);
        for (int i = 0; i < 300; i++) {
            assertEquals(0f, out[1][i], 1e-7f);
            assertEquals(in[0][i] * Math.sqrt(2), out[0][i], 1e-6);
        }
    }
}
