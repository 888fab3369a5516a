package io.mixai.audio.codec;

/**
 * Decodes interleaved stored samples into planar floats. Integer codes {@code k} of N bits
 * become {@code k / 2^(N-1)}; non-finite float samples (NaN, ±Inf, or doubles beyond float
 * range) become 0 and are counted, so that they never reach any processing.
 *
 * <p>WAV's little-endian formats have dedicated loops (decoding speed matters for long files);
 * everything else (big endian, signed 8-bit, unsigned wider than 8 bits) takes a general path.
 * Allocates nothing.
 */
public final class SampleDecoder {

    private static final float SCALE_8 = 0x1p-7f;
    private static final float SCALE_16 = 0x1p-15f;
    private static final float SCALE_24 = 0x1p-23f;
    private static final double SCALE_32 = 0x1p-31;

    private final int bytesPerSample;
    private final boolean isFloat;
    private final boolean signed;
    private final boolean bigEndian;

    /**
     * @param bytesPerSample 1 to 4 for integers, 4 or 8 for floats
     * @param signed         for integers: two's complement (true) or offset binary (false)
     */
    public SampleDecoder(int bytesPerSample, boolean isFloat, boolean signed, boolean bigEndian) {
        if (isFloat ? bytesPerSample != 4 && bytesPerSample != 8 : bytesPerSample < 1 || bytesPerSample > 4) {
            throw new IllegalArgumentException("cannot decode " + (isFloat ? "float" : "integer")
                    + " samples of " + bytesPerSample + " bytes");
        }
        this.bytesPerSample = bytesPerSample;
        this.isFloat = isFloat;
        this.signed = signed;
        this.bigEndian = bigEndian;
    }

    /** A decoder for little-endian WAV-style samples of the given format. */
    public static SampleDecoder littleEndian(io.mixai.audio.SampleFormat format) {
        return new SampleDecoder(format.bytesPerSample(), format.isFloat(),
                format != io.mixai.audio.SampleFormat.PCM_U8, false);
    }

    /** Bytes per frame of {@code channels} channels. */
    public int frameSize(int channels) {
        return bytesPerSample * channels;
    }

    /**
     * Decodes {@code frames} frames of {@code dest.length} interleaved channels from
     * {@code src[srcPos..]} into {@code dest[c][destOffset..]}.
     *
     * @return how many non-finite samples were replaced by 0
     */
    public int decode(byte[] src, int srcPos, float[][] dest, int destOffset, int frames) {
        int channels = dest.length;
        if (!bigEndian) {
            if (isFloat) {
                return bytesPerSample == 4
                        ? decodeFloat32Le(src, srcPos, dest, destOffset, frames, channels)
                        : decodeFloat64Le(src, srcPos, dest, destOffset, frames, channels);
            }
            if (bytesPerSample == 1 && !signed) {
                decodeU8(src, srcPos, dest, destOffset, frames, channels);
                return 0;
            }
            if (signed && bytesPerSample == 2) {
                decode16Le(src, srcPos, dest, destOffset, frames, channels);
                return 0;
            }
            if (signed && bytesPerSample == 3) {
                decode24Le(src, srcPos, dest, destOffset, frames, channels);
                return 0;
            }
            if (signed && bytesPerSample == 4) {
                decode32Le(src, srcPos, dest, destOffset, frames, channels);
                return 0;
            }
        }
        return decodeGeneral(src, srcPos, dest, destOffset, frames, channels);
    }

    private static void decodeU8(byte[] src, int p, float[][] dest, int off, int frames, int channels) {
        for (int f = off, end = off + frames; f < end; f++) {
            for (int c = 0; c < channels; c++) {
                dest[c][f] = ((src[p++] & 0xff) - 128) * SCALE_8;
            }
        }
    }

