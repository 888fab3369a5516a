package io.mixai.settings;

/**
 * A stem's downward compressor ({@code compression} in the metadata). Null fields were absent
 * and take the {@code compressor} effect's defaults.
 *
 * @param thresholdDb threshold in dBFS at the compressor's input ({@code threshold})
 * @param ratio compression ratio n:1 ({@code ratio})
 * @param attackMs attack time ({@code attack_ms})
 * @param releaseMs release time ({@code release_ms})
 * @param makeupDb gain after compression ({@code makeup_db})
 * @param kneeDb width of the soft knee ({@code knee_db})
 * @param detection {@code "peak"} or {@code "rms"} level detection ({@code detection}, a mixai extension)
 */
public record CompressionSettings(double thresholdDb, double ratio, Double attackMs, Double releaseMs,
        Double makeupDb, Double kneeDb, String detection) {
}
