package io.mixai.dsp.spectral;

import io.mixai.dsp.effect.SafeSamples;
import java.util.Arrays;

/**
 * Convolves one channel with a {@link PartitionedFilter} by uniformly partitioned overlap-save
 * convolution in the frequency domain (Kulp 1988; Wefers, "Partitioned convolution algorithms
 * for real-time auralization", 2015, ch. 5).
 *
 * <p>Input is gathered into partitions of {@code P} samples (the filter's partition size). When
 * one is complete, the last {@code 2P} inputs are transformed once and the spectrum joins a
 * frequency-domain delay line; the sum over partitions {@code p} of (input spectrum {@code p}
 * partitions ago) × (filter partition {@code p}) is transformed back, and the last {@code P}
 * samples of that circular result are the exact linear convolution for the partition just
 * gathered. They are played out while the next partition is gathered. So:
 *
 * <ul>
 *   <li>the latency is exactly {@code P} samples, {@link #latencySamples()}, on top of any delay
 *       the filter itself has: output sample {@code t} is {@code sum_k h[k] x[t - P - k]};
 *   <li>the partition is internal and fixed, so the output does not depend on how the host cuts
 *       the signal into blocks: every call sequence gives the same bits;
 *   <li>the work per partition is two {@code 2P}-point FFTs plus one complex multiply-add per
 *       bin and filter partition, instead of one multiply-add per tap for every sample.
 * </ul>
 *
 * <p>Everything is allocated at construction: {@link #process} allocates nothing, takes no lock
 * and runs in double precision. NaN and infinite input samples enter as silence
 * ({@link SafeSamples#fromInput}); there is no feedback, so no decaying state can sink into
 * denormals. One instance serves one channel on one thread.
 */
public final class PartitionedConvolver {

    private final int size;
    private final RealFft fft;
    private PartitionedFilter filter;
    /** The last 2P input samples: the previous partition, then the one being gathered. */
    private final double[] window;
    /** Spectra of past input windows, newest at {@code head}. */
    private final double[][] delayLine;
    /** The convolution of the last complete partition, played out while the next is gathered. */
    private final double[] output;
    private final double[] accumulator;
    private final double[] timeDomain;
    /** Samples gathered into the current partition. */
    private int position;
    private int head;

    /** A convolver for {@code filter} and, later, any filter of the same shape; starts silent. */
    public PartitionedConvolver(PartitionedFilter filter) {
        this.filter = filter;
        this.size = filter.partitionSize();
        this.fft = RealFft.create(2 * size);
        this.window = new double[2 * size];
        this.delayLine = new double[filter.partitions()][2 * size + 2];
        this.output = new double[size];
        this.accumulator = new double[2 * size + 2];
        this.timeDomain = new double[2 * size];
    }

    /** The delay added by the partitioning: one partition, {@code P} samples. */
    public int latencySamples() {
        return size;
    }

    /**
     * Convolves with {@code next} from the next complete partition on, without a crossfade. Only
     * a reference is swapped, so this is allocation-free and fit for the audio thread; build the
     * filter elsewhere and hand it over (through a volatile field, for instance). Call it on the
     * thread that calls {@link #process}.
     *
     * @throws IllegalArgumentException if {@code next} has another partition size or count
     */
    public void setFilter(PartitionedFilter next) {
        if (!next.sameShapeAs(filter)) {
            throw new IllegalArgumentException("a filter of " + next.partitions() + " partitions of "
                    + next.partitionSize() + " does not fit a convolver of " + delayLine.length
                    + " partitions of " + size);
        }
        filter = next;
    }

    /** Forgets all past input (the output restarts from silence); keeps the filter. */
    public void reset() {
        Arrays.fill(window, 0);
        for (double[] spectrum : delayLine) {
            Arrays.fill(spectrum, 0);
        }
        Arrays.fill(output, 0);
        position = 0;
        head = 0;
    }

    /**
     * Convolves {@code frames} samples of {@code samples} from {@code offset}, in place. The
     * output is written as {@link SafeSamples#toOutput safe} floats.
     */
    public void process(float[] samples, int offset, int frames) {
        for (int done = 0; done < frames;) {
            int n = Math.min(frames - done, size - position);
            for (int i = 0, at = offset + done; i < n; i++, at++) {
                window[size + position + i] = SafeSamples.fromInput(samples[at]);
                samples[at] = SafeSamples.toOutput(output[position + i]);
            }
            done += n;
            advance(n);
        }
    }

    /**
     * Convolves {@code frames} samples of {@code input} from {@code inputOffset} into
     * {@code output} from {@code outputOffset}, unrounded, for a caller that goes on mixing in
     * double precision and writes its own result through {@link SafeSamples#toOutput}. The
     * arrays may not overlap.
     */
    public void process(float[] input, int inputOffset, double[] output, int outputOffset, int frames) {
        for (int done = 0; done < frames;) {
            int n = Math.min(frames - done, size - position);
            for (int i = 0; i < n; i++) {
                window[size + position + i] = SafeSamples.fromInput(input[inputOffset + done + i]);
                output[outputOffset + done + i] = this.output[position + i];
            }
            done += n;
            advance(n);
        }
    }

    private void advance(int gathered) {
        position += gathered;
        if (position == size) {
            convolvePartition();
            position = 0;
        }
    }

    private void convolvePartition() {
        int partitions = delayLine.length;
        head = head == 0 ? partitions - 1 : head - 1;
        fft.forward(window, 0, delayLine[head]);
        System.arraycopy(window, size, window, 0, size); // this partition becomes the previous one

        Arrays.fill(accumulator, 0);
        int values = 2 * size + 2;
        for (int p = 0; p < partitions; p++) {
            int slot = head + p;
            if (slot >= partitions) {
                slot -= partitions;
            }
            double[] x = delayLine[slot];
            double[] h = filter.spectrum(p);
            for (int k = 0; k < values; k += 2) {
                double xr = x[k];
                double xi = x[k + 1];
                double hr = h[k];
                double hi = h[k + 1];
                accumulator[k] += xr * hr - xi * hi;
                accumulator[k + 1] += xr * hi + xi * hr;
            }
        }
        fft.inverse(accumulator, timeDomain, 0);
        // Overlap-save: the first P samples of the circular result wrap around; the last P are exact.
        System.arraycopy(timeDomain, size, output, 0, size);
    }
}
