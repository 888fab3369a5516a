package io.mixai.settings;

import java.util.List;

/**
 * A stem's EQ ({@code eq} in the metadata): an optional high-pass ({@code low_cut}) and
 * low-pass ({@code high_cut}), both Butterworth (Q 0.707) with {@code filter_slope_db_per_oct}
 * (12 when absent), then the bands in the order listed. Null fields were absent from the file.
 *
 * @param lowCutHz high-pass corner in Hz, or null for none
 * @param highCutHz low-pass corner in Hz, or null for none
 * @param filterSlopeDbPerOct slope of both cuts, 12, 24, 36 or 48 dB/octave, or null (12)
 * @param bands bells and shelves, applied in this order
 */
public record EqSettings(Double lowCutHz, Double highCutHz, Double filterSlopeDbPerOct, List<EqBand> bands) {

    /** The slope used when the file gives none: the corpus's 2nd-order filters. */
    public static final double DEFAULT_SLOPE_DB_PER_OCT = 12;

    public EqSettings {
        bands = List.copyOf(bands);
    }

    /** The slope in effect. */
    public double slopeDbPerOct() {
        return filterSlopeDbPerOct != null ? filterSlopeDbPerOct : DEFAULT_SLOPE_DB_PER_OCT;
    }
}
