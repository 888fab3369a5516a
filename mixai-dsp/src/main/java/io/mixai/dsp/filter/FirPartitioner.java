package io.mixai.dsp.filter;

import io.mixai.dsp.spectral.RealFft;
import java.util.Arrays;

/**
 * Cuts an FIR into partitions of {@code P} taps and transforms each, zero-padded, with a
 * 2P-point FFT: the filter side of {@link UniformPartitionedConvolver}. It runs on the control
 * thread (it allocates the spectra it returns); one instance serves one thread at a time.
 */
final class FirPartitioner {

    private final int partition;
    private final int partitions;
    private final RealFft fft;
    private final double[] scratch;

    FirPartitioner(int partition, int maxFirLength) {
        this.partition = partition;
        this.partitions = partitionCount(partition, maxFirLength);
        this.fft = RealFft.create(2 * partition);
        this.scratch = new double[2 * partition];
    }

    static int partitionCount(int partition, int firLength) {
        return (firLength + partition - 1) / partition;
    }

    /** New spectra ({@code partitions × (2P + 2)}) of the first {@code length} taps of {@code fir}. */
    double[][] spectra(double[] fir, int length) {
        if (length > partitions * partition) {
            throw new IllegalArgumentException("FIR of " + length + " taps exceeds " + partitions * partition);
        }
        double[][] spectra = new double[partitions][2 * partition + 2];
        for (int p = 0; p < partitions; p++) {
            int from = p * partition;
            int n = Math.max(0, Math.min(partition, length - from));
            Arrays.fill(scratch, 0);
            System.arraycopy(fir, from, scratch, 0, n);
            fft.forward(scratch, 0, spectra[p]);
        }
        return spectra;
    }
}
