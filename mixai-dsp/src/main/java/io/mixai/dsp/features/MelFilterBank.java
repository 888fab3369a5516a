package io.mixai.dsp.features;

import io.mixai.param.InvalidParameterException;

/**
 * The mel filter bank of {@code librosa.filters.mel(sr, n_fft, n_mels, fmin, fmax, htk,
 * norm="slaney", dtype=float32)} (librosa 0.11.0; same in 0.9 and 0.10) and
 * {@code librosa.feature.melspectrogram}'s product with a power spectrogram.
 *
 * <p>Construction, following librosa (which follows Slaney's Auditory Toolbox, 1998):
 * {@code n_mels + 2} edges equally spaced in mel between {@code hz_to_mel(fmin)} and
 * {@code hz_to_mel(fmax)} (numpy.linspace), converted back to Hz; band m is the triangle in
 * Hz through edges m, m+1, m+2, evaluated at the exact FFT bin frequencies
 * ({@code numpy.fft.rfftfreq}); each row is scaled by {@code 2 / (f[m+2] - f[m])} (Slaney's
 * constant-area normalisation). The coefficients are float32, rounded at the same two points
 * as librosa (the triangle, then the normalised value), so the basis equals librosa's.
 *
 * <p>Mel scales: Slaney (default) is linear below 1 kHz ({@code f / (200/3)}) and logarithmic
 * above ({@code 15 + ln(f/1000) / (ln 6.4 / 27)}); HTK is {@code 2595 log10(1 + f/700)}
 * (O'Shaughnessy 1987, as used by the HTK book).
 */
public final class MelFilterBank {

    private final float[][] weights;
    private final int[] firstBin;
    private final int[] endBin;
    private final double[] edges;

    private MelFilterBank(float[][] weights, double[] edges) {
        this.weights = weights;
        this.edges = edges;
        this.firstBin = new int[weights.length];
        this.endBin = new int[weights.length];
        for (int m = 0; m < weights.length; m++) {
            int lo = 0;
            while (lo < weights[m].length && weights[m][lo] == 0f) {
                lo++;
            }
            int hi = weights[m].length;
            while (hi > lo && weights[m][hi - 1] == 0f) {
                hi--;
            }
            firstBin[m] = lo;
            endBin[m] = hi;
        }
    }

    /** The filter bank of a configuration (sr, n_fft, n_mels, fmin, fmax, htk). */
    public static MelFilterBank of(FeatureConfig c) {
        return create(c.sampleRate(), c.nFft(), c.nMels(), c.fMin(), c.fMax(), c.htk());
    }

    /** librosa.filters.mel(sr=sr, n_fft=nFft, n_mels=nMels, fmin=fMin, fmax=fMax, htk=htk) with Slaney norm. */
    public static MelFilterBank create(double sr, int nFft, int nMels, double fMin, double fMax, boolean htk) {
        if (nMels < 1) {
            throw new InvalidParameterException(FeatureConfig.OWNER, "n_mels", "must be positive, got " + nMels);
        }
        if (!(fMin >= 0 && fMax > fMin)) {
            throw new InvalidParameterException(FeatureConfig.OWNER, "fmax",
                    "must be above fmin >= 0, got fmin=" + fMin + ", fmax=" + fMax);
        }
        int bins = nFft / 2 + 1;
        double[] fftFreqs = fftFrequencies(sr, nFft);
        double[] melF = melFrequencies(nMels + 2, fMin, fMax, htk);
        float[][] w = new float[nMels][bins];
        for (int m = 0; m < nMels; m++) {
            double lowerDiff = melF[m + 1] - melF[m];
            double upperDiff = melF[m + 2] - melF[m + 1];
            double enorm = 2.0 / (melF[m + 2] - melF[m]);
            for (int k = 0; k < bins; k++) {
                double lower = -(melF[m] - fftFreqs[k]) / lowerDiff;
                double upper = (melF[m + 2] - fftFreqs[k]) / upperDiff;
                // librosa stores the triangle into a float32 array, then scales it in place
                // (computed in double, stored as float32 again).
                float triangle = (float) Math.max(0, Math.min(lower, upper));
                w[m][k] = (float) (triangle * enorm);
            }
        }
        return new MelFilterBank(w, melF);
    }

