package io.mixai.audio.codec;

/**
 * Deterministic triangular (TPDF) dither: each value is the sum of two independent uniform
 * values in [-1/2, 1/2) LSB, so it is triangular over (-1, 1) LSB with variance 1/6 LSB².
 * Added before rounding, it makes the total error's mean and variance independent of the
 * signal (mean 0, variance 1/6 + 1/12 = 1/4 LSB²): Lipshitz, Wannamaker &amp; Vanderkooy,
 * "Quantization and Dither: A Theoretical Survey", J. AES 40(5), 1992.
 *
 * <p>The random source is SplitMix64 (Steele, Lea &amp; Flood, "Fast Splittable Pseudorandom
 * Number Generators", OOPSLA 2014): one 64-bit draw gives both uniforms (its two 32-bit halves),
 * so a writer seeded the same way always produces the same bytes. Not thread-safe.
 */
public final class TpdfDither {

    private static final double TWO_POW_MINUS_32 = 0x1p-32;

    private long state;

    public TpdfDither(long seed) {
        this.state = seed;
    }

    /** The next dither value, in LSB, in (-1, 1). */
    public double next() {
        long r = nextLong();
        // Each signed 32-bit half scaled by 2^-32 is uniform in [-1/2, 1/2).
        return ((long) (int) r + (long) (int) (r >>> 32)) * TWO_POW_MINUS_32;
    }

    private long nextLong() {
        long z = (state += 0x9E3779B97F4A7C15L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