    private static void decode16Le(byte[] src, int p, float[][] dest, int off, int frames, int channels) {
        if (channels == 2) {
            // The common case gets its own loop: no inner channel loop, two array refs hoisted.
            float[] left = dest[0];
            float[] right = dest[1];
            for (int f = off, end = off + frames; f < end; f++, p += 4) {
                left[f] = (short) ((src[p] & 0xff) | (src[p + 1] << 8)) * SCALE_16;
                right[f] = (short) ((src[p + 2] & 0xff) | (src[p + 3] << 8)) * SCALE_16;
            }
            return;
        }
        for (int f = off, end = off + frames; f < end; f++) {
            for (int c = 0; c < channels; c++, p += 2) {
                dest[c][f] = (short) ((src[p] & 0xff) | (src[p + 1] << 8)) * SCALE_16;
            }
        }
    }

    private static void decode24Le(byte[] src, int p, float[][] dest, int off, int frames, int channels) {
        for (int f = off, end = off + frames; f < end; f++) {
            for (int c = 0; c < channels; c++, p += 3) {
                int k = (src[p] & 0xff) | ((src[p + 1] & 0xff) << 8) | (src[p + 2] << 16);
                dest[c][f] = k * SCALE_24;
            }
        }
    }

    private static void decode32Le(byte[] src, int p, float[][] dest, int off, int frames, int channels) {
        for (int f = off, end = off + frames; f < end; f++) {
            for (int c = 0; c < channels; c++, p += 4) {
                dest[c][f] = (float) (readIntLe(src, p) * SCALE_32);
            }
        }
    }

    private static int decodeFloat32Le(byte[] src, int p, float[][] dest, int off, int frames, int channels) {
        int nonFinite = 0;
        for (int f = off, end = off + frames; f < end; f++) {
            for (int c = 0; c < channels; c++, p += 4) {
                float x = Float.intBitsToFloat(readIntLe(src, p));
                if (!Float.isFinite(x)) {
                    x = 0f;
                    nonFinite++;
                }
                dest[c][f] = x;
            }
        }
        return nonFinite;
    }

    private static int decodeFloat64Le(byte[] src, int p, float[][] dest, int off, int frames, int channels) {
        int nonFinite = 0;
        for (int f = off, end = off + frames; f < end; f++) {
            for (int c = 0; c < channels; c++, p += 8) {
                long bits = (readIntLe(src, p) & 0xffffffffL) | ((long) readIntLe(src, p + 4) << 32);
                float x = (float) Double.longBitsToDouble(bits);
                if (!Float.isFinite(x)) { // also catches finite doubles beyond float range
                    x = 0f;
                    nonFinite++;
                }
                dest[c][f] = x;
            }
        }
        return nonFinite;
    }

    private int decodeGeneral(byte[] src, int p, float[][] dest, int off, int frames, int channels) {
        int nonFinite = 0;
        int n = bytesPerSample;
        int bits = 8 * n;
        double scale = 1.0 / (1L << (bits - 1));
        for (int f = off, end = off + frames; f < end; f++) {
            for (int c = 0; c < channels; c++, p += n) {
                long raw = 0;
                for (int b = 0; b < n; b++) {
                    int octet = src[p + (bigEndian ? b : n - 1 - b)] & 0xff;
                    raw = (raw << 8) | octet;
                }
                float x;
                if (isFloat) {
                    x = n == 4 ? Float.intBitsToFloat((int) raw) : (float) Double.longBitsToDouble(raw);
                    if (!Float.isFinite(x)) {
                        x = 0f;
                        nonFinite++;
                    }
                } else {
                    long k = signed ? (raw << (64 - bits)) >> (64 - bits) : raw - (1L << (bits - 1));
                    x = (float) (k * scale);
                }
                dest[c][f] = x;
            }
        }
        return nonFinite;
    }

    private static int readIntLe(byte[] b, int p) {
        return (b[p] & 0xff) | ((b[p + 1] & 0xff) << 8) | ((b[p + 2] & 0xff) << 16) | (b[p + 3] << 24);
    }
}
