package io.mixai.dsp.dynamics;

import io.mixai.dsp.spectral.RealFft;

/**
 * An independent true-peak measurement for the tests: band-limited interpolation of the whole
 * signal by zero-padding its spectrum (16x), then a parabola through each local maximum.
 * Unlike the limiter's polyphase FIR it has no passband error and no truncation; the signal is
 * padded with silence so its periodic extension has no artificial edge.
 */
final class ReferenceTruePeak {

    private static final int FACTOR = 16;

    private ReferenceTruePeak() {
    }

    /** The largest magnitude of the band-limited reconstruction of {@code x}. */
    static double of(float[] x) {
        int size = Integer.highestOneBit(x.length + 4096) * 2;
        double[] padded = new double[size];
        for (int i = 0; i < x.length; i++) {
            padded[i] = x[i];
        }
        double[] spectrum = new double[size + 2];
        RealFft.create(size).forward(padded, 0, spectrum);
        int upSize = size * FACTOR;
        double[] upSpectrum = new double[upSize + 2];
        System.arraycopy(spectrum, 0, upSpectrum, 0, size);
        // the old Nyquist bin is shared by +fs/2 and -fs/2: half of it on the positive side
        upSpectrum[size] = spectrum[size] / 2;
        double[] up = new double[upSize];
        RealFft.create(upSize).inverse(upSpectrum, up, 0);
        double peak = 0;
        for (int i = 1; i + 1 < upSize; i++) {
            double b = Math.abs(up[i]) * FACTOR;
            if (b < peak) {
                continue;
            }
            double sign = Math.signum(up[i]);
            double a = sign * up[i - 1] * FACTOR;
            double c = sign * up[i + 1] * FACTOR;
            double refined = b;
            double curvature = a - 2 * b + c;
            if (a <= b && c <= b && curvature < 0) {
                refined = b - (a - c) * (a - c) / (8 * curvature);
            }
            peak = Math.max(peak, refined);
        }
        return peak;
    }

    static double ofAll(float[][] channels) {
        double peak = 0;
        for (float[] channel : channels) {
            peak = Math.max(peak, of(channel));
        }
        return peak;
    }
}
