package io.mixai.audio.resample;

/**
 * Measurements on test signals, written for these tests because mixai-core cannot use the FFT
 * in mixai-dsp: a least-squares sine fit at a known frequency, which gives a tone's amplitude
 * and phase, and the residual left after removing it (everything that is not the tone:
 * aliases, images, distortion, noise).
 */
final class SignalMeasure {

    private SignalMeasure() {
    }

    /** A fitted tone {@code s·sin(ωn) + c·cos(ωn)} and what the fit left over. */
    record ToneFit(double sinCoefficient, double cosCoefficient, double residualRms) {

        double amplitude() {
            return Math.hypot(sinCoefficient, cosCoefficient);
        }

        /** Phase relative to a sine that starts at time 0: atan2(cos, sin) in radians. */
        double phase() {
            return Math.atan2(cosCoefficient, sinCoefficient);
        }

        /** Amplitude of a sine with the residual's RMS (√2·RMS). */
        double residualLevel() {
            return Math.sqrt(2.0) * residualRms;
        }
    }

    /**
     * Fits {@code s·sin(2πf·n/rate) + c·cos(2πf·n/rate)} to {@code y[from .. to-1]} by least
     * squares, with {@code n} the absolute sample index (so the phase refers to time 0).
     */
    static ToneFit fitTone(float[] y, int from, int to, double frequency, int rate) {
        double w = 2.0 * Math.PI * frequency / rate;
        double ss = 0;
        double sc = 0;
        double cc = 0;
        double ys = 0;
        double yc = 0;
        for (int n = from; n < to; n++) {
            double s = Math.sin(w * n);
            double c = Math.cos(w * n);
            ss += s * s;
            sc += s * c;
            cc += c * c;
            ys += y[n] * s;
            yc += y[n] * c;
        }
        double det = ss * cc - sc * sc;
        double a = (ys * cc - yc * sc) / det;
        double b = (yc * ss - ys * sc) / det;
        double sum = 0;
        for (int n = from; n < to; n++) {
            double r = y[n] - (a * Math.sin(w * n) + b * Math.cos(w * n));
            sum += r * r;
        }
        return new ToneFit(a, b, Math.sqrt(sum / (to - from)));
    }

    /** Amplitude of a sine with the RMS of {@code y[from .. to-1]}. */
    static double level(float[] y, int from, int to) {
        double sum = 0;
        for (int n = from; n < to; n++) {
            sum += (double) y[n] * y[n];
        }
        return Math.sqrt(2.0 * sum / (to - from));
    }

    static double db(double ratio) {
        return 20.0 * Math.log10(ratio);
    }

    /** {@code seconds} of {@code amplitude·sin(2πf·k/rate + phase)}, generated in double. */
    static float[] tone(double frequency, double amplitude, int rate, double seconds) {
        int n = (int) Math.round(seconds * rate);
        float[] x = new float[n];
        double w = 2.0 * Math.PI * frequency / rate;
        for (int k = 0; k < n; k++) {
            x[k] = (float) (amplitude * Math.sin(w * k));
        }
        return x;
    }
}
