package io.mixai.dsp.features;

import io.mixai.param.InvalidParameterException;

/**
 * The cepstral step of {@code librosa.feature.mfcc(..., dct_type=2, norm="ortho", lifter=0)}
 * (librosa 0.11.0; same values in 0.9 and 0.10): the orthonormal DCT-II
 * ({@code scipy.fft.dct(type=2, norm="ortho")}) of {@code power_to_db(melspectrogram)} along
 * the mel axis, keeping the first {@code n_mfcc} coefficients:
 * {@code c[q] = s_q * sum_m S[m] cos(pi q (2m + 1) / (2M))}, {@code s_0 = sqrt(1/M)},
 * {@code s_q = sqrt(2/M)}. The sums run in double over a precomputed cosine table.
 */
public final class Mfcc {

    private final int nMels;
    private final double[][] basis;

    public Mfcc(int nMels, int nMfcc) {
        if (nMels < 1) {
            throw new InvalidParameterException(FeatureConfig.OWNER, "n_mels", "must be positive, got " + nMels);
        }
        if (nMfcc < 1 || nMfcc > nMels) {
            throw new InvalidParameterException(FeatureConfig.OWNER, "n_mfcc",
                    "must be in 1.." + nMels + " (n_mels), got " + nMfcc);
        }
        this.nMels = nMels;
        this.basis = dctBasis(nMels, nMfcc);
    }

    /** The first {@code rows} rows of the orthonormal DCT-II matrix of size {@code m}. */
    static double[][] dctBasis(int m, int rows) {
        double[][] b = new double[rows][m];
        for (int q = 0; q < rows; q++) {
            double scale = Math.sqrt((q == 0 ? 1.0 : 2.0) / m);
            for (int i = 0; i < m; i++) {
                // Reduce the angle's integer numerator mod 4m to keep the cosine argument small.
                long num = (long) q * (2L * i + 1) % (4L * m);
                b[q][i] = scale * Math.cos(Math.PI * num / (2.0 * m));
            }
        }
        return b;
    }

    /** A copy of the DCT matrix, {@code [n_mfcc][n_mels]}. */
    public double[][] basis() {
        double[][] copy = new double[basis.length][];
        for (int q = 0; q < basis.length; q++) {
            copy[q] = basis[q].clone();
        }
        return copy;
    }

    /** MFCCs {@code [n_mfcc][frames]} of a {@code [n_mels][frames]} dB mel spectrogram. */
    public float[][] apply(float[][] logMel) {
        if (logMel.length != nMels) {
            throw new IllegalArgumentException("expected " + nMels + " mel bands, got " + logMel.length);
        }
        int frames = logMel[0].length;
        float[][] out = new float[basis.length][frames];
        double[] acc = new double[frames];
        for (int q = 0; q < basis.length; q++) {
            java.util.Arrays.fill(acc, 0);
            for (int m = 0; m < nMels; m++) {
                double b = basis[q][m];
                float[] row = logMel[m];
                for (int t = 0; t < frames; t++) {
                    acc[t] += b * row[t];
                }
            }
            for (int t = 0; t < frames; t++) {
                out[q][t] = (float) acc[t];
            }
        }
        return out;
    }
}
