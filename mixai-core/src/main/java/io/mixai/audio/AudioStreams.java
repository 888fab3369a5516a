package io.mixai.audio;

import io.mixai.audio.codec.SampleDecoder;
import io.mixai.audio.codec.SampleEncoder;
import io.mixai.audio.codec.TpdfDither;
import io.mixai.audio.wav.WavReader;
import io.mixai.audio.wav.WavWriteOptions;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioFormat.Encoding;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bridges {@link AudioBuffer} and {@code javax.sound.sampled.AudioInputStream}, with the same
 * sample conventions as WAV files (see {@link SampleFormat}).
 */
public final class AudioStreams {

    private static final Logger LOG = LoggerFactory.getLogger(AudioStreams.class);
    private static final int CHUNK_BYTES = 1 << 16;

    private AudioStreams() {
    }

    /**
     * A stream of {@code audio} as little-endian samples of {@code format}, TPDF-dithered with
     * the default seed for integer formats up to 24 bits (as {@link AudioFile#write} does).
     * Bytes are encoded lazily as the stream is read; the buffer must not change meanwhile.
     */
    public static AudioInputStream toAudioInputStream(AudioBuffer audio, SampleFormat format) {
        return toAudioInputStream(audio, format, true);
    }

    /** As {@link #toAudioInputStream(AudioBuffer, SampleFormat)}, with dither on or off. */
    public static AudioInputStream toAudioInputStream(AudioBuffer audio, SampleFormat format, boolean dither) {
        Encoding encoding = format.isFloat() ? Encoding.PCM_FLOAT
                : format == SampleFormat.PCM_U8 ? Encoding.PCM_UNSIGNED : Encoding.PCM_SIGNED;
        int frameSize = audio.channelCount() * format.bytesPerSample();
        AudioFormat af = new AudioFormat(encoding, audio.sampleRate(), format.bitsPerSample(), audio.channelCount(),
                frameSize, audio.sampleRate(), false);
        SampleEncoder encoder = new SampleEncoder(format,
                dither ? new TpdfDither(WavWriteOptions.DEFAULT_DITHER_SEED) : null);
        return new AudioInputStream(new EncodingInputStream(audio, encoder, frameSize), af, audio.frames());
    }

    /**
     * Reads a whole stream into a buffer. Accepts signed and unsigned integer PCM of 8 to 32 bits
     * and float of 32 or 64 bits, either byte order; A-law and mu-law are first decoded to 16-bit
     * PCM by {@link AudioSystem}. NaN and ±Inf become 0 (with a warning). The stream's declared
     * length is not trusted for allocation.
     *
     * @throws AudioFileException (without a file) for a format that cannot be converted or an
     *                            empty stream
     */
    public static AudioBuffer fromAudioInputStream(AudioInputStream stream) throws IOException {
        AudioFormat f = stream.getFormat();
        Encoding enc = f.getEncoding();
        if (Encoding.ULAW.equals(enc) || Encoding.ALAW.equals(enc)) {
            AudioFormat pcm = new AudioFormat(f.getSampleRate(), 16, f.getChannels(), true, false);
            stream = AudioSystem.getAudioInputStream(pcm, stream);
            f = stream.getFormat();
            enc = f.getEncoding();
        }
        boolean isFloat = Encoding.PCM_FLOAT.equals(enc);
        boolean signed = Encoding.PCM_SIGNED.equals(enc);
        if (!isFloat && !signed && !Encoding.PCM_UNSIGNED.equals(enc)) {
            throw bad("unsupported encoding " + enc + " (PCM, float, A-law or mu-law expected)");
        }
        int channels = f.getChannels();
        if (channels < 1 || channels > WavReader.MAX_CHANNELS) {
            throw bad("unsupported channel count " + channels);
        }
        float rate = f.getSampleRate();
        if (!(rate >= 1) || rate != Math.rint(rate) || rate > Integer.MAX_VALUE) {
            throw bad("sample rate " + rate + " is not a positive whole number of Hz");
        }
        int bits = f.getSampleSizeInBits();
        if (isFloat ? bits != 32 && bits != 64 : bits < 8 || bits > 32 || bits % 8 != 0) {
            throw bad("unsupported sample size of " + bits + " bits for " + enc);
        }
        int bytesPerSample = bits / 8;
        int frameSize = channels * bytesPerSample;
        if (f.getFrameSize() != frameSize) {
            throw bad("frame size " + f.getFrameSize() + " bytes does not match " + channels + " channels of "
                    + bits + " bits");
        }
        // 8-bit data has no byte order, and the flag is meaningless for it.
        SampleDecoder decoder = new SampleDecoder(bytesPerSample, isFloat, isFloat || signed,
                bytesPerSample > 1 && f.isBigEndian());

        long declared = stream.getFrameLength();
        // The declared length only sizes the first allocation, capped at 2^20 samples in all.
        int capacity = (int) Math.min(declared > 0 ? declared : 1 << 16, Math.max(1024, (1 << 20) / channels));
        float[][] planar = new float[channels][capacity];
        byte[] bytes = chunk(frameSize);
        int frames = 0;
        long nonFinite = 0;
        int filled;
        while ((filled = readFully(stream, bytes)) >= frameSize) {
            int n = filled / frameSize;
            if (frames + (long) n > Integer.MAX_VALUE - 8) {
                throw bad("stream too long to hold in memory");
            }
            if (frames + n > capacity) {
                capacity = (int) Math.min(Integer.MAX_VALUE - 8, Math.max(frames + (long) n, 2L * capacity));
                for (int c = 0; c < channels; c++) {
                    planar[c] = Arrays.copyOf(planar[c], capacity);
                }
            }
            nonFinite += decoder.decode(bytes, 0, planar, frames, n);
            frames += n;
            if (filled % frameSize != 0) {
                LOG.warn("audio stream ends with a partial frame; ignoring its {} bytes", filled % frameSize);
                break;
            }
            if (filled < bytes.length) {
                break;
            }
        }
        if (frames == 0) {
            throw bad("no audio frames in the stream");
        }
        if (nonFinite > 0) {
            LOG.warn("audio stream: {} non-finite float samples (NaN or Inf) replaced with 0", nonFinite);
        }
        for (int c = 0; c < channels; c++) {
            if (planar[c].length != frames) {
                planar[c] = Arrays.copyOf(planar[c], frames);
            }
        }
        return AudioBuffer.wrap(planar, (int) rate);
    }

