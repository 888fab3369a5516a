package io.mixai.settings;

import java.util.Objects;

/**
 * One bell or shelf of a stem's EQ ({@code eq.bands[]} in the metadata): an RBJ Audio EQ
 * Cookbook biquad.
 *
 * @param type the filter shape
 * @param freqHz centre (bell) or corner (shelf) frequency in Hz
 * @param gainDb boost (positive) or cut (negative) in dB
 * @param q quality factor (a shelf's Q as in the cookbook, 0.707 for the steepest monotonic shelf)
 */
public record EqBand(Type type, double freqHz, double gainDb, double q) {

    public EqBand {
        Objects.requireNonNull(type, "type");
    }

    /** Band shapes, with their metadata name and the matching {@code eq} effect choice. */
    public enum Type {
        BELL("bell", "peak"),
        LOW_SHELF("low_shelf", "low_shelf"),
        HIGH_SHELF("high_shelf", "high_shelf");

        private final String jsonName;
        private final String eqChoice;

        Type(String jsonName, String eqChoice) {
            this.jsonName = jsonName;
            this.eqChoice = eqChoice;
        }

        /** The name in metadata files ({@code "bell"}). */
        public String jsonName() {
            return jsonName;
        }

        /** The {@code bandN_type} choice of the {@code eq} effect ({@code "peak"}). */
        public String eqChoice() {
            return eqChoice;
        }

        /** The type with a metadata name, or null. */
        public static Type ofJsonName(String name) {
            for (Type t : values()) {
                if (t.jsonName.equals(name)) {
                    return t;
                }
            }
            return null;
        }
    }
}
