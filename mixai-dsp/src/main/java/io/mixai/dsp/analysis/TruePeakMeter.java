package io.mixai.dsp.analysis;

import io.mixai.audio.AudioBlock;
import io.mixai.param.InvalidParameterException;
import java.util.OptionalDouble;

/**
 * True-peak level per ITU-R BS.1770-4 Annex 2, in dBTP: the largest absolute value of the
 * signal reconstructed between samples by a {@link TruePeakInterpolator} (4x oversampling below
 * 96 kHz), over all channels. Also keeps the plain sample peak. Streams blocks of any size with
 * bit-identical results; {@link #process(AudioBlock)} allocates nothing.
 *
 * <p>The float implementation needs no attenuation stage (Annex 2's −12.04 dB is for fixed-point
 * headroom).
 */
public final class TruePeakMeter {

    private final int sampleRate;
    private final TruePeakInterpolator[] interpolators;
    private final float[] truePeak;
    private final float[] samplePeak;

    public TruePeakMeter(int sampleRate, int channelCount) {
        if (channelCount < 1) {
            throw new InvalidParameterException("truePeak", "channels", "channel count must be at least 1, got " + channelCount);
        }
        this.sampleRate = sampleRate;
        this.interpolators = new TruePeakInterpolator[channelCount];
        for (int c = 0; c < channelCount; c++) {
            interpolators[c] = TruePeakInterpolator.forSampleRate(sampleRate);
        }
        this.truePeak = new float[channelCount];
        this.samplePeak = new float[channelCount];
    }

    public int sampleRate() {
        return sampleRate;
    }

    public int channelCount() {
        return interpolators.length;
    }

    /** The oversampling factor in use at this sample rate. */
    public int oversampling() {
        return interpolators[0].factor();
    }

    /** Measures a block (read only). Allocates nothing. */
    public void process(AudioBlock block) {
        processRange(block, 0, block.frames());
    }

    /**
     * Measures {@code length} frames of a block from frame {@code start} (read only) and
     * returns their true peak over all channels, linear. Inter-sample values come out of the
     * interpolator {@link TruePeakInterpolator#latencyOversampled() slightly delayed}, so a peak
     * is attributed to a range up to about 16 samples later than it occurred. Allocates nothing.
     */
    public float processRange(AudioBlock block, int start, int length) {
        return processRangeAbove(block, start, length, 0f);
    }

    /**
     * As {@link #processRange}, for a caller that only needs the range's true peak where it
     * exceeds {@code floor} (e.g. the running maximum it keeps): the result is the same where it
     * is above {@code floor} and some value at most {@code floor} otherwise, and chunks that
     * cannot exceed the floor (or this channel's peak so far) are not interpolated. The
     * per-channel peaks stay exact. Allocates nothing.
     */
    public float processRangeAbove(AudioBlock block, int start, int length, float floor) {
        checkChannels(block);
        if (start < 0 || length < 0 || start > block.frames() - length) {
            throw new IllegalArgumentException("range " + start + "+" + length + " exceeds block of " + block.frames() + " frames");
        }
        int offset = block.offset() + start;
        float rangePeak = 0f;
        for (int c = 0; c < interpolators.length; c++) {
            float[] x = block.channel(c);
            // both maxima stay exact: nothing at or below either floor can change them
            float peak = interpolators[c].peakAbove(x, offset, length, Math.min(floor, truePeak[c]));
            rangePeak = Math.max(rangePeak, peak);
            truePeak[c] = Math.max(truePeak[c], peak);
            samplePeak[c] = Math.max(samplePeak[c], TruePeakInterpolator.absMax(x, offset, length));
        }
        return rangePeak;
    }

    void checkChannels(AudioBlock block) {
        if (block.channelCount() != interpolators.length) {
            throw new IllegalArgumentException("meter was made for " + interpolators.length
                    + " channels, block has " + block.channelCount());
        }
    }

    /** The true peak of one channel so far, linear (0 before any signal). */
    public double truePeakLinear(int channel) {
        return Math.max(truePeak[channel], interpolators[channel].tailPeak());
    }

    /** The true peak over all channels so far, linear. */
    public double truePeakLinear() {
        double peak = 0;
        for (int c = 0; c < interpolators.length; c++) {
            peak = Math.max(peak, truePeakLinear(c));
        }
        return peak;
    }

    /** The sample peak over all channels so far, linear. */
    public double samplePeakLinear() {
        double peak = 0;
        for (float p : samplePeak) {
            peak = Math.max(peak, p);
        }
        return peak;
    }

    /** The sample peak of one channel so far, linear. */
    public double samplePeakLinear(int channel) {
        return samplePeak[channel];
    }

    /** True peak in dBTP; empty while the signal has been digital silence. */
    public OptionalDouble truePeakDbtp() {
        return toDb(truePeakLinear());
    }

    /** Sample peak in dBFS; empty while the signal has been digital silence. */
    public OptionalDouble samplePeakDbfs() {
        return toDb(samplePeakLinear());
    }

    static OptionalDouble toDb(double linear) {
        return linear > 0 && Double.isFinite(linear) ? OptionalDouble.of(20 * Math.log10(linear)) : OptionalDouble.empty();
    }

    /** Forgets everything measured, as at construction. */
    public void reset() {
        for (TruePeakInterpolator i : interpolators) {
            i.reset();
        }
        java.util.Arrays.fill(truePeak, 0f);
        java.util.Arrays.fill(samplePeak, 0f);
    }
}