    /** A buffer of whole frames, about {@link #CHUNK_BYTES} long (at least one frame). */
    private static byte[] chunk(int frameSize) {
        return new byte[Math.max(frameSize, CHUNK_BYTES / frameSize * frameSize)];
    }

    /** Reads until {@code buffer} is full or the stream ends; returns the bytes read. */
    private static int readFully(InputStream in, byte[] buffer) throws IOException {
        int total = 0;
        while (total < buffer.length) {
            int n = in.read(buffer, total, buffer.length - total);
            if (n < 0) {
                break;
            }
            total += n;
        }
        return total;
    }

    private static AudioFileException bad(String problem) {
        return new AudioFileException(null, problem);
    }

    /** Encodes frames of a buffer on demand. */
    private static final class EncodingInputStream extends InputStream {
        private final float[][] planar;
        private final int frames;
        private final SampleEncoder encoder;
        private final int frameSize;
        private final byte[] chunk;
        private int nextFrame;
        private int chunkPos;
        private int chunkLen;

        EncodingInputStream(AudioBuffer audio, SampleEncoder encoder, int frameSize) {
            this.planar = audio.planar();
            this.frames = audio.frames();
            this.encoder = encoder;
            this.frameSize = frameSize;
            this.chunk = chunk(frameSize);
        }

        @Override
        public int read() {
            if (!refill()) {
                return -1;
            }
            return chunk[chunkPos++] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            java.util.Objects.checkFromIndexSize(off, len, b.length);
            if (len == 0) {
                return 0;
            }
            if (!refill()) {
                return -1;
            }
            int n = Math.min(len, chunkLen - chunkPos);
            System.arraycopy(chunk, chunkPos, b, off, n);
            chunkPos += n;
            return n;
        }

        @Override
        public int available() {
            return chunkLen - chunkPos;
        }

        private boolean refill() {
            if (chunkPos < chunkLen) {
                return true;
            }
            if (nextFrame >= frames) {
                return false;
            }
            int n = Math.min(frames - nextFrame, chunk.length / frameSize);
            encoder.encode(planar, nextFrame, n, chunk, 0);
            nextFrame += n;
            chunkPos = 0;
            chunkLen = n * frameSize;
            return true;
        }
    }
}
