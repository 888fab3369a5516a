package io.mixai.audio;

/**
 * How one sample is stored in a file or byte stream.
 *
 * <p>mixai's convention for integer formats of N bits: a code {@code k} means the float
 * {@code k / 2^(N-1)}, so the codes span [-1, 1 - 2^-(N-1)]; writing maps {@code x} to
 * {@code round(x * 2^(N-1))} saturated to [-2^(N-1), 2^(N-1) - 1]. Reading then writing is
 * therefore exact for every code (for 32-bit, for every code that a float can hold exactly,
 * i.e. with at most 24 significant bits). 8-bit WAV is unsigned (offset 128), as RIFF requires.
 */
public enum SampleFormat {
    /** 8-bit unsigned integer, 128 = silence (the only 8-bit form RIFF WAVE allows). */
    PCM_U8(8, false),
    /** 16-bit signed integer. */
    PCM_16(16, false),
    /** 24-bit signed integer, packed in 3 bytes. */
    PCM_24(24, false),
    /** 32-bit signed integer. */
    PCM_32(32, false),
    /** IEEE 754 single precision. */
    FLOAT_32(32, true),
    /** IEEE 754 double precision. */
    FLOAT_64(64, true);

    private final int bits;
    private final boolean isFloat;

    SampleFormat(int bits, boolean isFloat) {
        this.bits = bits;
        this.isFloat = isFloat;
    }

    /** Bits per stored sample (the container size). */
    public int bitsPerSample() {
        return bits;
    }

    /** Bytes per stored sample. */
    public int bytesPerSample() {
        return bits / 8;
    }

    public boolean isFloat() {
        return isFloat;
    }

    /**
     * Whether converting float audio to this format loses resolution enough that it should be
     * dithered: the integer formats of at most 24 bits. (A float has a 24-bit significand, so
     * 32-bit integers already hold more than the float can give them.)
     */
    public boolean benefitsFromDither() {
        return !isFloat && bits <= 24;
    }

    /** The integer format of the given bit depth, or the float format of the given size. */
    public static SampleFormat of(int bitsPerSample, boolean isFloat) {
        for (SampleFormat f : values()) {
            if (f.bits == bitsPerSample && f.isFloat == isFloat) {
                return f;
            }
        }
        throw new IllegalArgumentException("no " + (isFloat ? "float" : "integer") + " sample format of "
                + bitsPerSample + " bits");
    }
}
