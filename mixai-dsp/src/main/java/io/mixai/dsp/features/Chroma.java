package io.mixai.dsp.features;

import io.mixai.param.InvalidParameterException;

/**
 * {@code librosa.feature.chroma_stft(S=power, sr, n_chroma=12, norm=inf, tuning)} (librosa
 * 0.11.0; same in 0.9 and 0.10) with the filter bank of {@code librosa.filters.chroma(sr,
 * n_fft, n_chroma=12, tuning, ctroct=5, octwidth=2, norm=2, base_c=True)}, which follows
 * Dan Ellis' {@code chromagram_E} (2006). {@code tuning=None} in librosa means
 * {@link TuningEstimator#estimate estimate_tuning} on the same power spectrogram.
 *
 * <p>Filter bank: for the full-length FFT bin frequencies {@code k sr / n_fft}, k = 1..n_fft-1,
 * {@code frqbins = 12 log2(f / (440 * 2^(tuning/12) / 16))}, a made-up DC entry 18 bins
 * (1.5 octaves) below bin 1, bin widths {@code max(diff, 1)}, Gaussian bumps of width
 * {@code binwidth/2} around each chroma (distance wrapped into [-6, 6)), columns L2-normalised,
 * weighted by a Gaussian of 2 octaves around octave 5, rows rolled so that row 0 is C, and
 * cut to the first {@code 1 + n_fft/2} columns, as float32.
 */
public final class Chroma {

    /** librosa's default (and only supported here) number of chroma bins. */
    public static final int N_CHROMA = 12;

    private final float[][] weights;

    private Chroma(float[][] weights) {
        this.weights = weights;
    }

    /** The chroma filter bank for the given rate, FFT size and tuning (fractions of a semitone). */
    public static Chroma create(double sr, int nFft, double tuning) {
        if (!(tuning >= -0.5 && tuning <= 0.5)) {
            throw new InvalidParameterException(FeatureConfig.OWNER, "tuning",
                    "must be within [-0.5, 0.5] semitone, got " + tuning);
        }
        int n = N_CHROMA;
        // frequencies = np.linspace(0, sr, n_fft, endpoint=False)[1:]
        double step = sr / nFft;
        double a440 = 440.0 * Math.pow(2.0, tuning / n);
        double[] frqbins = new double[nFft];
        for (int k = 1; k < nFft; k++) {
            double f = k * step;
            frqbins[k] = n * log2(f / (a440 / 16));
        }
        frqbins[0] = frqbins[1] - 1.5 * n;
        double[] width = new double[nFft];
        for (int k = 0; k < nFft - 1; k++) {
            width[k] = Math.max(frqbins[k + 1] - frqbins[k], 1.0);
        }
        width[nFft - 1] = 1;
        double half = Math.rint(n / 2.0); // np.round(n_chroma / 2)
        int bins = nFft / 2 + 1;
        double[][] w = new double[n][bins];
        for (int k = 0; k < bins; k++) {
            double norm = 0;
            for (int c = 0; c < n; c++) {
                double d = floorMod(frqbins[k] - c + half + 10 * n, n) - half;
                double g = 2 * d / width[k];
                double v = Math.exp(-0.5 * g * g);
                w[c][k] = v;
                norm += v * v;
            }
            norm = Math.sqrt(norm);
            double octave = (frqbins[k] / n - 5.0) / 2.0; // ctroct 5, octwidth 2
            double octaveWeight = Math.exp(-0.5 * octave * octave);
            for (int c = 0; c < n; c++) {
                double v = norm < Double.MIN_NORMAL ? w[c][k] : w[c][k] / norm;
                w[c][k] = v * octaveWeight;
            }
        }
        // base_c: roll by -3 so that row 0 is C rather than A.
        float[][] rolled = new float[n][bins];
        for (int c = 0; c < n; c++) {
            int src = (c + 3) % n;
            for (int k = 0; k < bins; k++) {
                rolled[c][k] = (float) w[src][k];
            }
        }
        return new Chroma(rolled);
    }

    /** numpy.remainder for a positive divisor: the result has the divisor's sign. */
    private static double floorMod(double x, double m) {
        double r = x % m;
        return r < 0 ? r + m : r;
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2.0);
    }

    /** A copy of the float32 filter bank, {@code [12][1 + n_fft/2]}, row 0 = C. */
    public float[][] weights() {
        float[][] copy = new float[weights.length][];
        for (int c = 0; c < weights.length; c++) {
            copy[c] = weights[c].clone();
        }
        return copy;
    }

    /**
     * Chroma {@code [12][frames]} of a power spectrogram {@code [1 + n_fft/2][frames]}: the
     * filter bank product, then each frame divided by its maximum ({@code norm=inf}); frames
     * whose maximum is below float32's tiny value are left as they are.
     */
    public float[][] apply(float[][] power) {
        int bins = weights[0].length;
        if (power.length != bins) {
            throw new IllegalArgumentException("spectrogram has " + power.length + " bins, the chroma filter bank " + bins);
        }
        int frames = power[0].length;
        double[][] raw = new double[N_CHROMA][frames];
        for (int c = 0; c < N_CHROMA; c++) {
            double[] acc = raw[c];
            float[] w = weights[c];
            for (int k = 0; k < bins; k++) {
                double wk = w[k];
                float[] row = power[k];
                for (int t = 0; t < frames; t++) {
                    acc[t] += wk * row[t];
                }
            }
        }
        float[][] out = new float[N_CHROMA][frames];
        for (int t = 0; t < frames; t++) {
            double max = 0;
            for (int c = 0; c < N_CHROMA; c++) {
                max = Math.max(max, Math.abs((float) raw[c][t]));
            }
            for (int c = 0; c < N_CHROMA; c++) {
                float v = (float) raw[c][t]; // librosa's einsum result is float32
                out[c][t] = max < SpectralShape.FLOAT32_TINY ? v : (float) (v / max);
            }
        }
        return out;
    }
}
