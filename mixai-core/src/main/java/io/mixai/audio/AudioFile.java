package io.mixai.audio;

import io.mixai.audio.wav.WavReader;
import io.mixai.audio.wav.WavWriteOptions;
import io.mixai.audio.wav.WavWriter;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Whole-file convenience over {@link WavReader} and {@link WavWriter}. Reading holds the whole
 * file in memory: for long files stream with {@link WavReader} instead.
 */
public final class AudioFile {

    private AudioFile() {
    }

    /**
     * Reads a whole WAV file. Warnings (e.g. NaN samples replaced by 0, a header claiming more
     * data than present) are logged.
     *
     * @throws AudioFileException if the file is not a readable WAV file, or too long for one buffer
     */
    public static AudioBuffer read(Path file) throws IOException {
        try (WavReader in = WavReader.open(file)) {
            long frames = in.frames();
            if (frames > Integer.MAX_VALUE - 8) {
                throw new AudioFileException(file, frames + " frames are too many to hold in memory; stream the file"
                        + " with WavReader instead");
            }
            AudioBuffer audio = AudioBuffer.allocate(in.channelCount(), (int) frames, in.sampleRate());
            float[][] planar = audio.planar();
            int done = 0;
            while (done < frames) {
                int n = in.read(planar, done, (int) frames - done);
                if (n == 0) {
                    throw new AudioFileException(file, "data ended after " + done + " of " + frames + " frames");
                }
                done += n;
            }
            return audio;
        }
    }

    /**
     * Writes {@code audio} as a WAV file, atomically, with TPDF dither (default seed) for
     * integer formats up to 24 bits.
     */
    public static void write(AudioBuffer audio, Path file, SampleFormat format) throws IOException {
        write(audio, file, format, WavWriteOptions.defaults());
    }

    /** Writes {@code audio} as a WAV file, atomically, with the given options. */
    public static void write(AudioBuffer audio, Path file, SampleFormat format, WavWriteOptions options)
            throws IOException {
        WavWriter out = WavWriter.create(file, audio.sampleRate(), audio.channelCount(), format, options);
        try {
            out.write(audio.planar(), 0, audio.frames());
            out.close();
        } catch (IOException | RuntimeException | Error e) {
            out.abort();
            throw e;
        }
    }
}
