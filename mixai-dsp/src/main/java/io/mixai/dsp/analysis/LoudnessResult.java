package io.mixai.dsp.analysis;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The summary of a programme's loudness, as EBU R 128 reports it. A value that cannot be
 * measured (silence, a programme shorter than the measurement window) is empty.
 *
 * @param integratedLufs    gated integrated loudness (ITU-R BS.1770-4), LUFS
 * @param loudnessRangeLu   loudness range (EBU Tech 3342), LU
 * @param maxMomentaryLufs  largest 400 ms loudness, LUFS
 * @param maxShortTermLufs  largest 3 s loudness, LUFS
 * @param truePeakDbtp      true peak (BS.1770-4 Annex 2), dBTP
 * @param samplePeakDbfs    largest absolute sample, dBFS
 * @param frames            frames measured
 * @param sampleRate        sample rate in Hz
 */
public record LoudnessResult(
        OptionalDouble integratedLufs,
        OptionalDouble loudnessRangeLu,
        OptionalDouble maxMomentaryLufs,
        OptionalDouble maxShortTermLufs,
        OptionalDouble truePeakDbtp,
        OptionalDouble samplePeakDbfs,
        long frames,
        int sampleRate) {

    public LoudnessResult {
        Objects.requireNonNull(integratedLufs, "integratedLufs");
        Objects.requireNonNull(loudnessRangeLu, "loudnessRangeLu");
        Objects.requireNonNull(maxMomentaryLufs, "maxMomentaryLufs");
        Objects.requireNonNull(maxShortTermLufs, "maxShortTermLufs");
        Objects.requireNonNull(truePeakDbtp, "truePeakDbtp");
        Objects.requireNonNull(samplePeakDbfs, "samplePeakDbfs");
    }

    /** Programme length in seconds. */
    public double durationSeconds() {
        return frames / (double) sampleRate;
    }

    /** PLR (peak-to-loudness ratio): true peak minus integrated loudness, in dB; empty if either is. */
    public OptionalDouble peakToLoudnessRatioDb() {
        return truePeakDbtp.isPresent() && integratedLufs.isPresent()
                ? OptionalDouble.of(DynamicsDescriptors.plr(truePeakDbtp.getAsDouble(), integratedLufs.getAsDouble()))
                : OptionalDouble.empty();
    }

    /**
     * The values under the snake_case names the {@code mixai loudness --json} report uses
     * ({@code integrated_lufs}, {@code loudness_range_lu}, {@code momentary_max_lufs},
     * {@code short_term_max_lufs}, {@code true_peak_dbtp}, {@code sample_peak_dbfs}), null where
     * empty; insertion-ordered and unmodifiable, ready for a JSON serialiser.
     */
    public Map<String, Double> toJsonFields() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("integrated_lufs", boxed(integratedLufs));
        m.put("loudness_range_lu", boxed(loudnessRangeLu));
        m.put("momentary_max_lufs", boxed(maxMomentaryLufs));
        m.put("short_term_max_lufs", boxed(maxShortTermLufs));
        m.put("true_peak_dbtp", boxed(truePeakDbtp));
        m.put("sample_peak_dbfs", boxed(samplePeakDbfs));
        return Collections.unmodifiableMap(m);
    }

    private static Double boxed(OptionalDouble value) {
        return value.isPresent() ? value.getAsDouble() : null;
    }
}
