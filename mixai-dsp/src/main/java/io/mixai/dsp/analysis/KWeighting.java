package io.mixai.dsp.analysis;

import io.mixai.param.InvalidParameterException;

/**
 * The K-weighting of ITU-R BS.1770-4: a high-shelf "pre-filter" (+4 dB above about 2 kHz, the
 * acoustic effect of the head) followed by the "RLB" high-pass (revised low-frequency B
 * weighting). BS.1770 publishes the two biquads for 48 kHz only; here they are designed for any
 * sample rate from their analog prototypes with the bilinear transform, pre-warped at the
 * corner frequency, using the prototype parameters fitted by libebur128 (so that 48 kHz
 * reproduces the published coefficients).
 *
 * <p>Prototypes (s normalised to the corner frequency ω0):
 * <ul>
 *   <li>shelf: {@code H(s) = (Vh s² + Vb s/Q + 1) / (s² + s/Q + 1)}, with
 *       {@code Vh = 10^(G/20)} and {@code Vb = Vh^0.4996667741545416};</li>
 *   <li>high-pass: {@code H(s) = s² / (s² + s/Q + 1)}.</li>
 * </ul>
 * Substituting {@code s = (1 - z⁻¹) / (K (1 + z⁻¹))}, {@code K = tan(π f0 / fs)}, gives the
 * digital coefficients below.
 */
public final class KWeighting {

    /** Shelf corner frequency in Hz. */
    public static final double SHELF_F0 = 1681.974450955533;
    /** Shelf gain at high frequencies in dB. */
    public static final double SHELF_GAIN_DB = 3.999843853973347;
    /** Shelf quality factor. */
    public static final double SHELF_Q = 0.7071752369554196;
    /** Exponent relating the shelf's mid-band gain {@code Vb} to its high-band gain {@code Vh}. */
    public static final double SHELF_VB_EXPONENT = 0.4996667741545416;
    /** High-pass corner frequency in Hz. */
    public static final double HIGH_PASS_F0 = 38.13547087602444;
    /** High-pass quality factor. */
    public static final double HIGH_PASS_Q = 0.5003270373238773;

    /** The lowest supported sample rate: the shelf corner must lie well below Nyquist. */
    public static final int MIN_SAMPLE_RATE = 8000;

    /**
     * One second-order section {@code y = b0 x + b1 x[-1] + b2 x[-2] - a1 y[-1] - a2 y[-2]}
     * (a0 normalised to 1).
     */
    public record Biquad(double b0, double b1, double b2, double a1, double a2) {

        /** Magnitude of the frequency response at {@code frequency} Hz for this sample rate. */
        public double magnitude(double frequency, int sampleRate) {
            double w = 2 * Math.PI * frequency / sampleRate;
            double c1 = Math.cos(w);
            double s1 = Math.sin(w);
            double c2 = Math.cos(2 * w);
            double s2 = Math.sin(2 * w);
            double numRe = b0 + b1 * c1 + b2 * c2;
            double numIm = -b1 * s1 - b2 * s2;
            double denRe = 1 + a1 * c1 + a2 * c2;
            double denIm = -a1 * s1 - a2 * s2;
            return Math.sqrt((numRe * numRe + numIm * numIm) / (denRe * denRe + denIm * denIm));
        }
    }

    private KWeighting() {
    }

    /** The high-shelf pre-filter (BS.1770-4 stage 1) for {@code sampleRate}. */
    public static Biquad preFilter(int sampleRate) {
        checkSampleRate(sampleRate);
        double k = Math.tan(Math.PI * SHELF_F0 / sampleRate);
        double vh = Math.pow(10.0, SHELF_GAIN_DB / 20.0);
        double vb = Math.pow(vh, SHELF_VB_EXPONENT);
        double kq = k / SHELF_Q;
        double a0 = 1.0 + kq + k * k;
        return new Biquad(
                (vh + vb * kq + k * k) / a0,
                2.0 * (k * k - vh) / a0,
                (vh - vb * kq + k * k) / a0,
                2.0 * (k * k - 1.0) / a0,
                (1.0 - kq + k * k) / a0);
    }

