package io.mixai.dsp.filter;

import io.mixai.dsp.effect.SafeSamples;
import io.mixai.dsp.spectral.RealFft;
import java.util.Arrays;

/**
 * FIR convolution by uniformly partitioned overlap-save in the frequency domain, with a fixed
 * internal partition of {@code P} samples: the filter is cut into partitions of P taps, each
 * transformed once with a 2P-point FFT ({@link FirPartitioner}); every P input samples are
 * transformed once, kept in a frequency-domain delay line and multiplied with all partitions
 * (the scheme of Kulp 1988 and Wefers, "Partitioned convolution algorithms for real-time
 * auralization", 2015).
 *
 * <p>Because the partition is internal and fixed, the output is the same whatever the host's
 * block size; the price is a latency of exactly {@code P} samples on top of the FIR's own delay.
 * Nothing is allocated after construction.
 */
final class UniformPartitionedConvolver {

    private final int partition;
    private final int partitions;
    private final RealFft fft;
    private double[][] filterSpectra;     // [partition][2P + 2], immutable once handed over
    private final double[][] inputWindow; // [channel][2P]: previous P samples, then the current P
    private final double[][][] delayLine; // [channel][partition][2P + 2] input spectra
    private final double[][] output;      // [channel][P] output of the last partition
    private final double[] accumulator;
    private final double[] timeScratch;
    private int position;
    private int head;

    UniformPartitionedConvolver(int partition, int maxFirLength, int channels) {
        if (Integer.bitCount(partition) != 1) {
            throw new IllegalArgumentException("partition must be a power of two, got " + partition);
        }
        this.partition = partition;
        this.partitions = FirPartitioner.partitionCount(partition, maxFirLength);
        this.fft = RealFft.create(2 * partition);
        this.filterSpectra = new double[partitions][2 * partition + 2]; // silence until a filter is set
        this.inputWindow = new double[channels][2 * partition];
        this.delayLine = new double[channels][partitions][2 * partition + 2];
        this.output = new double[channels][partition];
        this.accumulator = new double[2 * partition + 2];
        this.timeScratch = new double[2 * partition];
    }

    /** The block delay added by the partitioning. */
    int latency() {
        return partition;
    }

    /**
     * Uses these filter spectra (from a {@link FirPartitioner} of the same partition size) from
     * the next partition on. The arrays are kept, not copied, so they must never change
     * afterwards; swapping a reference is what lets the audio thread take a new filter without
     * allocating or copying.
     */
    void setFilterSpectra(double[][] spectra) {
        if (spectra.length != partitions || spectra[0].length != 2 * partition + 2) {
            throw new IllegalArgumentException("filter spectra of " + spectra.length + " partitions do not fit "
                    + partitions + " partitions of " + partition);
        }
        filterSpectra = spectra;
    }

    void reset() {
        for (double[] w : inputWindow) {
            Arrays.fill(w, 0);
        }
        for (double[][] line : delayLine) {
            for (double[] spectrum : line) {
                Arrays.fill(spectrum, 0);
            }
        }
        for (double[] o : output) {
            Arrays.fill(o, 0);
        }
        position = 0;
        head = 0;
    }

    /** Convolves {@code frames} samples of the first {@code channels} arrays from {@code offset}, in place. */
    void process(float[][] channelData, int channels, int offset, int frames) {
        int done = 0;
        while (done < frames) {
            int n = Math.min(frames - done, partition - position);
            for (int c = 0; c < channels; c++) {
                float[] x = channelData[c];
                double[] in = inputWindow[c];
                double[] out = output[c];
                int base = offset + done;
                for (int i = 0; i < n; i++) {
                    in[partition + position + i] = SafeSamples.fromInput(x[base + i]);
                    x[base + i] = SafeSamples.toOutput(out[position + i]);
                }
            }
            position += n;
            done += n;
            if (position == partition) {
                for (int c = 0; c < channels; c++) {
                    convolvePartition(c);
                }
                head = (head + 1) % partitions;
                position = 0;
            }
        }
    }

    private void convolvePartition(int channel) {
        double[] in = inputWindow[channel];
        double[][] line = delayLine[channel];
        fft.forward(in, 0, line[head]);
        System.arraycopy(in, partition, in, 0, partition);
        Arrays.fill(accumulator, 0);
        int bins = partition + 1;
        for (int p = 0; p < partitions; p++) {
            double[] x = line[(head - p + partitions) % partitions];
            double[] h = filterSpectra[p];
            for (int k = 0; k < bins; k++) {
                double xr = x[2 * k];
                double xi = x[2 * k + 1];
                double hr = h[2 * k];
                double hi = h[2 * k + 1];
                accumulator[2 * k] += xr * hr - xi * hi;
                accumulator[2 * k + 1] += xr * hi + xi * hr;
            }
        }
        fft.inverse(accumulator, timeScratch, 0);
        // Overlap-save: the first P samples of the circular result are wrapped; the last P are valid.
        System.arraycopy(timeScratch, partition, output[channel], 0, partition);
    }
}
