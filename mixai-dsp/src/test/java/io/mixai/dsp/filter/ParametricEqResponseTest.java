package io.mixai.dsp.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixai.audio.AudioBlock;
import io.mixai.dsp.spectral.RealFft;
import io.mixai.param.ParameterSet;
import io.mixai.process.ProcessSpec;
import io.mixai.spi.Effect;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Measures the EQ's magnitude response from its impulse response (processed through the effect,
 * transformed with a DFT) and compares it with the closed-form analog prototypes of the RBJ
 * cookbook and of the Butterworth filter, mapped by the bilinear transform
 * ({@code Omega = tan(pi f/fs) / tan(pi f0/fs)}). Nothing here uses the effect's own
 * coefficients.
 */
class ParametricEqResponseTest {

    /** Worst error seen by any test in this class, for the report. */
    static double worstErrorDb;

    static final double TOLERANCE_DB = 0.1;
    /** Below this the float output's rounding noise (about -120 dB) would distort the comparison. */
    static final double FLOOR_DB = -60;

    // ---- closed-form targets (RBJ Audio EQ Cookbook analog prototypes, Butterworth) ----

    static double omega(double f, double f0, double fs) {
        return Math.tan(Math.PI * f / fs) / Math.tan(Math.PI * Math.min(f0, 0.49 * fs) / fs);
    }

    static double peakDb(double f, double fs, double f0, double q, double gainDb) {
        double a = Math.pow(10, gainDb / 40);
        double w = omega(f, f0, fs);
        double re = 1 - w * w;
        double num = re * re + Math.pow(w * a / q, 2);
        double den = re * re + Math.pow(w / (a * q), 2);
        return 10 * Math.log10(num / den);
    }

    static double lowShelfDb(double f, double fs, double f0, double q, double gainDb) {
        // H(s) = A (s² + s √A/Q + A) / (A s² + s √A/Q + 1)
        double a = Math.pow(10, gainDb / 40);
        double w = omega(f, f0, fs);
        double num = Math.pow(a - w * w, 2) + a * w * w / (q * q);
        double den = Math.pow(1 - a * w * w, 2) + a * w * w / (q * q);
        return 20 * Math.log10(a) + 10 * Math.log10(num / den);
    }

    static double highShelfDb(double f, double fs, double f0, double q, double gainDb) {
        // H(s) = A (A s² + s √A/Q + 1) / (s² + s √A/Q + A)
        double a = Math.pow(10, gainDb / 40);
        double w = omega(f, f0, fs);
        double num = Math.pow(1 - a * w * w, 2) + a * w * w / (q * q);
        double den = Math.pow(a - w * w, 2) + a * w * w / (q * q);
        return 20 * Math.log10(a) + 10 * Math.log10(num / den);
    }

    static double butterworthLowPassDb(double f, double fs, double fc, int order) {
        return -10 * Math.log10(1 + Math.pow(omega(f, fc, fs), 2 * order));
    }

    static double butterworthHighPassDb(double f, double fs, double fc, int order) {
        return -10 * Math.log10(1 + Math.pow(omega(f, fc, fs), -2 * order));
    }

    // ---- measurement ----

    static Effect eq(int sampleRate, Map<String, ? extends Number> values, int maxBlock) {
        ParametricEqProvider provider = new ParametricEqProvider();
        Effect effect = provider.create(ParameterSet.of("eq", provider.parameters(), values));
        effect.prepare(new ProcessSpec(sampleRate, maxBlock, 1));
        return effect;
    }

    /** The effect's response to a unit impulse, {@code length} samples, in blocks of 4096. */
    static float[] impulseResponse(Effect effect, int length) {
        float[] x = new float[length];
        x[0] = 1;
        AudioBlock block = AudioBlock.ofMono(x);
        for (int start = 0; start < length; start += 4096) {
            effect.process(block.moveTo(start, Math.min(4096, length - start)));
        }
        return x;
    }

