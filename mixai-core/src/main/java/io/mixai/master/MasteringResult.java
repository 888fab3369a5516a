package io.mixai.master;

import io.mixai.audio.AudioBuffer;
import io.mixai.audio.SampleFormat;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a master produced.
 *
 * @param audio               the mastered audio (input length, input rate), or null when it was
 *                            rendered straight to a file
 * @param outputFile          the file written, or null
 * @param outputFormat        its sample format, or null
 * @param mode                {@code "target"} or {@code "reference"}
 * @param targetName          the preset name, {@code "custom"}, or {@code "reference"}
 * @param targetLufs          the integrated loudness aimed at (NaN if none could be set, e.g. silence)
 * @param ceilingDbtp         the true-peak ceiling
 * @param settings            the applied effect chain
 * @param before              the track as it came in
 * @param after               the master
 * @param references          each reference as analysed (resampled to the track's rate)
 * @param referenceLabels     a label per reference
 * @param eqCurve             the EQ response wanted and the one applied
 * @param gainReductionDb     the limiter's peak gain reduction (negative dB) per 100 ms
 * @param tonalDistanceBeforeDb reference mode: 1/3-octave tonal distance (RMS dB, after loudness
 *                            normalisation) from the track to the weighted references; NaN in target mode
 * @param tonalDistanceAfterDb  the same for the master
 * @param notes               what the engine decided and why, one line each
 * @param warnings            problems worth a person's attention (e.g. the target could not be reached)
 * @param renderPasses        how many times the chain was rendered to settle the loudness
 * @param elapsedSeconds      wall-clock time of the whole job
 */
public record MasteringResult(
        AudioBuffer audio,
        Path outputFile,
        SampleFormat outputFormat,
        String mode,
        String targetName,
        double targetLufs,
        double ceilingDbtp,
        MasteringSettings settings,
        Measurements before,
        Measurements after,
        List<Measurements> references,
        List<String> referenceLabels,
        EqCurve eqCurve,
        Timeline gainReductionDb,
        double tonalDistanceBeforeDb,
        double tonalDistanceAfterDb,
        List<String> notes,
        List<String> warnings,
        int renderPasses,
        double elapsedSeconds) {

    public MasteringResult {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(eqCurve, "eqCurve");
        references = List.copyOf(references);
        referenceLabels = List.copyOf(referenceLabels);
        notes = List.copyOf(notes);
        warnings = List.copyOf(warnings);
    }

    /**
     * The mastered audio.
     *
     * @throws IllegalStateException when the master was rendered to a file (read that instead)
     */
    @Override
    public AudioBuffer audio() {
        if (audio == null) {
            throw new IllegalStateException("the master was rendered to " + outputFile + ", not kept in memory");
        }
        return audio;
    }

    /** The file written, if the master was rendered to one. */
    public Optional<Path> output() {
        return Optional.ofNullable(outputFile);
    }

    /** Processing speed as a multiple of real time (input duration / elapsed time). */
    public double realTimeFactor() {
        return before.durationSeconds() / Math.max(1e-9, elapsedSeconds);
    }

    /** The JSON and HTML report of this result. */
    public MasteringReport report() {
        return new MasteringReport(this);
    }
}
