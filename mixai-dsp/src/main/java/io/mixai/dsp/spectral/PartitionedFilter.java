package io.mixai.dsp.spectral;

import java.util.Arrays;

/**
 * An FIR filter (an EQ's taps, a reverb's impulse response) in the form a
 * {@link PartitionedConvolver} consumes: cut into partitions of {@code P} taps, each zero-padded
 * to {@code 2P} and transformed once with a {@code 2P}-point {@link RealFft} (the filter half of
 * uniformly partitioned overlap-save convolution; Wefers, "Partitioned convolution algorithms
 * for real-time auralization", 2015, ch. 5).
 *
 * <p>Building one allocates and runs an FFT per partition, so it belongs on a control thread;
 * the result is immutable, so it can be handed to the audio thread and shared by the convolvers
 * of several channels.
 */
public final class PartitionedFilter {

    private final int partitionSize;
    private final int length;
    /** [partition][2P + 2] interleaved spectra in the {@link RealFft} layout; never written after construction. */
    private final double[][] spectra;

    private PartitionedFilter(int partitionSize, int length, double[][] spectra) {
        this.partitionSize = partitionSize;
        this.length = length;
        this.spectra = spectra;
    }

    /**
     * The partitioned spectra of {@code taps}.
     *
     * @param partitionSize {@code P}, a power of two
     * @throws IllegalArgumentException if {@code taps} is empty or {@code partitionSize} is not a power of two
     */
    public static PartitionedFilter of(double[] taps, int partitionSize) {
        if (taps.length == 0) {
            throw new IllegalArgumentException("a partitioned filter needs at least one tap");
        }
        if (partitionSize < 1 || Integer.bitCount(partitionSize) != 1) {
            throw new IllegalArgumentException("partition size must be a power of two, got " + partitionSize);
        }
        int partitions = partitionsFor(taps.length, partitionSize);
        RealFft fft = RealFft.create(2 * partitionSize);
        double[] padded = new double[2 * partitionSize];
        double[][] spectra = new double[partitions][2 * partitionSize + 2];
        for (int p = 0; p < partitions; p++) {
            int from = p * partitionSize;
            int count = Math.min(partitionSize, taps.length - from);
            Arrays.fill(padded, 0);
            System.arraycopy(taps, from, padded, 0, count);
            fft.forward(padded, 0, spectra[p]);
        }
        return new PartitionedFilter(partitionSize, taps.length, spectra);
    }

    /** As {@link #of(double[], int)}, for single-precision taps such as a recorded impulse response. */
    public static PartitionedFilter of(float[] taps, int partitionSize) {
        double[] widened = new double[taps.length];
        for (int i = 0; i < taps.length; i++) {
            widened[i] = taps[i];
        }
        return of(widened, partitionSize);
    }

    private static int partitionsFor(int length, int partitionSize) {
        return Math.max(1, (length + partitionSize - 1) / partitionSize);
    }

    /** {@code P}: taps per partition. */
    public int partitionSize() {
        return partitionSize;
    }

    /** How many partitions the taps fill. */
    public int partitions() {
        return spectra.length;
    }

    /** The number of taps. */
    public int length() {
        return length;
    }

    /** Whether a convolver built for {@code other} can take this filter: same partition size and count. */
    boolean sameShapeAs(PartitionedFilter other) {
        return partitionSize == other.partitionSize && spectra.length == other.spectra.length;
    }

    /** The spectrum of partition {@code p}; the caller must not write to it. */
    double[] spectrum(int p) {
        return spectra[p];
    }
}
