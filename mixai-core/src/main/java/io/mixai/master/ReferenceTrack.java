package io.mixai.master;

import io.mixai.audio.AudioBuffer;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A reference for reference mode: audio in memory or a WAV file (streamed), with a weight.
 * References may have any sample rate, length, channel count (mono or stereo) and level.
 *
 * @param audio  the audio, or null when {@code file} is given
 * @param file   the WAV file, or null when {@code audio} is given
 * @param weight relative weight among the references, positive
 */
public record ReferenceTrack(AudioBuffer audio, Path file, double weight) {

    public ReferenceTrack {
        if ((audio == null) == (file == null)) {
            throw new IllegalArgumentException("a reference is either audio or a file");
        }
        if (!(weight > 0) || !Double.isFinite(weight)) {
            throw new IllegalArgumentException("reference weight must be positive, got " + weight);
        }
    }

    public static ReferenceTrack of(AudioBuffer audio, double weight) {
        return new ReferenceTrack(Objects.requireNonNull(audio, "audio"), null, weight);
    }

    public static ReferenceTrack of(Path file, double weight) {
        return new ReferenceTrack(null, Objects.requireNonNull(file, "file"), weight);
    }

    /** A name for reports: the file name, or "reference audio". */
    public String label() {
        return file != null ? String.valueOf(file.getFileName()) : "reference audio";
    }
}
