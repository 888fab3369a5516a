package io.mixai.dsp.master;

import io.mixai.audio.AudioBuffer;
import io.mixai.audio.AudioFileException;
import io.mixai.audio.wav.WavReader;
import io.mixai.chain.ChainRenderer;
import java.io.IOException;
import java.nio.file.Path;

/**
 * One pass over a programme in blocks, from memory or from a WAV file; the engine opens a new
 * one for every pass, so a file is read several times but never held in memory.
 */
abstract class AudioStream implements ChainRenderer.Source, AutoCloseable {

    abstract int sampleRate();

    abstract int channels();

    abstract long frames();

    @Override
    public abstract void close() throws IOException;

    static AudioStream open(AudioBuffer audio, Path file) throws IOException {
        return audio != null ? new FromBuffer(audio) : new FromFile(WavReader.open(file));
    }

    /** Checks that a programme has a channel count mastering supports. */
    static void checkChannels(int channels, String what) throws AudioFileException {
        if (channels != 1 && channels != 2) {
            throw new AudioFileException(null, what + " has " + channels
                    + " channels; mastering takes mono or stereo");
        }
    }

    private static final class FromBuffer extends AudioStream {
        private final AudioBuffer audio;
        private int position;

        FromBuffer(AudioBuffer audio) {
            this.audio = audio;
        }

        @Override
        int sampleRate() {
            return audio.sampleRate();
        }

        @Override
        int channels() {
            return audio.channelCount();
        }

        @Override
        long frames() {
            return audio.frames();
        }

        @Override
        public int read(float[][] dest, int offset, int maxFrames) {
            int n = Math.min(maxFrames, audio.frames() - position);
            for (int c = 0; c < dest.length; c++) {
                float[] src = audio.channel(c);
                float[] d = dest[c];
                // Non-finite samples in memory count as silence, as the WAV reader does for files.
                for (int i = 0; i < n; i++) {
                    float x = src[position + i];
                    d[offset + i] = Float.isFinite(x) ? x : 0f;
                }
            }
            position += n;
            return n;
        }

        @Override
        public void close() {
        }
    }

    private static final class FromFile extends AudioStream {
        private final WavReader reader;

        FromFile(WavReader reader) {
            this.reader = reader;
        }

        @Override
        int sampleRate() {
            return reader.sampleRate();
        }

        @Override
        int channels() {
            return reader.channelCount();
        }

        @Override
        long frames() {
            return reader.frames();
        }

        @Override
        public int read(float[][] dest, int offset, int maxFrames) throws IOException {
            return reader.read(dest, offset, maxFrames);
        }

        @Override
        public void close() throws IOException {
            reader.close();
        }
    }
}
