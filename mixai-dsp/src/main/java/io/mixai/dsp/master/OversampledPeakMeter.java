package io.mixai.dsp.master;

import io.mixai.dsp.spectral.KaiserWindow;

/**
 * A stricter true-peak check than the BS.1770-4 meter's 4x interpolation: 16x oversampling with
 * a 64-tap Kaiser-windowed sinc per phase (beta 9), each phase normalised to unit DC gain. To
 * stay cheap it interpolates only around samples within {@value #GATE_DB} dB of the largest
 * true peak found so far or of the ceiling given: a band-limited signal's inter-sample peak
 * exceeds its neighbouring samples by more than that only for content right at Nyquist.
 * Streaming, block-size independent, allocation-free after construction.
 */
final class OversampledPeakMeter {

    static final int FACTOR = 16;
    private static final int TAPS = 64;
    private static final int HALF = TAPS / 2;
    private static final double BETA = 9.0;
    private static final double GATE_DB = 6.0;
    private static final double[][] PHASES = design();

    private final double[][] history;
    private final double gateLinear;
    private long written;
    private double peak;

    /**
     * @param channels channel count
     * @param interestLinear level (linear) from which on peaks matter (e.g. the ceiling); samples
     *                       more than {@value #GATE_DB} dB below both it and the peak so far are skipped
     */
    OversampledPeakMeter(int channels, double interestLinear) {
        this.history = new double[channels][2 * TAPS];
        this.gateLinear = interestLinear * Math.pow(10, -GATE_DB / 20);
    }

    private static double[][] design() {
        double[][] phases = new double[FACTOR][TAPS];
        for (int p = 0; p < FACTOR; p++) {
            double frac = p / (double) FACTOR;
            double sum = 0;
            for (int k = 0; k < TAPS; k++) {
                double t = k - (HALF - 1) - frac; // time of tap k relative to the interpolated point
                double x = Math.PI * t;
                double sinc = Math.abs(t) < 1e-12 ? 1.0 : Math.sin(x) / x;
                double r = t / (HALF + 0.5);
                double w = Math.abs(r) >= 1 ? 0 : KaiserWindow.at(r, BETA);
                phases[p][k] = sinc * w;
                sum += phases[p][k];
            }
            for (int k = 0; k < TAPS; k++) {
                phases[p][k] /= sum;
            }
        }
        return phases;
    }

    /** Measures {@code frames} frames of planar audio from {@code offset}. */
    void process(float[][] block, int offset, int frames) {
        int channels = history.length;
        for (int i = 0; i < frames; i++) {
            int slot = (int) (written % TAPS);
            for (int c = 0; c < channels; c++) {
                double x = block[c][offset + i];
                history[c][slot] = x;
                history[c][slot + TAPS] = x;
            }
            written++;
            if (written < TAPS) {
                continue;
            }
            // The window holds samples written-TAPS .. written-1; interpolate between its two middle samples.
            int start = (int) (written % TAPS);
            for (int c = 0; c < channels; c++) {
                double[] h = history[c];
                double centre = Math.max(Math.abs(h[start + HALF - 1]), Math.abs(h[start + HALF]));
                peak = Math.max(peak, centre);
                if (centre < gateLinear && centre < peak * 0.5) {
                    continue;
                }
                for (int p = 1; p < FACTOR; p++) {
                    double[] taps = PHASES[p];
                    double acc = 0;
                    for (int k = 0; k < TAPS; k++) {
                        acc += taps[k] * h[start + k];
                    }
                    peak = Math.max(peak, Math.abs(acc));
                }
            }
        }
    }

    /** Feeds zeros so the last samples' neighbourhoods are interpolated too. */
    void finish() {
        float[][] zeros = new float[history.length][HALF];
        process(zeros, 0, HALF);
    }

    /** The largest interpolated magnitude, in dBTP (NaN for silence). */
    double peakDbtp() {
        return peak > 0 ? 20 * Math.log10(peak) : Double.NaN;
    }
}
