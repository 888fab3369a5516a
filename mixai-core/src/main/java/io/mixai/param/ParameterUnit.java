package io.mixai.param;

/** The unit a parameter is expressed in; a parameter's id ends with the same suffix. */
public enum ParameterUnit {
    DECIBELS("dB", "_db"),
    /** A filter slope. */
    DECIBELS_PER_OCTAVE("dB/oct", "_db_oct"),
    DECIBELS_FULL_SCALE("dBFS", "_dbfs"),
    DECIBELS_TRUE_PEAK("dBTP", "_dbtp"),
    LUFS("LUFS", "_lufs"),
    HERTZ("Hz", "_hz"),
    MILLISECONDS("ms", "_ms"),
    SECONDS("s", "_s"),
    RATIO(":1", "ratio"),
    PERCENT("%", "_percent"),
    /** A dimensionless number such as a filter's Q or a pan position in [-1, 1]. */
    NONE("", ""),
    /** An on/off switch stored as 0 or 1. */
    BOOLEAN("bool", ""),
    /** One of a fixed list of named choices, stored as the choice's index. */
    CHOICE("choice", "");

    private final String symbol;
    private final String idSuffix;

    ParameterUnit(String symbol, String idSuffix) {
        this.symbol = symbol;
        this.idSuffix = idSuffix;
    }

    /** The unit as people write it, e.g. {@code "dB"}, {@code "Hz"}. */
    public String symbol() {
        return symbol;
    }

    /** The suffix a parameter id in this unit must end with (empty: no constraint). */
    public String idSuffix() {
        return idSuffix;
    }
}
