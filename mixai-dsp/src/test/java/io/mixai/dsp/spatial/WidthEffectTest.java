package io.mixai.dsp.spatial;

import static io.mixai.dsp.EffectTesting.noise;
import static io.mixai.dsp.EffectTesting.prepared;
import static io.mixai.dsp.EffectTesting.process;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class WidthEffectTest {

    private static final float[][] IN = noise(2, 1000, 8);

    private static float[][] width(double percent) {
        return process(prepared("width", Map.of("width_percent", percent), 48000, 100, 2), 100, IN);
    }

    @Test
    void hundredPercentLeavesTheBitsAlone() {
        assertArrayEquals(IN, width(100));
    }

    @Test
    void zeroPercentIsMono() {
        float[][] out = width(0);
        for (int i = 0; i < 1000; i++) {
            assertEquals(out[0][i], out[1][i]);
            assertEquals((IN[0][i] + IN[1][i]) / 2.0, out[0][i], 1e-7);
        }
    }

    @Test
    void widthScalesTheSideAndKeepsTheMid() {
        for (double percent : new double[] {50, 150, 200}) {
            float[][] out = width(percent);
            for (int i = 0; i < 1000; i++) {
                double mid = (IN[0][i] + IN[1][i]) / 2.0;
                double side = (IN[0][i] - IN[1][i]) / 2.0;
                assertEquals(mid, (out[0][i] + out[1][i]) / 2.0, 1e-7, percent + "% mid at " + i);
                assertEquals(side * percent / 100, (out[0][i] - out[1][i]) / 2.0, 1e-7, percent + "% side at " + i);
            }
        }
    }

    @Test
    void monoPassesThrough() {
        float[][] mono = {IN[0].clone()};
        assertArrayEquals(mono, process(prepared("width", Map.of("width_percent", 0), 48000, 100, 1), 100, mono));
    }
}
