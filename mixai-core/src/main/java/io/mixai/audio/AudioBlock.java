package io.mixai.audio;

import java.util.Objects;

/**
 * A non-owning view of {@code frames} consecutive frames of planar float audio: for every
 * channel {@code c}, samples {@code channel(c)[offset() .. offset() + frames() - 1]}.
 *
 * <p>Processors work on blocks in place. A block never copies samples. To walk a long buffer
 * without allocating, keep one block and {@link #moveTo(int, int) move} it along.
 */
public final class AudioBlock {

    private final float[][] channels;
    private int offset;
    private int frames;

    /**
     * A view over planar arrays.
     *
     * @throws IllegalArgumentException if the range does not lie inside every channel array
     */
    public AudioBlock(float[][] channels, int offset, int frames) {
        this.channels = Objects.requireNonNull(channels, "channels");
        if (channels.length == 0) {
            throw new IllegalArgumentException("a block needs at least one channel");
        }
        moveTo(offset, frames);
    }

    /** A view over a single mono array. */
    public static AudioBlock ofMono(float[] samples) {
        return new AudioBlock(new float[][] {samples}, 0, samples.length);
    }

    /**
     * Re-points this view at another range of the same arrays; allocates nothing.
     *
     * @return this block
     */
    public AudioBlock moveTo(int offset, int frames) {
        if (offset < 0 || frames < 0) {
            throw new IllegalArgumentException("offset and frames must not be negative: offset "
                    + offset + ", frames " + frames);
        }
        for (int c = 0; c < channels.length; c++) {
            if (channels[c].length - frames < offset) {
                throw new IllegalArgumentException("frames " + offset + ".." + (offset + frames)
                        + " exceed channel " + c + " of length " + channels[c].length);
            }
        }
        this.offset = offset;
        this.frames = frames;
        return this;
    }

    public int channelCount() {
        return channels.length;
    }

    public int frames() {
        return frames;
    }

    /** Index of the block's first frame inside each channel array. */
    public int offset() {
        return offset;
    }

    /** The backing array of one channel; the block's samples start at {@link #offset()}. */
    public float[] channel(int channel) {
        return channels[channel];
    }

    public float get(int channel, int frame) {
        return channels[channel][offset + frame];
    }

    public void set(int channel, int frame, float value) {
        channels[channel][offset + frame] = value;
    }

    /** A new view of part of this block. Allocates: keep it out of hot loops. */
    public AudioBlock slice(int start, int length) {
        if (start < 0 || length < 0 || start > frames - length) {
            throw new IllegalArgumentException("slice " + start + "+" + length + " exceeds block of "
                    + frames + " frames");
        }
        return new AudioBlock(channels, offset + start, length);
    }

    /** Sets every sample of the block to zero. */
    public void clear() {
        for (float[] ch : channels) {
            java.util.Arrays.fill(ch, offset, offset + frames, 0f);
        }
    }

    /** Copies this block's samples into {@code target}, which must have the same shape. */
    public void copyTo(AudioBlock target) {
        if (target.channelCount() != channels.length || target.frames() != frames) {
            throw new IllegalArgumentException("cannot copy " + channels.length + "x" + frames
                    + " into " + target.channelCount() + "x" + target.frames());
        }
        for (int c = 0; c < channels.length; c++) {
            System.arraycopy(channels[c], offset, target.channel(c), target.offset(), frames);
        }
    }
}
