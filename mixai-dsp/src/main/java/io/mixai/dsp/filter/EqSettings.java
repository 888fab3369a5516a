package io.mixai.dsp.filter;

import io.mixai.param.InvalidParameterException;
import io.mixai.param.ParameterSet;

/**
 * An immutable, primitive copy of an {@code eq} parameter set, made on the thread that sets the
 * parameters so that the audio thread reads plain fields and never looks values up by name.
 */
final class EqSettings {

    static final int BANDS = ParametricEqProvider.BANDS;

    final ParameterSet source;
    private final EqBandType[] types = new EqBandType[BANDS];
    private final double[] frequencies = new double[BANDS];
    private final double[] gains = new double[BANDS];
    private final double[] qs = new double[BANDS];
    private final int[] orders = new int[BANDS];
    final boolean linearPhase;

    EqSettings(ParameterSet p) {
        if (!ParametricEqProvider.TYPE.equals(p.effectType())) {
            throw new InvalidParameterException(ParametricEqProvider.TYPE, "(type)",
                    "got a parameter set for effect type '" + p.effectType() + "'");
        }
        this.source = p;
        for (int b = 0; b < BANDS; b++) {
            String prefix = "band" + (b + 1) + "_";
            types[b] = EqBandType.ofIndex((int) Math.rint(p.get(prefix + "type")));
            frequencies[b] = p.get(prefix + "freq_hz");
            gains[b] = p.get(prefix + "gain_db");
            qs[b] = p.get(prefix + "q");
            orders[b] = ButterworthCascade.orderForSlope(p.get(prefix + "slope_db_oct"));
        }
        this.linearPhase = p.getBoolean("linear_phase");
    }

    EqBandType type(int band) {
        return types[band];
    }

    double frequency(int band) {
        return frequencies[band];
    }

    double gainDb(int band) {
        return gains[band];
    }

    double q(int band) {
        return qs[band];
    }

    /** How many second-order sections the band needs (0 when off). */
    int sectionCount(int band) {
        switch (types[band]) {
            case OFF:
                return 0;
            case LOW_CUT:
            case HIGH_CUT:
                return orders[band] / 2;
            default:
                return 1;
        }
    }

    /** The order of a cut band's Butterworth filter. */
    int order(int band) {
        return orders[band];
    }
}
