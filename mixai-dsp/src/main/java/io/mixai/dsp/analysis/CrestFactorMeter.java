package io.mixai.dsp.analysis;

import io.mixai.audio.AudioBlock;
import java.util.Arrays;

/**
 * Streams sample peak and RMS per channel and over all channels, for the crest factor
 * (peak-to-RMS ratio). {@link #process(AudioBlock)} takes blocks of any size, allocates nothing
 * and gives bit-identical results however the signal is cut into blocks (sums run per channel
 * in sample order). Non-finite samples count as zero. One instance serves one thread.
 *
 * <p>The peak is the sample peak; for the true (inter-sample) peak use the loudness meter's
 * true-peak measurement (ITU-R BS.1770-4 Annex 2) and {@link DynamicsDescriptors#plr}.
 */
public final class CrestFactorMeter {

    private final int channels;
    private final double[] peak;
    private final double[] sumSquares;
    private long samples;

    public CrestFactorMeter(int channels) {
        if (channels < 1) {
            throw new IllegalArgumentException("channel count must be positive, got " + channels);
        }
        this.channels = channels;
        this.peak = new double[channels];
        this.sumSquares = new double[channels];
    }

    public int channels() {
        return channels;
    }

    public void process(AudioBlock block) {
        if (block.channelCount() != channels) {
            throw new IllegalArgumentException("meter set up for " + channels
                    + " channels got a block of " + block.channelCount());
        }
        int from = block.offset();
        int to = from + block.frames();
        for (int c = 0; c < channels; c++) {
            float[] x = block.channel(c);
            double p = peak[c];
            double s = sumSquares[c];
            for (int i = from; i < to; i++) {
                double v = Math.abs(x[i]);
                if (!(v <= Float.MAX_VALUE)) {
                    v = 0;
                }
                p = Math.max(p, v);
                s += v * v;
            }
            peak[c] = p;
            sumSquares[c] = s;
        }
        samples += block.frames();
    }

    public void reset() {
        Arrays.fill(peak, 0.0);
        Arrays.fill(sumSquares, 0.0);
        samples = 0;
    }

    /** Sample frames measured so far. */
    public long samples() {
        return samples;
    }

    /** Peak and RMS of one channel so far. */
    public CrestFactor channel(int channel) {
        double rms = samples > 0 ? Math.sqrt(sumSquares[channel] / samples) : 0.0;
        return new CrestFactor(peak[channel], rms);
    }

    /** The peak over all channels and the RMS over all samples of all channels. */
    public CrestFactor overall() {
        double p = 0;
        double s = 0;
        for (int c = 0; c < channels; c++) {
            p = Math.max(p, peak[c]);
            s += sumSquares[c];
        }
        double rms = samples > 0 ? Math.sqrt(s / ((double) samples * channels)) : 0.0;
        return new CrestFactor(p, rms);
    }
}
