package io.mixai.dsp.filter;

import java.util.List;

/** What one band of the parametric EQ does; the choice names are those of the {@code bandN_type} parameter. */
enum EqBandType {
    OFF("off"),
    LOW_CUT("low_cut"),
    HIGH_CUT("high_cut"),
    LOW_SHELF("low_shelf"),
    HIGH_SHELF("high_shelf"),
    PEAK("peak");

    static final List<String> CHOICES = List.of("off", "low_cut", "high_cut", "low_shelf", "high_shelf", "peak");

    private final String choice;

    EqBandType(String choice) {
        this.choice = choice;
    }

    String choice() {
        return choice;
    }

    /** The section kind of {@link SvfDesign} this band type is built from. */
    int sectionKind() {
        switch (this) {
            case LOW_CUT:
                return SvfDesign.HIGH_PASS;
            case HIGH_CUT:
                return SvfDesign.LOW_PASS;
            case LOW_SHELF:
                return SvfDesign.LOW_SHELF;
            case HIGH_SHELF:
                return SvfDesign.HIGH_SHELF;
            case PEAK:
                return SvfDesign.PEAK;
            default:
                return SvfDesign.IDENTITY;
        }
    }

    static EqBandType ofIndex(int index) {
        return values()[index];
    }
}
