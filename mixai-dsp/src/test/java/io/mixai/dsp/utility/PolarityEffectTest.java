package io.mixai.dsp.utility;

import static io.mixai.dsp.EffectTesting.noise;
import static io.mixai.dsp.EffectTesting.prepared;
import static io.mixai.dsp.EffectTesting.process;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PolarityEffectTest {

    @Test
    void invertsExactlyTheChosenChannels() {
        float[][] in = noise(2, 500, 3);
        float[][] left = process(prepared("polarity", Map.of("invert_left", 1), 48000, 64, 2), 64, in);
        float[][] both = process(prepared("polarity", Map.of("invert_left", 1, "invert_right", 1), 48000, 64, 2),
                64, in);
        for (int i = 0; i < 500; i++) {
            assertEquals(-in[0][i], left[0][i]);
            assertEquals(in[1][i], left[1][i]);
            assertEquals(-in[0][i], both[0][i]);
            assertEquals(-in[1][i], both[1][i]);
        }
        assertArrayEquals(in, process(prepared("polarity", Map.of(), 48000, 64, 2), 64, in));
    }

    @Test
    void monoUsesTheLeftSwitch() {
        float[][] in = noise(1, 100, 4);
        float[][] out = process(prepared("polarity", Map.of("invert_left", 1), 44100, 16, 1), 16, in);
        for (int i = 0; i < 100; i++) {
            assertEquals(-in[0][i], out[0][i]);
        }
    }
}
