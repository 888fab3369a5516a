package io.mixai.dsp.reverb;

import io.mixai.dsp.spectral.RealFft;

/**
 * The spectra of an impulse response cut into partitions of {@code partitionSize} samples, each
 * zero-padded to twice that length: the filter half of uniformly partitioned overlap-save
 * convolution. Immutable once built, so several convolvers (channels) can share it.
 */
final class PartitionedImpulseResponse {

    private final int partitionSize;
    private final int length;
    private final double[][] spectra;

    PartitionedImpulseResponse(float[] impulseResponse, int partitionSize) {
        this.partitionSize = partitionSize;
        this.length = impulseResponse.length;
        int partitions = Math.max(1, (length + partitionSize - 1) / partitionSize);
        int fftSize = 2 * partitionSize;
        RealFft fft = RealFft.create(fftSize);
        double[] padded = new double[fftSize];
        spectra = new double[partitions][fftSize + 2];
        for (int p = 0; p < partitions; p++) {
            java.util.Arrays.fill(padded, 0);
            int start = p * partitionSize;
            int count = Math.min(partitionSize, length - start);
            for (int i = 0; i < count; i++) {
                padded[i] = impulseResponse[start + i];
            }
            fft.forward(padded, 0, spectra[p]);
        }
    }

    int partitionSize() {
        return partitionSize;
    }

    int partitions() {
        return spectra.length;
    }

    /** Length of the impulse response in samples. */
    int length() {
        return length;
    }

    double[] spectrum(int partition) {
        return spectra[partition];
    }
}
