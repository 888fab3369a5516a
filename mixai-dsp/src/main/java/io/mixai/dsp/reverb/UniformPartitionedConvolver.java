package io.mixai.dsp.reverb;

import io.mixai.dsp.spectral.RealFft;
import java.util.Arrays;

/**
 * Uniformly partitioned overlap-save convolution of one channel (Wefers, "Partitioned
 * convolution algorithms for real-time auralization", 2015, ch. 5): every {@code N} input
 * samples, the last {@code 2N} inputs are transformed once, the spectrum joins a frequency-domain
 * delay line, and the output block is the inverse transform of the sum over partitions of
 * (input spectrum {@code p} blocks ago) x (impulse-response partition {@code p}). The last
 * {@code N} samples of that inverse are the exact linear convolution. Cost per sample grows
 * with the impulse-response length over {@code N} complex multiply-adds instead of the length
 * itself; latency is one partition.
 */
final class UniformPartitionedConvolver {

    private final PartitionedImpulseResponse response;
    private final int size;
    private final RealFft fft;
    /** The last 2N input samples: the previous partition then the current one. */
    private final double[] window;
    /** Spectra of past input windows, newest at {@code head}. */
    private final double[][] delayLine;
    private final double[] accumulator;
    private final double[] timeDomain;
    private int head;

    UniformPartitionedConvolver(PartitionedImpulseResponse response) {
        this.response = response;
        this.size = response.partitionSize();
        this.fft = RealFft.create(2 * size);
        this.window = new double[2 * size];
        this.delayLine = new double[response.partitions()][2 * size + 2];
        this.accumulator = new double[2 * size + 2];
        this.timeDomain = new double[2 * size];
    }

    void reset() {
        Arrays.fill(window, 0);
        for (double[] spectrum : delayLine) {
            Arrays.fill(spectrum, 0);
        }
        head = 0;
    }

    /**
     * Consumes the next {@code N} input samples and writes the {@code N} output samples of the
     * convolution for the same instants, delayed by nothing: {@code output[i]} is
     * {@code sum_k h[k] x[t+i-k]} for this partition's times {@code t+i}.
     */
    void processPartition(float[] input, double[] output) {
        System.arraycopy(window, size, window, 0, size);
        for (int i = 0; i < size; i++) {
            window[size + i] = input[i];
        }
        head = head == 0 ? delayLine.length - 1 : head - 1;
        fft.forward(window, 0, delayLine[head]);

        Arrays.fill(accumulator, 0);
        int partitions = delayLine.length;
        int bins = 2 * size + 2;
        for (int p = 0; p < partitions; p++) {
            int slot = head + p;
            if (slot >= partitions) {
                slot -= partitions;
            }
            double[] x = delayLine[slot];
            double[] h = response.spectrum(p);
            for (int k = 0; k < bins; k += 2) {
                double xr = x[k];
                double xi = x[k + 1];
                double hr = h[k];
                double hi = h[k + 1];
                accumulator[k] += xr * hr - xi * hi;
                accumulator[k + 1] += xr * hi + xi * hr;
            }
        }
        fft.inverse(accumulator, timeDomain, 0);
        System.arraycopy(timeDomain, size, output, 0, size);
    }
}
