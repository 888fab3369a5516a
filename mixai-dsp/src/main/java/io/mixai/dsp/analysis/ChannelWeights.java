package io.mixai.dsp.analysis;

import io.mixai.param.InvalidParameterException;
import java.util.Arrays;

/**
 * The weight each channel's mean square gets in the BS.1770-4 loudness sum
 * (<code>L = -0.691 + 10 log10(Σ G_i z_i)</code>): 1.0 for front channels, 1.41 (+1.5 dB) for
 * the surrounds, 0 for the LFE, which BS.1770 leaves out.
 *
 * <p>A layout comes from a WAVE_FORMAT_EXTENSIBLE channel mask ({@link #fromChannelMask}) or,
 * when a file has none, from the conventional order L, R, C, LFE, Ls, Rs
 * ({@link #conventional}). Immutable.
 */
public final class ChannelWeights {

    /** Weight of a surround channel: +1.5 dB, BS.1770-4 Table 3. */
    public static final double SURROUND = 1.41;

    /** WAVEFORMATEXTENSIBLE speaker bits (Microsoft ksmedia.h). */
    public static final int SPEAKER_FRONT_LEFT = 0x1;
    public static final int SPEAKER_FRONT_RIGHT = 0x2;
    public static final int SPEAKER_FRONT_CENTER = 0x4;
    public static final int SPEAKER_LOW_FREQUENCY = 0x8;
    public static final int SPEAKER_BACK_LEFT = 0x10;
    public static final int SPEAKER_BACK_RIGHT = 0x20;
    public static final int SPEAKER_SIDE_LEFT = 0x200;
    public static final int SPEAKER_SIDE_RIGHT = 0x400;

    private final double[] weights;

    private ChannelWeights(double[] weights) {
        this.weights = weights;
    }

    /**
     * Explicit weights, one per channel (for layouts the two factories do not cover).
     *
     * @throws InvalidParameterException if there are none, or one is negative or not finite
     */
    public static ChannelWeights of(double... weights) {
        if (weights == null || weights.length == 0) {
            throw new InvalidParameterException("loudness", "channelWeights", "at least one channel weight is needed");
        }
        for (int c = 0; c < weights.length; c++) {
            if (!(weights[c] >= 0) || Double.isInfinite(weights[c])) {
                throw new InvalidParameterException("loudness", "channelWeights",
                        "weight of channel " + c + " must be finite and not negative, got " + weights[c]);
            }
        }
        return new ChannelWeights(weights.clone());
    }

    /**
     * Weights for a file without a channel mask, in the conventional order: 1 = mono,
     * 2 = L R, 3 = L R C, 4 = L R Ls Rs (quad, as WAVE's default mask 0x33), 5 = L R C Ls Rs
     * (the order of EBU's 5.0 test files), 6 = L R C LFE Ls Rs. Other counts have no conventional
     * layout and weigh every channel 1.0.
     */
    public static ChannelWeights conventional(int channelCount) {
        if (channelCount < 1) {
            throw new InvalidParameterException("loudness", "channels", "channel count must be at least 1, got " + channelCount);
        }
        double s = SURROUND;
        double[] w = switch (channelCount) {
            case 4 -> new double[] {1, 1, s, s};
            case 5 -> new double[] {1, 1, 1, s, s};
            case 6 -> new double[] {1, 1, 1, 0, s, s};
            default -> filled(channelCount, 1.0);
        };
        return new ChannelWeights(w);
    }

    /**
     * Weights from a WAVE_FORMAT_EXTENSIBLE {@code dwChannelMask}: channels take the set bits in
     * ascending order. LFE weighs 0; side (SL, SR) and back (BL, BR) left/right weigh 1.41, since
     * 5.1 files mark their surrounds either way; every other speaker weighs 1.0 (BS.1770-4 gives
     * 1.0 to channels outside ±60..120° azimuth or elevated). Channels beyond the mask's set bits
     * are unassigned and weigh 1.0; bits beyond the channel count are ignored, both as the
     * WAVE_FORMAT_EXTENSIBLE specification says. A mask of 0 means "no layout": see
     * {@link #conventional(int)}.
     */
    public static ChannelWeights fromChannelMask(long channelMask, int channelCount) {
        if (channelCount < 1) {
            throw new InvalidParameterException("loudness", "channels", "channel count must be at least 1, got " + channelCount);
        }
        if (channelMask < 0 || channelMask > 0xFFFF_FFFFL) {
            throw new InvalidParameterException("loudness", "channelMask",
                    "a WAVE channel mask is an unsigned 32-bit value, got " + channelMask);
        }
        if (channelMask == 0) {
            return conventional(channelCount);
        }
        double[] w = filled(channelCount, 1.0);
        int channel = 0;
        for (int bit = 0; bit < 32 && channel < channelCount; bit++) {
            long speaker = 1L << bit;
            if ((channelMask & speaker) == 0) {
                continue;
            }
            w[channel++] = weightOfSpeaker(speaker);
        }
        return new ChannelWeights(w);
    }

    private static double weightOfSpeaker(long speaker) {
        if (speaker == SPEAKER_LOW_FREQUENCY) {
            return 0.0;
        }
        if (speaker == SPEAKER_BACK_LEFT || speaker == SPEAKER_BACK_RIGHT
                || speaker == SPEAKER_SIDE_LEFT || speaker == SPEAKER_SIDE_RIGHT) {
            return SURROUND;
        }
        return 1.0;
    }

    private static double[] filled(int n, double value) {
        double[] w = new double[n];
        Arrays.fill(w, value);
        return w;
    }

    public int channelCount() {
        return weights.length;
    }

    /** The weight of one channel. */
    public double weight(int channel) {
        return weights[channel];
    }

    /** A copy of all weights. */
    public double[] toArray() {
        return weights.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChannelWeights other && Arrays.equals(weights, other.weights);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(weights);
    }

    @Override
    public String toString() {
        return "ChannelWeights" + Arrays.toString(weights);
    }
}