    /** numpy.fft.rfftfreq(n_fft, 1/sr), evaluated as numpy does: {@code k * (1 / (n_fft * (1/sr)))}. */
    public static double[] fftFrequencies(double sr, int nFft) {
        double val = 1.0 / (nFft * (1.0 / sr));
        double[] f = new double[nFft / 2 + 1];
        for (int k = 0; k < f.length; k++) {
            f[k] = k * val;
        }
        return f;
    }

    /** librosa.mel_frequencies(n, fmin, fmax, htk): n points equally spaced in mel, in Hz. */
    public static double[] melFrequencies(int n, double fMin, double fMax, boolean htk) {
        double[] mels = linspace(hzToMel(fMin, htk), hzToMel(fMax, htk), n);
        double[] hz = new double[n];
        for (int i = 0; i < n; i++) {
            hz[i] = melToHz(mels[i], htk);
        }
        return hz;
    }

    /** numpy.linspace(start, stop, n) with endpoint: {@code i*step + start}, last point exactly stop. */
    static double[] linspace(double start, double stop, int n) {
        double[] y = new double[n];
        double step = n > 1 ? (stop - start) / (n - 1) : 0;
        for (int i = 0; i < n; i++) {
            y[i] = i * step + start;
        }
        if (n > 1) {
            y[n - 1] = stop;
        }
        return y;
    }

    private static final double F_SP = 200.0 / 3;
    private static final double MIN_LOG_HZ = 1000.0;
    private static final double MIN_LOG_MEL = MIN_LOG_HZ / F_SP;
    private static final double LOGSTEP = Math.log(6.4) / 27.0;

    /** librosa.hz_to_mel: Slaney's scale, or HTK's when {@code htk}. */
    public static double hzToMel(double hz, boolean htk) {
        if (htk) {
            return 2595.0 * Math.log10(1.0 + hz / 700.0);
        }
        if (hz >= MIN_LOG_HZ) {
            return MIN_LOG_MEL + Math.log(hz / MIN_LOG_HZ) / LOGSTEP;
        }
        return hz / F_SP;
    }

    /** librosa.mel_to_hz: inverse of {@link #hzToMel}. */
    public static double melToHz(double mel, boolean htk) {
        if (htk) {
            return 700.0 * (Math.pow(10.0, mel / 2595.0) - 1.0);
        }
        if (mel >= MIN_LOG_MEL) {
            return MIN_LOG_HZ * Math.exp(LOGSTEP * (mel - MIN_LOG_MEL));
        }
        return F_SP * mel;
    }

    public int melCount() {
        return weights.length;
    }

    public int binCount() {
        return weights[0].length;
    }

    /** A copy of the float32 weights, {@code [n_mels][1 + n_fft/2]}. */
    public float[][] weights() {
        float[][] copy = new float[weights.length][];
        for (int m = 0; m < weights.length; m++) {
            copy[m] = weights[m].clone();
        }
        return copy;
    }

    /** The {@code n_mels + 2} band edges in Hz ({@code mel_f} in librosa). */
    public double[] bandEdges() {
        return edges.clone();
    }

    /**
     * {@code mel_basis @ S}: a {@code [1 + n_fft/2][frames]} power spectrogram to a
     * {@code [n_mels][frames]} mel spectrogram (float32 result; the sums run in double, which
     * stays within float32 rounding of librosa's float32 einsum).
     */
    public float[][] apply(float[][] spectrogram) {
        if (spectrogram.length != binCount()) {
            throw new IllegalArgumentException("spectrogram has " + spectrogram.length + " bins, the filter bank "
                    + binCount());
        }
        int frames = spectrogram[0].length;
        float[][] out = new float[weights.length][frames];
        double[] acc = new double[frames];
        for (int m = 0; m < weights.length; m++) {
            java.util.Arrays.fill(acc, 0);
            float[] w = weights[m];
            for (int k = firstBin[m]; k < endBin[m]; k++) {
                double wk = w[k];
                float[] row = spectrogram[k];
                for (int t = 0; t < frames; t++) {
                    acc[t] += wk * row[t];
                }
            }
            for (int t = 0; t < frames; t++) {
                out[m][t] = (float) acc[t];
            }
        }
        return out;
    }
}
