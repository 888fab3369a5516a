package io.mixai.dsp.features;

import io.mixai.dsp.spectral.RealFft;
import java.util.Arrays;

/**
 * Short-time Fourier transform magnitudes exactly as {@code np.abs(librosa.stft(y, n_fft,
 * hop_length, win_length, window="hann", center, pad_mode="constant"))} in librosa 0.11.0
 * (identical in 0.9 and 0.10).
 *
 * <ul>
 *   <li>Window: scipy's periodic Hann ({@code get_window("hann", win_length, fftbins=True)}),
 *       zero-padded centred to {@code n_fft} with {@code (n_fft - win_length)/2} zeros on the
 *       left ({@code librosa.util.pad_center}).
 *   <li>{@code center=true}: {@code n_fft/2} zeros on each side (librosa's default
 *       {@code pad_mode="constant"} since 0.9); frame t is centred on sample {@code t*hop}.
 *   <li>Hop: the one given. (librosa's feature functions default to 512; {@code librosa.stft}
 *       called on its own defaults to {@code win_length // 4}, which is also 512 for 2048.)
 *   <li>Frame count: {@code 1 + (n + 2*(n_fft/2) - n_fft)/hop} centred,
 *       {@code 1 + (n - n_fft)/hop} otherwise (integer division; a short tail is dropped).
 *   <li>Precision: the window and the FFT are double (librosa: float64 window times float32
 *       frame, scipy.fft in double); each bin is rounded to complex64 as librosa stores it, and
 *       the magnitude is {@code (float) sqrt(re*re + im*im)} of those floats, which is what
 *       numpy's {@code abs} of a complex64 ({@code hypotf}) computes.
 * </ul>
 *
 * <p>The frame and spectrum buffers are allocated once here, so the frame loop allocates
 * nothing; an instance is therefore not thread-safe.
 */
public final class Stft {

    private final int nFft;
    private final int hopLength;
    private final int winLength;
    private final boolean center;
    private final double[] window;
    private final int windowStart;
    private final int windowEnd;
    private final RealFft fft;
    private final double[] frame;
    private final double[] spectrum;

    /** An STFT with the given settings (see {@link FeatureConfig} for librosa's defaults). */
    public Stft(int nFft, int hopLength, int winLength, boolean center) {
        FeatureConfig.checkFraming(nFft, hopLength, winLength);
        this.nFft = nFft;
        this.hopLength = hopLength;
        this.winLength = winLength;
        this.center = center;
        this.window = paddedHann(winLength, nFft);
        this.windowStart = (nFft - winLength) / 2;
        this.windowEnd = windowStart + winLength;
        this.fft = RealFft.create(nFft);
        this.frame = new double[nFft];
        this.spectrum = new double[nFft + 2];
    }

    /** The STFT of a configuration. */
    public Stft(FeatureConfig config) {
        this(config.nFft(), config.hopLength(), config.winLength(), config.center());
    }

    /**
     * scipy.signal.get_window("hann", n, fftbins=True) = general_cosine(n + 1, [0.5, 0.5])
     * truncated to n points, evaluated as scipy does (cos of linspace(-pi, pi, n + 1)), then
     * centred in n_fft points (librosa.util.pad_center).
     */
    static double[] paddedHann(int winLength, int nFft) {
        double[] w = new double[nFft];
        int left = (nFft - winLength) / 2;
        double step = (Math.PI - (-Math.PI)) / winLength; // numpy.linspace step for n + 1 points
        for (int i = 0; i < winLength; i++) {
            double fac = i * step + (-Math.PI);
            w[left + i] = 0.5 + 0.5 * Math.cos(fac);
        }
        return w;
    }

    /** librosa's frame count for {@code n} samples. */
    public static int frameCount(int n, int nFft, int hopLength, boolean center) {
        if (n < 1) {
            throw new IllegalArgumentException("the signal is empty");
        }
        if (center) {
            return 1 + (n + 2 * (nFft / 2) - nFft) / hopLength;
        }
        if (n < nFft) {
            throw new IllegalArgumentException("signal of " + n + " samples is shorter than n_fft=" + nFft
                    + " with center=false (librosa raises a ParameterError too)");
        }
        return 1 + (n - nFft) / hopLength;
    }

    public int frameCount(int n) {
        return frameCount(n, nFft, hopLength, center);
    }

    public int nFft() {
        return nFft;
    }

    public int hopLength() {
        return hopLength;
    }

    public int winLength() {
        return winLength;
    }

    public boolean center() {
        return center;
    }

    /** Number of frequency bins, {@code 1 + n_fft/2}. */
    public int bins() {
        return nFft / 2 + 1;
    }

    /** A copy of the (zero-padded) analysis window. */
    public double[] window() {
        return window.clone();
    }

    /** {@code |STFT|} as float32, shape {@code [1 + n_fft/2][frames]} (librosa's axis order). */
    public float[][] magnitude(float[] y) {
        return spectrogram(y, false);
    }

    /**
     * {@code |STFT|**2} as librosa's {@code _spectrogram(power=2)} computes it: the float32
     * magnitude squared in float32. Shape {@code [1 + n_fft/2][frames]}.
     */
    public float[][] power(float[] y) {
        return spectrogram(y, true);
    }

    private float[][] spectrogram(float[] y, boolean squared) {
        int frames = frameCount(y.length);
        int bins = bins();
        float[][] out = new float[bins][frames];
        for (int t = 0; t < frames; t++) {
            transformFrame(y, t);
            for (int k = 0; k < bins; k++) {
                float mag = magnitudeOfBin(k);
                out[k][t] = squared ? mag * mag : mag;
            }
        }
        return out;
    }

    /** Magnitude of bin k of the last transformed frame, rounded as numpy's abs(complex64). */
    private float magnitudeOfBin(int k) {
        double re = (float) spectrum[2 * k];
        double im = (float) spectrum[2 * k + 1];
        return (float) Math.sqrt(re * re + im * im);
    }

    /** Windows frame t of y (with the centre padding) into the frame buffer and transforms it. */
    private void transformFrame(float[] y, int t) {
        int start = t * hopLength - (center ? nFft / 2 : 0);
        // Samples outside the signal are librosa's zero padding; outside the window, its own.
        int lo = Math.max(windowStart, -start);
        int hi = Math.min(windowEnd, y.length - start);
        Arrays.fill(frame, 0.0);
        for (int i = lo; i < hi; i++) {
            frame[i] = window[i] * y[start + i];
        }
        fft.forward(frame, 0, spectrum);
    }
}
