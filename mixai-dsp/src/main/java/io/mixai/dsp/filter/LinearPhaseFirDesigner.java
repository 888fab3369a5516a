package io.mixai.dsp.filter;

import io.mixai.dsp.spectral.RealFft;

/**
 * Designs an odd-length, symmetric (type I, linear-phase) FIR whose magnitude follows an
 * {@link SvfCascade}'s, by frequency sampling and windowing: the cascade's magnitude is sampled
 * on a dense grid with zero phase, inverse-transformed to a zero-phase impulse response, cut to
 * {@code 2·half + 1} taps around time zero under a Blackman window and delayed by {@code half}.
 *
 * <p>The window trades resolution for ripple: it smears the target over about ±3·fs/N, so
 * features narrower than a few times fs/N (a high-Q bell at 30 Hz) are not reproduced, while the
 * −58 dB side lobes keep ripple small elsewhere. The length is 8193 taps at 48 kHz, scaled with
 * the sample rate so the resolution in hertz stays the same.
 *
 * <p>Everything is allocated in the constructor; {@link #design} allocates nothing. One
 * instance serves one thread at a time (it keeps scratch arrays).
 */
final class LinearPhaseFirDesigner {

    /** Half the FIR length at 48 kHz; scaled by the sample rate. */
    private static final int HALF_LENGTH_AT_48K = 4096;

    private final int half;
    private final int length;
    private final int gridSize;
    private final RealFft fft;
    private final double[] warped; // tan(pi k / grid) for k = 0 .. grid/2
    private final double[] window; // by distance from the centre, 0 .. half
    private final double[] spectrum;
    private final double[] zeroPhase;

    LinearPhaseFirDesigner(int sampleRate) {
        this.half = Math.max(64, (int) Math.round(HALF_LENGTH_AT_48K * (sampleRate / 48000.0)));
        this.length = 2 * half + 1;
        // A grid four times the FIR length keeps time aliasing of the ideal response's tails
        // (folded back into the kept taps) small.
        this.gridSize = Integer.highestOneBit(4 * (length - 1) - 1) << 1;
        this.fft = RealFft.create(gridSize);
        this.warped = new double[gridSize / 2 + 1];
        for (int k = 0; k < gridSize / 2; k++) {
            warped[k] = Math.tan(Math.PI * k / gridSize);
        }
        warped[gridSize / 2] = Double.POSITIVE_INFINITY;
        this.window = new double[half + 1];
        for (int m = 0; m <= half; m++) {
            // Blackman window over 2·half + 1 taps, indexed by distance from the centre.
            double phase = Math.PI * m / (half + 1);
            window[m] = 0.42 + 0.5 * Math.cos(phase) + 0.08 * Math.cos(2 * phase);
        }
        this.spectrum = new double[gridSize + 2];
        this.zeroPhase = new double[gridSize];
    }

    /** The number of taps, always odd. */
    int length() {
        return length;
    }

    /** The delay of the FIR's centre, {@code (length - 1) / 2}. */
    int half() {
        return half;
    }

    /** Writes the {@link #length()} taps following {@code cascade}'s magnitude into {@code fir}. */
    void design(SvfCascade cascade, double[] fir) {
        for (int k = 0; k <= gridSize / 2; k++) {
            spectrum[2 * k] = cascade.magnitude(warped[k]);
            spectrum[2 * k + 1] = 0;
        }
        fft.inverse(spectrum, zeroPhase, 0);
        fir[half] = zeroPhase[0] * window[0];
        for (int m = 1; m <= half; m++) {
            // Average the two mirror images so the taps are exactly symmetric.
            double tap = 0.5 * (zeroPhase[m] + zeroPhase[gridSize - m]) * window[m];
            fir[half + m] = tap;
            fir[half - m] = tap;
        }
    }
}
