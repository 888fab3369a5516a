package io.mixai.dsp.filter;

import java.util.Arrays;

/**
 * The coefficients of one second-order section at one sample rate: an immutable value that can
 * report its own magnitude response (for tests, plots and linear-phase design).
 *
 * <p>The designs are those of the RBJ Audio EQ Cookbook (bilinear transform pre-warped at the
 * section frequency). They are stored in the parameterisation of a topology-preserving-transform
 * state-variable filter ({@code g = tan(pi f0/fs)}, damping {@code k} and the output mix
 * {@code m0, m1, m2}; Zavalishin, "The Art of VA Filter Design"), which realises exactly the
 * cookbook response but stays numerically accurate at low frequencies and high Q, where direct
 * form biquad coefficients crowd against 1.
 *
 * <p>Design frequencies above 0.49 × the sample rate are clamped to it.
 */
public final class BiquadCoefficients {

    private final double sampleRate;
    private final double[] c; // one SvfDesign section, never exposed

    private BiquadCoefficients(double sampleRate, int kind, double freqHz, double q, double gainDb) {
        checkPositive("sampleRate", sampleRate);
        checkPositive("freqHz", freqHz);
        checkPositive("q", q);
        if (!Double.isFinite(gainDb)) {
            throw new IllegalArgumentException("gainDb must be finite, got " + gainDb);
        }
        this.sampleRate = sampleRate;
        this.c = new double[SvfDesign.STRIDE];
        SvfDesign.design(kind, sampleRate, freqHz, q, gainDb, c, 0);
    }

    private static void checkPositive(String name, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be positive and finite, got " + value);
        }
    }

    /** A section that passes the signal unchanged. */
    public static BiquadCoefficients identity(double sampleRate) {
        return new BiquadCoefficients(sampleRate, SvfDesign.IDENTITY, 1, 1, 0);
    }

    /** Cookbook LPF: {@code H(s) = 1 / (s² + s/Q + 1)}. */
    public static BiquadCoefficients lowPass(double sampleRate, double freqHz, double q) {
        return new BiquadCoefficients(sampleRate, SvfDesign.LOW_PASS, freqHz, q, 0);
    }

    /** Cookbook HPF: {@code H(s) = s² / (s² + s/Q + 1)}. */
    public static BiquadCoefficients highPass(double sampleRate, double freqHz, double q) {
        return new BiquadCoefficients(sampleRate, SvfDesign.HIGH_PASS, freqHz, q, 0);
    }

    /** Cookbook peakingEQ: {@code H(s) = (s² + s A/Q + 1) / (s² + s/(A Q) + 1)}, {@code A = 10^(gain/40)}. */
    public static BiquadCoefficients peak(double sampleRate, double freqHz, double q, double gainDb) {
        return new BiquadCoefficients(sampleRate, SvfDesign.PEAK, freqHz, q, gainDb);
    }

    /** Cookbook lowShelf: {@code H(s) = A (s² + s √A/Q + A) / (A s² + s √A/Q + 1)}. */
    public static BiquadCoefficients lowShelf(double sampleRate, double freqHz, double q, double gainDb) {
        return new BiquadCoefficients(sampleRate, SvfDesign.LOW_SHELF, freqHz, q, gainDb);
    }

    /** Cookbook highShelf: {@code H(s) = A (A s² + s √A/Q + 1) / (s² + s √A/Q + A)}. */
    public static BiquadCoefficients highShelf(double sampleRate, double freqHz, double q, double gainDb) {
        return new BiquadCoefficients(sampleRate, SvfDesign.HIGH_SHELF, freqHz, q, gainDb);
    }

    public double sampleRate() {
        return sampleRate;
    }

    /** The linear magnitude response at {@code freqHz} (0 to sampleRate/2). */
    public double magnitude(double freqHz) {
        if (!(freqHz >= 0) || freqHz > sampleRate / 2) {
            throw new IllegalArgumentException("frequency " + freqHz + " Hz is outside 0.." + sampleRate / 2);
        }
        double warped = freqHz == sampleRate / 2 ? Double.POSITIVE_INFINITY : Math.tan(Math.PI * freqHz / sampleRate);
        return SvfDesign.magnitude(c, 0, warped);
    }

    /** The magnitude response at {@code freqHz} in dB. */
    public double magnitudeDb(double freqHz) {
        return 20 * Math.log10(magnitude(freqHz));
    }

    /** Copies this section into slot {@code offset} of an {@link SvfDesign} coefficient array. */
    void copyTo(double[] target, int offset) {
        System.arraycopy(c, 0, target, offset, SvfDesign.STRIDE);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BiquadCoefficients other && sampleRate == other.sampleRate && Arrays.equals(c, other.c);
    }

    @Override
    public int hashCode() {
        return 31 * Double.hashCode(sampleRate) + Arrays.hashCode(c);
    }

    @Override
    public String toString() {
        return String.format("BiquadCoefficients[fs=%s, g=%s, k=%s, m0=%s, m1=%s, m2=%s]", sampleRate,
                c[SvfDesign.G], c[SvfDesign.K], c[SvfDesign.M0], c[SvfDesign.M1], c[SvfDesign.M2]);
    }
}
