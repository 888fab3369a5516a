package io.mixai.dsp.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class DynamicsDescriptorsTest {

    @Test
    void plrIsTruePeakMinusIntegratedLoudness() {
        // A master limited to -1 dBTP at -14 LUFS integrated: PLR 13 dB.
        assertEquals(13.0, DynamicsDescriptors.plr(-1.0, -14.0), 1e-12);
        // EBU R 128 broadcast: -23 LUFS with peaks at -3 dBTP: PLR 20 dB.
        assertEquals(20.0, DynamicsDescriptors.plr(-3.0, -23.0), 1e-12);
    }

    @Test
    void psrIsTruePeakMinusShortTermLoudness() {
        assertEquals(8.5, DynamicsDescriptors.psr(-0.5, -9.0), 1e-12);
    }

    @Test
    void silenceHasNoRatio() {
        assertThrows(IllegalArgumentException.class,
                () -> DynamicsDescriptors.plr(-1.0, Double.NEGATIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> DynamicsDescriptors.psr(Double.NaN, -10));
    }
}
