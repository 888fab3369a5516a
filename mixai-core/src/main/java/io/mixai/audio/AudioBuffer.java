package io.mixai.audio;

import java.util.Objects;

/**
 * Multichannel audio held in memory as planar 32-bit float samples (one array per channel),
 * nominally in [-1, 1], with its sample rate.
 *
 * <p>Planar layout keeps every channel contiguous, which is what filters and FFTs want. A
 * buffer owns its arrays; {@link #block()} and {@link #block(int, int)} give non-owning views
 * for processing. Long files are not meant to live whole in a buffer: stream them through
 * {@code io.mixai.audio.wav.WavReader} in blocks instead.
 */
public final class AudioBuffer {

    private final float[][] channels;
    private final int frames;
    private final int sampleRate;

    private AudioBuffer(float[][] channels, int frames, int sampleRate) {
        this.channels = channels;
        this.frames = frames;
        this.sampleRate = sampleRate;
    }

    /** A silent buffer of the given shape. */
    public static AudioBuffer allocate(int channelCount, int frames, int sampleRate) {
        checkShape(channelCount, frames, sampleRate);
        return new AudioBuffer(new float[channelCount][frames], frames, sampleRate);
    }

    /**
     * Wraps planar arrays without copying; the buffer then shares them with the caller.
     * Every channel array must have the same length.
     */
    public static AudioBuffer wrap(float[][] planar, int sampleRate) {
        Objects.requireNonNull(planar, "planar");
        if (planar.length == 0) {
            throw new IllegalArgumentException("an audio buffer needs at least one channel");
        }
        int frames = Objects.requireNonNull(planar[0], "channel 0").length;
        for (int c = 1; c < planar.length; c++) {
            Objects.requireNonNull(planar[c], "channel " + c);
            if (planar[c].length != frames) {
                throw new IllegalArgumentException("channel " + c + " has " + planar[c].length
                        + " frames but channel 0 has " + frames);
            }
        }
        checkShape(planar.length, frames, sampleRate);
        return new AudioBuffer(planar.clone(), frames, sampleRate);
    }

    private static void checkShape(int channelCount, int frames, int sampleRate) {
        if (channelCount < 1) {
            throw new IllegalArgumentException("channel count must be at least 1, got " + channelCount);
        }
        if (frames < 0) {
            throw new IllegalArgumentException("frame count must not be negative, got " + frames);
        }
        if (sampleRate < 1) {
            throw new IllegalArgumentException("sample rate must be positive, got " + sampleRate);
        }
    }

    public int channelCount() {
        return channels.length;
    }

    public int frames() {
        return frames;
    }

    public int sampleRate() {
        return sampleRate;
    }

    public double durationSeconds() {
        return frames / (double) sampleRate;
    }

    /** The live sample array of one channel (not a copy). */
    public float[] channel(int channel) {
        return channels[channel];
    }

    /** The live planar arrays (the outer array is a copy, the channel arrays are not). */
    public float[][] planar() {
        return channels.clone();
    }

    /** A view of the whole buffer. */
    public AudioBlock block() {
        return new AudioBlock(channels, 0, frames);
    }

    /** A view of {@code length} frames starting at {@code offset}. */
    public AudioBlock block(int offset, int length) {
        return new AudioBlock(channels, offset, length);
    }

    /** A deep copy. */
    public AudioBuffer copy() {
        float[][] copy = new float[channels.length][];
        for (int c = 0; c < channels.length; c++) {
            copy[c] = channels[c].clone();
        }
        return new AudioBuffer(copy, frames, sampleRate);
    }

    /** The largest absolute sample value over all channels (0 for an empty buffer). */
    public float peak() {
        float peak = 0f;
        for (float[] ch : channels) {
            for (int i = 0; i < frames; i++) {
                peak = Math.max(peak, Math.abs(ch[i]));
            }
        }
        return peak;
    }

    @Override
    public String toString() {
        return "AudioBuffer[" + channels.length + " ch, " + frames + " frames, " + sampleRate + " Hz]";
    }
}