    /** |DFT| of {@code ir} in dB, bins 0..n/2. */
    static double[] spectrumDb(float[] ir) {
        int n = ir.length;
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = ir[i];
        }
        double[] spectrum = new double[n + 2];
        RealFft.create(n).forward(x, 0, spectrum);
        double[] db = new double[n / 2 + 1];
        for (int k = 0; k <= n / 2; k++) {
            db[k] = 10 * Math.log10(spectrum[2 * k] * spectrum[2 * k] + spectrum[2 * k + 1] * spectrum[2 * k + 1]);
        }
        return db;
    }

    /**
     * Compares the measured response with {@code target} at the DFT bins nearest to the given
     * frequencies (the target is evaluated at the exact bin frequency); returns how many were
     * compared (those above {@link #FLOOR_DB}) and the worst error.
     */
    static Comparison compare(double[] measuredDb, int sampleRate, double[] frequencies, DoubleUnaryOperator target,
            double minHz, double toleranceDb, String what) {
        int n = 2 * (measuredDb.length - 1);
        int compared = 0;
        double worst = 0;
        for (double f : frequencies) {
            int bin = (int) Math.round(f * n / sampleRate);
            double binHz = bin * (double) sampleRate / n;
            if (binHz < minHz || bin > n / 2) {
                continue;
            }
            double expected = target.applyAsDouble(binHz);
            if (expected < FLOOR_DB) {
                continue;
            }
            assertEquals(expected, measuredDb[bin], toleranceDb, what + " at " + binHz + " Hz");
            worst = Math.max(worst, Math.abs(measuredDb[bin] - expected));
            compared++;
        }
        return new Comparison(compared, worst);
    }

    record Comparison(int count, double worstDb) {
    }

    /** Checks a comparison and keeps the worst error for the report. */
    static void expectAtLeast(int count, Comparison c) {
        worstErrorDb = Math.max(worstErrorDb, c.worstDb());
        assertTrue(c.count() >= count, "only " + c.count() + " frequencies compared (above " + FLOOR_DB + " dB)");
    }

    static double[] logSpaced(double from, double to, int count) {
        double[] f = new double[count];
        for (int i = 0; i < count; i++) {
            f[i] = from * Math.pow(to / from, i / (count - 1.0));
        }
        return f;
    }

    // ---- cases ----

    record Band(String type, double freq, double gain, double q, int slope) {
        Map<String, Number> values(int index) {
            Map<String, Number> v = new LinkedHashMap<>();
            String p = "band" + index + "_";
            v.put(p + "type", EqBandType.CHOICES.indexOf(type));
            v.put(p + "freq_hz", freq);
            v.put(p + "gain_db", gain);
            v.put(p + "q", q);
            v.put(p + "slope_db_oct", slope);
            return v;
        }

        double targetDb(double f, double fs) {
            switch (type) {
                case "peak":
                    return peakDb(f, fs, freq, q, gain);
                case "low_shelf":
                    return lowShelfDb(f, fs, freq, q, gain);
                case "high_shelf":
                    return highShelfDb(f, fs, freq, q, gain);
                case "low_cut":
                    return butterworthHighPassDb(f, fs, freq, slope / 6);
                case "high_cut":
                    return butterworthLowPassDb(f, fs, freq, slope / 6);
                default:
                    return 0;
            }
        }

        @Override
        public String toString() {
            return type + " " + freq + " Hz " + gain + " dB Q " + q + " " + slope + " dB/oct";
        }
    }

    static Stream<Arguments> singleBands() {
        List<Band> bands = List.of(
                new Band("peak", 1000, 6, 0.707, 12),
                new Band("peak", 100, -12, 4, 12),
                new Band("peak", 8000, 18, 10, 12),
                new Band("peak", 15000, -24, 0.3, 12),
                new Band("low_shelf", 200, 9, 0.707, 12),
                new Band("low_shelf", 60, -12, 2, 12),
                new Band("high_shelf", 5000, -6, 0.707, 12),
                new Band("high_shelf", 12000, 12, 1.5, 12),
                new Band("low_cut", 80, 0, 0.707, 12),
                new Band("low_cut", 80, 0, 0.707, 24),
                new Band("low_cut", 120, 0, 0.707, 36),
                new Band("low_cut", 40, 0, 0.707, 48),
                new Band("high_cut", 10000, 0, 0.707, 12),
                new Band("high_cut", 3000, 0, 0.707, 24),
                new Band("high_cut", 16000, 0, 0.707, 36),
                new Band("high_cut", 1000, 0, 0.707, 48),
                new Band("high_cut", 24000, 0, 0.707, 24)); // clamped to 0.49 fs
        List<Arguments> args = new ArrayList<>();
        for (int fs : new int[] {44100, 48000, 96000}) {
            for (Band b : bands) {
                args.add(Arguments.of(fs, b));
            }
        }
        return args.stream();
    }

    @ParameterizedTest(name = "{0} Hz: {1}")
    @MethodSource("singleBands")
    void everyBandTypeMatchesItsClosedFormResponse(int sampleRate, Band band) {
        // The band sits in slot 3 to show that slots are independent of their index.
        Effect effect = eq(sampleRate, band.values(3), 4096);
        double[] measured = spectrumDb(impulseResponse(effect, 65536));
        double[] frequencies = logSpaced(20, 0.45 * sampleRate, 48);
        expectAtLeast(20, compare(measured, sampleRate, frequencies, f -> band.targetDb(f, sampleRate), 0,
                TOLERANCE_DB, band.toString()));
    }

    @Test
    void highQBellAt20HzAt96kHzIsAccurate() {
        // Q 40 at 20 Hz / 96 kHz puts the poles 1.6e-5 from z = 1. The boost's poles have
        // Q·A = 57 and ring for seconds, so the impulse response is 2^21 samples (22 s).
        int fs = 96000;
        for (double gain : new double[] {6, -12}) {
            Band band = new Band("peak", 20, gain, 40, 12);
            Effect effect = eq(fs, band.values(1), 4096);
            double[] measured = spectrumDb(impulseResponse(effect, 1 << 21));
            double bandwidth = 20 / 40.0;
            List<Double> f = new ArrayList<>();
            for (double x : logSpaced(10, 40000, 24)) {
                f.add(x);
            }
            for (double d = -3; d <= 3; d += 0.25) {
                f.add(20 + d * bandwidth); // dense around the resonance
            }
            double[] frequencies = f.stream().mapToDouble(Double::doubleValue).toArray();
            expectAtLeast(40, compare(measured, fs, frequencies, x -> band.targetDb(x, fs), 0, TOLERANCE_DB,
                    band.toString()));
            // The gain at the centre is the full setting.
            int centre = (int) Math.round(20.0 * (1 << 21) / fs);
            assertEquals(gain, measured[centre], 0.1);
        }
    }

    @Test
    void eightBandsInSeriesSumTheirResponses() {
        List<Band> bands = List.of(
                new Band("low_cut", 30, 0, 0.707, 24),
                new Band("low_shelf", 120, 4, 0.707, 12),
                new Band("peak", 300, -3, 1.4, 12),
                new Band("peak", 900, 2.5, 2, 12),
                new Band("peak", 2500, -5, 6, 12),
                new Band("peak", 6000, 3, 0.5, 12),
                new Band("high_shelf", 10000, 2, 0.707, 12),
                new Band("high_cut", 18000, 0, 0.707, 12));
        Map<String, Number> values = new LinkedHashMap<>();
        for (int i = 0; i < bands.size(); i++) {
            values.putAll(bands.get(i).values(i + 1));
        }
        for (int fs : new int[] {44100, 48000, 96000}) {
            Effect effect = eq(fs, values, 4096);
            double[] measured = spectrumDb(impulseResponse(effect, 65536));
            DoubleUnaryOperator target = f -> bands.stream().mapToDouble(b -> b.targetDb(f, fs)).sum();
            expectAtLeast(50, compare(measured, fs, logSpaced(20, 0.45 * fs, 60), target, 0, TOLERANCE_DB, "8 bands"));
        }
    }

    @Test
    void biquadCoefficientsReportTheCookbookResponse() {
        double fs = 48000;
        BiquadCoefficients peak = BiquadCoefficients.peak(fs, 1500, 3, -9);
        BiquadCoefficients shelf = BiquadCoefficients.highShelf(fs, 4000, 0.8, 7);
        for (double f : logSpaced(20, 23000, 30)) {
            assertEquals(peakDb(f, fs, 1500, 3, -9), peak.magnitudeDb(f), 1e-9);
            assertEquals(highShelfDb(f, fs, 4000, 0.8, 7), shelf.magnitudeDb(f), 1e-9);
        }
        List<BiquadCoefficients> cut = ButterworthCascade.highPass(fs, 100, 8);
        for (double f : logSpaced(20, 23000, 30)) {
            double db = cut.stream().mapToDouble(c -> c.magnitudeDb(f)).sum();
            assertEquals(butterworthHighPassDb(f, fs, 100, 8), db, 1e-6);
        }
    }

    @org.junit.jupiter.api.AfterAll
    static void report() {
        System.out.printf("EQ minimum-phase worst magnitude error: %.2e dB%n", worstErrorDb);
    }
}
