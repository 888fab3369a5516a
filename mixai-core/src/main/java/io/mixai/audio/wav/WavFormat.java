package io.mixai.audio.wav;

import io.mixai.audio.SampleFormat;
import java.util.Objects;

/**
 * The format of a WAV file's audio data.
 *
 * @param sampleFormat       how samples are stored (the container size for integers)
 * @param sampleRate         frames per second
 * @param channels           channels per frame
 * @param validBitsPerSample meaningful bits per sample (≤ the container's bits; equal unless an
 *                           extensible header says otherwise, e.g. 20 valid bits in 24)
 * @param channelMask        WAVE_FORMAT_EXTENSIBLE speaker-position mask, 0 when none was given
 * @param extensible         whether the fmt chunk is WAVE_FORMAT_EXTENSIBLE
 */
public record WavFormat(SampleFormat sampleFormat, int sampleRate, int channels, int validBitsPerSample,
        long channelMask, boolean extensible) {

    public WavFormat {
        Objects.requireNonNull(sampleFormat, "sampleFormat");
        if (sampleRate < 1) {
            throw new IllegalArgumentException("sample rate must be positive, got " + sampleRate);
        }
        if (channels < 1 || channels > WavReader.MAX_CHANNELS) {
            throw new IllegalArgumentException("channels must be 1.." + WavReader.MAX_CHANNELS + ", got " + channels);
        }
        if (validBitsPerSample < 1 || validBitsPerSample > sampleFormat.bitsPerSample()) {
            throw new IllegalArgumentException("valid bits must be 1.." + sampleFormat.bitsPerSample()
                    + ", got " + validBitsPerSample);
        }
        if (channelMask < 0 || channelMask > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("channel mask must fit in 32 bits, got 0x" + Long.toHexString(channelMask));
        }
    }

    /** Bytes per frame (the fmt chunk's nBlockAlign). */
    public int blockAlign() {
        return channels * sampleFormat.bytesPerSample();
    }

    /** Bytes per second (the fmt chunk's nAvgBytesPerSec). */
    public long byteRate() {
        return (long) sampleRate * blockAlign();
    }

    @Override
    public String toString() {
        return sampleFormat + (validBitsPerSample != sampleFormat.bitsPerSample() ? " (" + validBitsPerSample
                + " valid bits)" : "") + ", " + sampleRate + " Hz, " + channels + " ch"
                + (channelMask != 0 ? ", mask 0x" + Long.toHexString(channelMask) : "")
                + (extensible ? ", extensible" : "");
    }
}
