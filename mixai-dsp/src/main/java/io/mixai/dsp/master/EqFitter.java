package io.mixai.dsp.master;

import io.mixai.chain.EffectSpec;
import io.mixai.dsp.filter.BiquadCoefficients;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Fits the {@code eq} effect's eight bands to a desired response curve: a low shelf, six
 * peaking bells and a high shelf at fixed, musically spaced frequencies (gentle Qs, as mastering
 * EQ uses), whose gains are found by regularised Gauss-Newton least squares on the dB response
 * (the bands' dB responses add). The responses are the RBJ cookbook ones
 * ({@link BiquadCoefficients}), which the {@code eq} effect's filters match.
 */
final class EqFitter {

    enum Kind { LOW_SHELF, PEAK, HIGH_SHELF }

    record Band(Kind kind, double freqHz, double q) {
    }

    /** The band layout: shelves at 80 Hz and 10 kHz, bells about 1.2 octaves apart in between. */
    static final Band[] BANDS = {
        new Band(Kind.LOW_SHELF, 80, 0.6),
        new Band(Kind.PEAK, 160, 0.9),
        new Band(Kind.PEAK, 350, 0.9),
        new Band(Kind.PEAK, 800, 0.9),
        new Band(Kind.PEAK, 1800, 0.9),
        new Band(Kind.PEAK, 4000, 0.9),
        new Band(Kind.PEAK, 7500, 1.0),
        new Band(Kind.HIGH_SHELF, 12000, 0.6),
    };
    /** Largest gain any band may take, dB. */
    static final double MAX_BAND_GAIN_DB = 12;
    /** Ridge weight: keeps neighbouring bands from fighting each other with large opposite gains. */
    private static final double RIDGE = 0.02;
    private static final int ITERATIONS = 8;
    /** Bands whose fitted gain is smaller than this are switched off (they would do nothing audible). */
    private static final double OFF_BELOW_DB = 0.05;

    private EqFitter() {
    }

    /**
     * Gains (dB) per band that best give {@code desiredDb} at {@code freqs} with the given weights.
     */
    static double[] fit(double[] freqs, double[] desiredDb, double[] weights, double sampleRate) {
        int nb = BANDS.length;
        int nf = freqs.length;
        double[] gains = new double[nb];
        for (int iteration = 0; iteration < ITERATIONS; iteration++) {
            double[] model = response(gains, freqs, sampleRate);
            double[][] jac = new double[nf][nb];
            for (int b = 0; b < nb; b++) {
                double step = 0.1;
                double[] moved = gains.clone();
                moved[b] += step;
                for (int f = 0; f < nf; f++) {
                    jac[f][b] = (bandDb(b, moved[b], freqs[f], sampleRate) - bandDb(b, gains[b], freqs[f], sampleRate)) / step;
                }
            }
            // Normal equations (J^T W J + ridge I) delta = J^T W r - ridge g
            double[][] a = new double[nb][nb + 1];
            for (int i = 0; i < nb; i++) {
                for (int j = 0; j < nb; j++) {
                    double s = 0;
                    for (int f = 0; f < nf; f++) {
                        s += weights[f] * jac[f][i] * jac[f][j];
                    }
                    a[i][j] = s + (i == j ? RIDGE : 0);
                }
                double rhs = 0;
                for (int f = 0; f < nf; f++) {
                    rhs += weights[f] * jac[f][i] * (desiredDb[f] - model[f]);
                }
                a[i][nb] = rhs - RIDGE * gains[i];
            }
            double[] delta = solve(a);
            for (int b = 0; b < nb; b++) {
                gains[b] = Math.max(-MAX_BAND_GAIN_DB, Math.min(MAX_BAND_GAIN_DB, gains[b] + delta[b]));
            }
        }
        return gains;
    }

    /** The summed dB response of the bands at the given gains. */
    static double[] response(double[] gains, double[] freqs, double sampleRate) {
        double[] r = new double[freqs.length];
        for (int b = 0; b < BANDS.length; b++) {
            for (int f = 0; f < freqs.length; f++) {
                r[f] += bandDb(b, gains[b], freqs[f], sampleRate);
            }
        }
        return r;
    }

    private static double bandDb(int b, double gainDb, double freq, double sampleRate) {
        if (gainDb == 0) {
            return 0;
        }
        return coefficients(BANDS[b], gainDb, sampleRate).magnitudeDb(freq);
    }

    static BiquadCoefficients coefficients(Band band, double gainDb, double sampleRate) {
        double f = Math.min(band.freqHz(), 0.49 * sampleRate); // the eq effect clamps the same way
        return switch (band.kind()) {
            case LOW_SHELF -> BiquadCoefficients.lowShelf(sampleRate, f, band.q(), gainDb);
            case PEAK -> BiquadCoefficients.peak(sampleRate, f, band.q(), gainDb);
            case HIGH_SHELF -> BiquadCoefficients.highShelf(sampleRate, f, band.q(), gainDb);
        };
    }

    /** The {@code eq} spec for fitted gains (gains rounded to 0.01 dB; tiny ones off). */
    static EffectSpec spec(double[] gains) {
        Map<String, Object> p = new LinkedHashMap<>();
        for (int b = 0; b < BANDS.length; b++) {
            String prefix = "band" + (b + 1) + "_";
            double g = Math.rint(gains[b] * 100) / 100;
            boolean on = Math.abs(g) >= OFF_BELOW_DB;
            p.put(prefix + "type", on ? switch (BANDS[b].kind()) {
                case LOW_SHELF -> "low_shelf";
                case PEAK -> "peak";
                case HIGH_SHELF -> "high_shelf";
            } : "off");
            p.put(prefix + "freq_hz", BANDS[b].freqHz());
            p.put(prefix + "gain_db", on ? g : 0.0);
            p.put(prefix + "q", BANDS[b].q());
        }
        return new EffectSpec("eq", p);
    }

    /** Gaussian elimination with partial pivoting on an augmented n x (n+1) matrix. */
    private static double[] solve(double[][] a) {
        int n = a.length;
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) {
                    pivot = r;
                }
            }
            double[] tmp = a[col];
            a[col] = a[pivot];
            a[pivot] = tmp;
            double d = a[col][col];
            if (Math.abs(d) < 1e-12) {
                continue;
            }
            for (int r = 0; r < n; r++) {
                if (r == col) {
                    continue;
                }
                double factor = a[r][col] / d;
                for (int k = col; k <= n; k++) {
                    a[r][k] -= factor * a[col][k];
                }
            }
        }
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = Math.abs(a[i][i]) < 1e-12 ? 0 : a[i][n] / a[i][i];
        }
        return x;
    }
}