    /**
     * The RLB high-pass (BS.1770-4 stage 2) for {@code sampleRate}. BS.1770 prints the 48 kHz
     * numerator as {1, −2, 1} without dividing by the bilinear transform's {@code a0}, which
     * leaves the published filter a pass-band gain of {@link #highPassGain()} (+0.043 dB) that
     * the −0.691 dB loudness offset was calibrated with. To keep the same curve at every rate
     * the numerator here is {1, −2, 1} × a0(fs) / a0(48 kHz): exactly {1, −2, 1} at 48 kHz, and the
     * same pass-band gain elsewhere (libebur128 leaves it at {1, −2, 1}, so its gain drifts with
     * the rate, by 0.004 dB at 44.1 kHz and 0.2 dB at 8 kHz).
     */
    public static Biquad highPass(int sampleRate) {
        checkSampleRate(sampleRate);
        double a0 = highPassA0(sampleRate);
        double k = Math.tan(Math.PI * HIGH_PASS_F0 / sampleRate);
        double kq = k / HIGH_PASS_Q;
        double g = highPassA0(REFERENCE_RATE) / a0;
        return new Biquad(g, -2.0 * g, g, 2.0 * (k * k - 1.0) / a0, (1.0 - kq + k * k) / a0);
    }

    /** The rate BS.1770-4 publishes coefficients for. */
    static final int REFERENCE_RATE = 48_000;

    private static double highPassA0(int sampleRate) {
        double k = Math.tan(Math.PI * HIGH_PASS_F0 / sampleRate);
        return 1.0 + k / HIGH_PASS_Q + k * k;
    }

    /** Pass-band gain of the published high-pass over its analog prototype (a0 at 48 kHz, about 1.005). */
    public static double highPassGain() {
        return highPassA0(REFERENCE_RATE);
    }

    /**
     * Magnitude of the analog prototype cascade (with the published filter's pass-band gain) at
     * the pre-warped frequency the bilinear transform maps {@code frequency} to: what the
     * digital cascade must equal exactly.
     */
    public static double prototypeMagnitude(double frequency, int sampleRate) {
        double shelfW = Math.tan(Math.PI * frequency / sampleRate) / Math.tan(Math.PI * SHELF_F0 / sampleRate);
        double hpW = Math.tan(Math.PI * frequency / sampleRate) / Math.tan(Math.PI * HIGH_PASS_F0 / sampleRate);
        return analogShelf(shelfW) * analogHighPass(hpW) * highPassGain();
    }

    /** Magnitude of the analog prototype cascade (with the published pass-band gain) at {@code frequency} Hz, without warping. */
    public static double analogMagnitude(double frequency) {
        return analogShelf(frequency / SHELF_F0) * analogHighPass(frequency / HIGH_PASS_F0) * highPassGain();
    }

    /** |H(jw)| of the shelf prototype, w normalised to the corner frequency. */
    static double analogShelf(double w) {
        double vh = Math.pow(10.0, SHELF_GAIN_DB / 20.0);
        double vb = Math.pow(vh, SHELF_VB_EXPONENT);
        double numRe = 1 - vh * w * w;
        double numIm = vb * w / SHELF_Q;
        double denRe = 1 - w * w;
        double denIm = w / SHELF_Q;
        return Math.sqrt((numRe * numRe + numIm * numIm) / (denRe * denRe + denIm * denIm));
    }

    /** |H(jw)| of the high-pass prototype, w normalised to the corner frequency. */
    static double analogHighPass(double w) {
        double denRe = 1 - w * w;
        double denIm = w / HIGH_PASS_Q;
        return w * w / Math.sqrt(denRe * denRe + denIm * denIm);
    }

    static void checkSampleRate(int sampleRate) {
        if (sampleRate < MIN_SAMPLE_RATE) {
            throw new InvalidParameterException("loudness", "sampleRate",
                    "K-weighting needs a sample rate of at least " + MIN_SAMPLE_RATE + " Hz, got " + sampleRate);
        }
    }
}
