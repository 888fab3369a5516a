package io.mixai.dsp.spectral;

import org.jtransforms.fft.DoubleFFT_1D;
import pl.edu.icm.jlargearrays.ConcurrencyUtils;

/**
 * {@link RealFft} backed by JTransforms.
 *
 * <p>JTransforms' {@code realForward} packs the real DC and Nyquist bins into {@code a[0]} and
 * {@code a[1]}; this class unpacks them explicitly into the numpy layout.
 */
final class JTransformsRealFft implements RealFft {

    static {
        // JTransforms splits transforms of 8192+ points over a global thread pool. Audio work is
        // parallelised across files and tracks instead; one thread keeps results and timing
        // independent of the machine and avoids pool hand-offs on the audio path.
        ConcurrencyUtils.setNumberOfThreads(1);
    }

    private final int size;
    private final DoubleFFT_1D fft;
    private final double[] work;

    JTransformsRealFft(int size) {
        if (size < 2 || (size & 1) != 0) {
            throw new IllegalArgumentException("FFT size must be even and at least 2, got " + size);
        }
        this.size = size;
        this.fft = new DoubleFFT_1D(size);
        this.work = new double[size];
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public void forward(double[] input, int inputOffset, double[] spectrum) {
        System.arraycopy(input, inputOffset, work, 0, size);
        fft.realForward(work);
        spectrum[0] = work[0];
        spectrum[1] = 0;
        System.arraycopy(work, 2, spectrum, 2, size - 2);
        spectrum[size] = work[1];
        spectrum[size + 1] = 0;
    }

    @Override
    public void inverse(double[] spectrum, double[] output, int outputOffset) {
        work[0] = spectrum[0];
        work[1] = spectrum[size];
        System.arraycopy(spectrum, 2, work, 2, size - 2);
        fft.realInverse(work, true);
        System.arraycopy(work, 0, output, outputOffset, size);
    }
}
