package io.mixai.dsp.spectral;

/**
 * A real-input FFT of one fixed size, planned once and reused. Instances keep scratch state,
 * so one instance serves one thread; create one per thread.
 *
 * <p>Spectra are {@code size/2 + 1} complex bins stored interleaved as
 * {@code re0, im0, re1, im1, ..., re(size/2), im(size/2)} (length {@code size + 2}), the
 * layout numpy's {@code rfft} returns. The forward transform is unscaled (as numpy's); the
 * inverse divides by {@code size}, so inverse(forward(x)) == x.
 */
public interface RealFft {

    /** An FFT of the given size (power-of-two sizes are the fast path and allocate nothing per call). */
    static RealFft create(int size) {
        return new JTransformsRealFft(size);
    }

    int size();

    /**
     * Transforms {@code size} samples of {@code input} starting at {@code inputOffset} into
     * {@code size + 2} interleaved values of {@code spectrum}; the input is left unchanged.
     */
    void forward(double[] input, int inputOffset, double[] spectrum);

    /** Inverse of {@link #forward}: {@code size + 2} interleaved values into {@code size} samples. */
    void inverse(double[] spectrum, double[] output, int outputOffset);
}
