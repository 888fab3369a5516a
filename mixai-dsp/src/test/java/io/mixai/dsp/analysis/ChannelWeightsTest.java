package io.mixai.dsp.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.mixai.param.InvalidParameterException;
import org.junit.jupiter.api.Test;

class ChannelWeightsTest {

    private static final double S = 1.41;

    @Test
    void conventionalLayouts() {
        assertArrayEquals(new double[] {1}, ChannelWeights.conventional(1).toArray());
        assertArrayEquals(new double[] {1, 1}, ChannelWeights.conventional(2).toArray());
        assertArrayEquals(new double[] {1, 1, 1, S, S}, ChannelWeights.conventional(5).toArray());
        assertArrayEquals(new double[] {1, 1, 1, 0, S, S}, ChannelWeights.conventional(6).toArray());
        assertArrayEquals(new double[] {1, 1, 1, 1, 1, 1, 1, 1}, ChannelWeights.conventional(8).toArray());
    }

    @Test
    void masksFollowTheSetBitsInOrder() {
        // 5.1 "back": FL FR FC LFE BL BR.
        assertArrayEquals(new double[] {1, 1, 1, 0, S, S}, ChannelWeights.fromChannelMask(0x3F, 6).toArray());
        // 5.1 "side": FL FR FC LFE SL SR.
        assertArrayEquals(new double[] {1, 1, 1, 0, S, S}, ChannelWeights.fromChannelMask(0x60F, 6).toArray());
        // Stereo plus LFE (2.1): FL FR LFE.
        assertArrayEquals(new double[] {1, 1, 0}, ChannelWeights.fromChannelMask(0xB, 3).toArray());
        // 7.1: FL FR FC LFE BL BR SL SR.
        assertArrayEquals(new double[] {1, 1, 1, 0, S, S, S, S}, ChannelWeights.fromChannelMask(0x63F, 8).toArray());
        // Channels beyond the mask are unassigned (1.0); mask 0 falls back to the conventional order.
        assertArrayEquals(new double[] {1, 0, 1}, ChannelWeights.fromChannelMask(0x9, 3).toArray());
        assertArrayEquals(new double[] {1, 1, 1, 0, S, S}, ChannelWeights.fromChannelMask(0, 6).toArray());
    }

    @Test
    void rejectsNonsense() {
        assertThrows(InvalidParameterException.class, () -> ChannelWeights.of());
        assertThrows(InvalidParameterException.class, () -> ChannelWeights.of(1, -1));
        assertThrows(InvalidParameterException.class, () -> ChannelWeights.of(Double.NaN));
        assertThrows(InvalidParameterException.class, () -> ChannelWeights.fromChannelMask(-1, 2));
        assertThrows(InvalidParameterException.class, () -> ChannelWeights.conventional(0));
    }
}
