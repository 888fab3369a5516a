package io.mixai.dsp.features;

import java.util.Arrays;

/**
 * {@code librosa.estimate_tuning(S=power, sr, bins_per_octave=12)} of librosa 0.11.0 (same in
 * 0.9 and 0.10), which is what {@code chroma_stft(tuning=None)} calls: {@code piptrack}
 * (threshold 0.1, fmin 150 Hz, fmax 4 kHz) then {@code pitch_tuning} (resolution 0.01).
 * The result moves in 0.01-semitone steps, so every discrete decision is reproduced with
 * librosa's exact comparisons and float32 rounding points:
 *
 * <ol>
 *   <li>per frame, bins at or below {@code 0.1 * max} are zeroed and local maxima taken
 *       ({@code x[k] > x[k-1] && x[k] >= x[k+1]}; never bin 0; the last bin if it exceeds its
 *       neighbour), then restricted to {@code 150 <= f_k < min(4000, sr/2)};
 *   <li>parabolic interpolation {@code shift = -b/a} ({@code a = S[k+1] + S[k-1] - 2 S[k]},
 *       {@code b = (S[k+1] - S[k-1]) / 2}, 0 when {@code |b| >= |a|}) gives the pitch
 *       {@code (k + shift) sr / n_fft} and the magnitude {@code S[k] + 0.5 gradient[k] shift};
 *   <li>peaks whose magnitude is at least the median of all peak magnitudes (all frames and
 *       channels pooled) are kept;
 *   <li>each kept pitch's deviation {@code 12 log2(f / 27.5) mod 1}, wrapped to [-0.5, 0.5),
 *       goes into a 100-bin histogram with edges {@code -0.5 + 0.01 i}; the result is the left
 *       edge of the first fullest bin (0 when there are no peaks).
 * </ol>
 */
public final class TuningEstimator {

    private static final double FMIN = 150.0;
    private static final double FMAX = 4000.0;
    private static final float THRESHOLD = 0.1f;
    private static final int HISTOGRAM_BINS = 100;

    private TuningEstimator() {
    }

    /**
     * The tuning offset in fractions of a semitone, estimated over all channels of power
     * spectrograms {@code power[channel][1 + n_fft/2][frames]} together (as librosa does for
     * a multichannel input).
     */
    public static double estimate(float[][][] power, double sr) {
        int bins = power[0].length;
        int nFft = 2 * (bins - 1);
        double[] freq = MelFilterBank.fftFrequencies(sr, nFft);
        double fmax = Math.min(FMAX, sr / 2);
        FloatList pitches = new FloatList();
        FloatList mags = new FloatList();
        float[] s = new float[bins];
        for (float[][] channel : power) {
            int frames = channel[0].length;
            for (int t = 0; t < frames; t++) {
                float max = 0f;
                for (int k = 0; k < bins; k++) {
                    s[k] = Math.abs(channel[k][t]);
                    max = Math.max(max, s[k]);
                }
                float ref = THRESHOLD * max;
                for (int k = 1; k < bins; k++) {
                    if (!(freq[k] >= FMIN && freq[k] < fmax) || !isPeak(s, k, ref)) {
                        continue;
                    }
                    float shift = shift(s, k);
                    float gradient = gradient(s, k);
                    float dskew = 0.5f * gradient * shift;
                    // idx (int64) + shift (float32) is float64 in numpy; stored as float32.
                    pitches.add((float) ((k + (double) shift) * sr / nFft));
                    mags.add(s[k] + dskew);
                }
            }
        }
        return pitchTuning(pitches, mags);
    }

    /** librosa.util.localmax on {@code S * (S > ref)} at bin k (k >= 1). */
    private static boolean isPeak(float[] s, int k, float ref) {
        float x = s[k] > ref ? s[k] : 0f;
        float left = s[k - 1] > ref ? s[k - 1] : 0f;
        if (k == s.length - 1) {
            return x > left;
        }
        float right = s[k + 1] > ref ? s[k + 1] : 0f;
        return x > left && x >= right;
    }

    /**
     * librosa's numba stencil {@code _pi_stencil}: the float32 sums are promoted to double
     * by the integer constants, and the result is stored in a float32 array.
     */
    private static float shift(float[] s, int k) {
        if (k == 0 || k == s.length - 1) {
            return 0f;
        }
        double a = (double) (s[k + 1] + s[k - 1]) - 2.0 * s[k];
        double b = (double) (s[k + 1] - s[k - 1]) / 2.0;
        if (Math.abs(b) >= Math.abs(a)) {
            return 0f;
        }
        return (float) (-b / a);
    }

    /** numpy.gradient along frequency in float32: central inside, one-sided at the ends. */
    private static float gradient(float[] s, int k) {
        if (k == 0) {
            return s[1] - s[0];
        }
        if (k == s.length - 1) {
            return s[k] - s[k - 1];
        }
        return (s[k + 1] - s[k - 1]) / 2.0f;
    }

    /** estimate_tuning's median selection followed by librosa.pitch_tuning. */
    private static double pitchTuning(FloatList pitches, FloatList mags) {
        int n = pitches.size;
        if (n == 0) {
            return 0.0;
        }
        float threshold = median(Arrays.copyOf(mags.values, n));
        double[] edges = new double[HISTOGRAM_BINS + 1];
        double step = 1.0 / HISTOGRAM_BINS; // numpy.linspace(-0.5, 0.5, 101)
        for (int i = 0; i < edges.length; i++) {
            edges[i] = i * step + (-0.5);
        }
        edges[HISTOGRAM_BINS] = 0.5;
        int[] counts = new int[HISTOGRAM_BINS];
        int used = 0;
        for (int i = 0; i < n; i++) {
            float f = pitches.values[i];
            if (!(mags.values[i] >= threshold) || !(f > 0)) {
                continue;
            }
            used++;
            // hz_to_octs in float32: log2(f / 27.5), times 12, mod 1, wrapped at 0.5.
            float octs = (float) (Math.log((float) (f / 27.5)) / Math.log(2.0));
            float semis = 12f * octs;
            float residual = semis % 1.0f;
            if (residual < 0) {
                residual += 1.0f;
            }
            if (residual >= 0.5f) {
                residual -= 1.0f;
            }
            int bin = histogramBin(edges, residual);
            if (bin >= 0) {
                counts[bin]++;
            }
        }
        if (used == 0) {
            return 0.0;
        }
        int best = 0;
        for (int i = 1; i < HISTOGRAM_BINS; i++) {
            if (counts[i] > counts[best]) {
                best = i;
            }
        }
        return edges[best];
    }

    /** numpy.histogram's rule: e[i] <= x < e[i+1], the last bin closed; -1 outside. */
    private static int histogramBin(double[] edges, double x) {
        int last = edges.length - 1;
        if (x < edges[0] || x > edges[last]) {
            return -1;
        }
        int i = (int) ((x - edges[0]) / (edges[last] - edges[0]) * (last));
        i = Math.min(Math.max(i, 0), last - 1);
        while (i > 0 && x < edges[i]) {
            i--;
        }
        while (i < last - 1 && x >= edges[i + 1]) {
            i++;
        }
        return i;
    }

    /** numpy.median of float32 values: the middle value, or the float32 mean of the two middle ones. */
    private static float median(float[] values) {
        Arrays.sort(values);
        int n = values.length;
        if (n % 2 == 1) {
            return values[n / 2];
        }
        return (values[n / 2 - 1] + values[n / 2]) / 2f;
    }

    /** A growable float array (peaks are collected over the whole clip). */
    private static final class FloatList {
        float[] values = new float[256];
        int size;

        void add(float v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }
    }
}
