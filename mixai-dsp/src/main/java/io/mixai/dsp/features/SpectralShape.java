package io.mixai.dsp.features;

/**
 * librosa 0.11.0's spectral shape features computed from a magnitude spectrogram
 * {@code S[1 + n_fft/2][frames]} ({@link Stft#magnitude}), as {@code librosa.feature.*(y=...)}
 * computes them from {@code |STFT|} (power 1). Frequencies are {@code numpy.fft.rfftfreq}.
 * Each returns one value per frame (librosa's shape is {@code (1, frames)}).
 */
public final class SpectralShape {

    /** float32's smallest normal number, librosa's {@code util.tiny} threshold for float32. */
    static final double FLOAT32_TINY = Float.MIN_NORMAL;

    private SpectralShape() {
    }

    /**
     * {@code librosa.feature.spectral_centroid}: {@code sum_k f_k p_k} with {@code p = S / sum S}
     * per frame. As librosa's {@code util.normalize}, the L1 norm runs in double, {@code p} is
     * stored as float32, and a frame whose sum is below float32's tiny value is left
     * unnormalised (so silence gives 0 Hz). float64 result.
     */
    public static double[] centroid(float[][] s, double sr) {
        int bins = s.length;
        int frames = s[0].length;
        double[] freq = MelFilterBank.fftFrequencies(sr, 2 * (bins - 1));
        double[] out = new double[frames];
        for (int t = 0; t < frames; t++) {
            double norm = l1(s, t);
            double c = 0;
            for (int k = 0; k < bins; k++) {
                c += freq[k] * normalized(s[k][t], norm);
            }
            out[t] = c;
        }
        return out;
    }

    /**
     * {@code librosa.feature.spectral_bandwidth(p=2, norm=True)}:
     * {@code (sum_k p_k |f_k - centroid|^2)^(1/2)} with the L1-normalised p of
     * {@link #centroid}. float64 result.
     */
    public static double[] bandwidth(float[][] s, double[] centroid, double sr) {
        int bins = s.length;
        int frames = s[0].length;
        double[] freq = MelFilterBank.fftFrequencies(sr, 2 * (bins - 1));
        double[] out = new double[frames];
        for (int t = 0; t < frames; t++) {
            double norm = l1(s, t);
            double sum = 0;
            for (int k = 0; k < bins; k++) {
                double dev = freq[k] - centroid[t];
                sum += normalized(s[k][t], norm) * dev * dev;
            }
            out[t] = Math.sqrt(sum);
        }
        return out;
    }

    /**
     * {@code librosa.feature.spectral_rolloff(roll_percent)}: the lowest bin frequency whose
     * cumulative magnitude reaches {@code roll_percent} of the frame's total. The cumulative
     * sum and the threshold are float32, summed in bin order, exactly as numpy's
     * {@code cumsum} of a float32 array does, because the comparison decides the bin.
     * Silence gives 0 Hz. float64 result (always an exact bin frequency).
     */
    public static double[] rolloff(float[][] s, double sr, double rollPercent) {
        if (!(rollPercent > 0 && rollPercent < 1)) {
            throw new io.mixai.param.InvalidParameterException(FeatureConfig.OWNER, "roll_percent",
                    "must be strictly between 0 and 1, got " + rollPercent);
        }
        int bins = s.length;
        int frames = s[0].length;
        double[] freq = MelFilterBank.fftFrequencies(sr, 2 * (bins - 1));
        float percent = (float) rollPercent; // a Python float times a float32 array stays float32
        double[] out = new double[frames];
        for (int t = 0; t < frames; t++) {
            float total = 0f;
            for (int k = 0; k < bins; k++) {
                total += s[k][t];
            }
            float threshold = percent * total;
            float cumulative = 0f;
            double f = freq[bins - 1];
            for (int k = 0; k < bins; k++) {
                cumulative += s[k][t];
                if (cumulative >= threshold) {
                    f = freq[k];
                    break;
                }
            }
            out[t] = f;
        }
        return out;
    }

    /**
     * {@code librosa.feature.spectral_flatness(amin=1e-10, power=2.0)}: with
     * {@code P = max(amin, S^2)}, the geometric over the arithmetic mean of P per frame
     * (float32 result; librosa's float32 sums make a silent frame 1.0000007, exactly 1 here).
     */
    public static float[] flatness(float[][] s) {
        int bins = s.length;
        int frames = s[0].length;
        float amin = 1e-10f;
        float[] out = new float[frames];
        for (int t = 0; t < frames; t++) {
            double logSum = 0;
            double sum = 0;
            for (int k = 0; k < bins; k++) {
                float m = s[k][t];
                float p = Math.max(amin, m * m); // squared and thresholded in float32
                logSum += Math.log(p);
                sum += p;
            }
            out[t] = (float) (Math.exp(logSum / bins) / (sum / bins));
        }
        return out;
    }

    private static double l1(float[][] s, int t) {
        double norm = 0;
        for (float[] row : s) {
            norm += Math.abs(row[t]);
        }
        return norm;
    }

    private static double normalized(float value, double norm) {
        return norm < FLOAT32_TINY ? value : (float) (value / norm);
    }
}
