package io.mixai.master;

import io.mixai.audio.AudioBuffer;
import io.mixai.audio.SampleFormat;
import io.mixai.spi.EffectRegistry;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The immutable description of one mastering job, as {@link Mastering} builds it and a
 * {@link MasteringEngine} receives it. Exactly one of {@code sourceAudio} and
 * {@code sourceFile} is set; {@code outputFile} (with {@code outputFormat}) is set for
 * file-to-file rendering and null when the audio is wanted in memory.
 *
 * @param sourceAudio   the track in memory, or null
 * @param sourceFile    the track as a WAV file, or null
 * @param references    references (reference mode when not empty)
 * @param target        loudness and ceiling (in reference mode the loudness follows the
 *                      references by {@code match.loudnessPercent()} unless {@code loudnessExplicit})
 * @param loudnessExplicit whether the caller set the loudness explicitly (then it wins over the references)
 * @param match         per-aspect match amounts for reference mode
 * @param preferences   taste applied on top
 * @param progress      progress listener (never null)
 * @param registry      where effects are found by type id
 * @param outputFile    where to write, or null
 * @param outputFormat  the output sample format (null when {@code outputFile} is null)
 */
public record MasteringRequest(
        AudioBuffer sourceAudio,
        Path sourceFile,
        List<ReferenceTrack> references,
        Target target,
        boolean loudnessExplicit,
        MatchAmounts match,
        Preferences preferences,
        Consumer<Progress> progress,
        EffectRegistry registry,
        Path outputFile,
        SampleFormat outputFormat) {

    public MasteringRequest {
        if ((sourceAudio == null) == (sourceFile == null)) {
            throw new IllegalArgumentException("the track is either audio or a file");
        }
        references = List.copyOf(references);
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(match, "match");
        Objects.requireNonNull(preferences, "preferences");
        Objects.requireNonNull(progress, "progress");
        Objects.requireNonNull(registry, "registry");
        if ((outputFile == null) != (outputFormat == null)) {
            throw new IllegalArgumentException("an output file needs a sample format and vice versa");
        }
    }

    /** Whether references are given. */
    public boolean referenceMode() {
        return !references.isEmpty();
    }

    /** A label for the track: its file name, or "audio". */
    public String sourceLabel() {
        return sourceFile != null ? String.valueOf(sourceFile.getFileName()) : "audio";
    }
}
