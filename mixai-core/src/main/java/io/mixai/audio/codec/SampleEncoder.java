package io.mixai.audio.codec;

import io.mixai.audio.SampleFormat;

/**
 * Encodes planar floats into interleaved little-endian samples of a {@link SampleFormat}.
 *
 * <p>Integers: {@code x} becomes {@code round(x * 2^(N-1) + d)} saturated to
 * [-2^(N-1), 2^(N-1) - 1], where {@code d} is TPDF dither in LSB when dither is on, else 0.
 * Saturation (instead of the wrap-around a plain cast would give) keeps overs as clipping rather
 * than full-scale clicks. Non-finite inputs (NaN, ±Inf) are written as 0 and counted. Dither
 * values are drawn one per sample, frame by frame, so the output does not depend on how the
 * audio is split into calls. Allocates nothing.
 */
public final class SampleEncoder {

    private final SampleFormat format;
    private final TpdfDither dither;
    private final double scale;
    private final long min;
    private final long max;

    /**
     * @param dither the dither source, or null for none; ignored for formats that do not
     *               {@linkplain SampleFormat#benefitsFromDither() benefit from dither}
     */
    public SampleEncoder(SampleFormat format, TpdfDither dither) {
        this.format = format;
        this.dither = format.benefitsFromDither() ? dither : null;
        int bits = format.bitsPerSample();
        this.scale = format.isFloat() ? 1.0 : (double) (1L << (bits - 1));
        this.min = -(1L << (bits - 1));
        this.max = (1L << (bits - 1)) - 1;
    }

    public SampleFormat format() {
        return format;
    }

    /**
     * Encodes frames {@code srcOffset .. srcOffset + frames - 1} of the planar channels into
     * {@code dest} starting at {@code destPos} ({@code frames * src.length * bytesPerSample}
     * bytes).
     *
     * @return how many non-finite samples were written as 0
     */
    public int encode(float[][] src, int srcOffset, int frames, byte[] dest, int destPos) {
        int channels = src.length;
        int nonFinite = 0;
        int p = destPos;
        switch (format) {
            case FLOAT_32:
                for (int f = srcOffset, end = srcOffset + frames; f < end; f++) {
                    for (int c = 0; c < channels; c++, p += 4) {
                        float x = src[c][f];
                        if (!Float.isFinite(x)) {
                            x = 0f;
                            nonFinite++;
                        }
                        writeIntLe(dest, p, Float.floatToRawIntBits(x));
                    }
                }
                return nonFinite;
            case FLOAT_64:
                for (int f = srcOffset, end = srcOffset + frames; f < end; f++) {
                    for (int c = 0; c < channels; c++, p += 8) {
                        float x = src[c][f];
                        if (!Float.isFinite(x)) {
                            x = 0f;
                            nonFinite++;
                        }
                        long bits = Double.doubleToRawLongBits(x);
                        writeIntLe(dest, p, (int) bits);
                        writeIntLe(dest, p + 4, (int) (bits >>> 32));
                    }
                }
                return nonFinite;
            default:
                break;
        }
        if (format == SampleFormat.PCM_16) {
            return encode16(src, srcOffset, frames, dest, destPos);
        }
        int n = format.bytesPerSample();
        boolean unsigned8 = format == SampleFormat.PCM_U8;
        for (int f = srcOffset, end = srcOffset + frames; f < end; f++) {
            for (int c = 0; c < channels; c++, p += n) {
                float x = src[c][f];
                double d = dither == null ? 0.0 : dither.next(); // drawn even for bad samples: keeps the stream aligned
                if (!Float.isFinite(x)) {
                    x = 0f;
                    nonFinite++;
                }
                long k = Math.round(x * scale + d);
                if (k > max) {
                    k = max;
                } else if (k < min) {
                    k = min;
                }
                if (unsigned8) {
                    dest[p] = (byte) (k + 128);
                    continue;
                }
                dest[p] = (byte) k;
                dest[p + 1] = (byte) (k >> 8);
                if (n > 2) {
                    dest[p + 2] = (byte) (k >> 16);
                    if (n > 3) {
                        dest[p + 3] = (byte) (k >> 24);
                    }
                }
            }
        }
        return nonFinite;
    }

    /**
     * 16-bit PCM, the common case, on its own: the same values as the general path (the value is
     * clamped before rounding, which gives the same code), with one 16-bit store per sample and
     * rounding by {@code Math.floor}, which the JIT turns into one instruction.
     */
    private int encode16(float[][] src, int srcOffset, int frames, byte[] dest, int destPos) {
        int channels = src.length;
        int nonFinite = 0;
        int p = destPos;
        double high = max;
        double low = min;
        for (int f = srcOffset, end = srcOffset + frames; f < end; f++) {
            for (int c = 0; c < channels; c++, p += 2) {
                float x = src[c][f];
                double d = dither == null ? 0.0 : dither.next(); // drawn even for bad samples: keeps the stream aligned
                if (!Float.isFinite(x)) {
                    x = 0f;
                    nonFinite++;
                }
                double v = x * scale + d;
                v = v > high ? high : (v < low ? low : v);
                SHORT_LE.set(dest, p, (short) Math.floor(v + 0.5));
            }
        }
        return nonFinite;
    }

    private static final java.lang.invoke.VarHandle SHORT_LE =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(short[].class, java.nio.ByteOrder.LITTLE_ENDIAN);

    private static void writeIntLe(byte[] b, int p, int v) {
        b[p] = (byte) v;
        b[p + 1] = (byte) (v >> 8);
        b[p + 2] = (byte) (v >> 16);
        b[p + 3] = (byte) (v >> 24);
    }
}
