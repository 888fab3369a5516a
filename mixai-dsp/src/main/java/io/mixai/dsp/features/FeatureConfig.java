package io.mixai.dsp.features;

import io.mixai.param.InvalidParameterException;

/**
 * The parameters librosa's feature functions share, with librosa 0.11.0's defaults:
 * {@code sr=22050, n_fft=2048, hop_length=512, win_length=n_fft, center=True, n_mels=128,
 * fmin=0, fmax=sr/2, htk=False, n_mfcc=20}. Immutable; build with {@link #builder()}.
 *
 * <p>As in librosa, RMS and zero-crossing rate use {@code frame_length = n_fft}, the mel
 * filter bank keeps Slaney area normalisation also with {@code htk=true}, and
 * {@link OnsetStrength onset strength} always uses a centred STFT.
 */
public final class FeatureConfig {

    static final String OWNER = "features";

    private final int sampleRate;
    private final int nFft;
    private final int hopLength;
    private final int winLength;
    private final boolean center;
    private final int nMels;
    private final double fMin;
    private final double fMax;
    private final boolean htk;
    private final int nMfcc;

    private FeatureConfig(Builder b) {
        this.sampleRate = b.sampleRate;
        this.nFft = b.nFft;
        this.hopLength = b.hopLength;
        this.winLength = b.winLength == 0 ? b.nFft : b.winLength;
        this.center = b.center;
        this.nMels = b.nMels;
        this.fMin = b.fMin;
        this.fMax = Double.isNaN(b.fMax) ? 0.5 * b.sampleRate : b.fMax;
        this.htk = b.htk;
        this.nMfcc = b.nMfcc;
        check(sampleRate > 0, "sr", "must be positive, got " + sampleRate);
        checkFraming(nFft, hopLength, winLength);
        check(nMels > 0, "n_mels", "must be positive, got " + nMels);
        check(fMin >= 0 && Double.isFinite(fMin), "fmin", "must be finite and >= 0, got " + fMin);
        check(fMax > fMin && Double.isFinite(fMax), "fmax", "must be finite and above fmin (" + fMin + "), got " + fMax);
        check(nMfcc > 0 && nMfcc <= nMels, "n_mfcc", "must be in 1.." + nMels + " (n_mels), got " + nMfcc);
    }

    /** The STFT's framing parameters, as librosa requires them (also checked by {@link Stft}). */
    static void checkFraming(int nFft, int hopLength, int winLength) {
        check(nFft >= 2 && nFft % 2 == 0, "n_fft", "must be even and at least 2, got " + nFft);
        check(hopLength > 0, "hop_length", "must be positive, got " + hopLength);
        check(winLength > 0 && winLength <= nFft, "win_length",
                "must be in 1.." + nFft + " (n_fft), got " + winLength);
    }

    private static void check(boolean ok, String parameter, String message) {
        if (!ok) {
            throw new InvalidParameterException(OWNER, parameter, message);
        }
    }

    /** librosa's defaults (sr 22050). */
    public static FeatureConfig defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from this configuration. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.sampleRate = sampleRate;
        b.nFft = nFft;
        b.hopLength = hopLength;
        b.winLength = winLength == nFft ? 0 : winLength;
        b.center = center;
        b.nMels = nMels;
        b.fMin = fMin;
        b.fMax = fMax;
        b.htk = htk;
        b.nMfcc = nMfcc;
        return b;
    }

    public int sampleRate() {
        return sampleRate;
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

    public int nMels() {
        return nMels;
    }

    public double fMin() {
        return fMin;
    }

    public double fMax() {
        return fMax;
    }

    public boolean htk() {
        return htk;
    }

    public int nMfcc() {
        return nMfcc;
    }

    /** Number of frequency bins, {@code 1 + n_fft/2}. */
    public int bins() {
        return nFft / 2 + 1;
    }

    /** The number of frames librosa produces for {@code n} samples with these settings. */
    public int frameCount(int n) {
        return Stft.frameCount(n, nFft, hopLength, center);
    }

    @Override
    public String toString() {
        return "FeatureConfig[sr=" + sampleRate + ", n_fft=" + nFft + ", hop_length=" + hopLength
                + ", win_length=" + winLength + ", center=" + center + ", n_mels=" + nMels + ", fmin=" + fMin
                + ", fmax=" + fMax + ", htk=" + htk + ", n_mfcc=" + nMfcc + "]";
    }

    /** Builder with librosa's defaults; {@link #build()} validates. */
    public static final class Builder {
        private int sampleRate = 22050;
        private int nFft = 2048;
        private int hopLength = 512;
        private int winLength; // 0: n_fft
        private boolean center = true;
        private int nMels = 128;
        private double fMin = 0.0;
        private double fMax = Double.NaN; // NaN: sr/2
        private boolean htk;
        private int nMfcc = 20;

        private Builder() {
        }

        public Builder sampleRate(int sr) {
            this.sampleRate = sr;
            return this;
        }

        public Builder nFft(int n) {
            this.nFft = n;
            return this;
        }

        public Builder hopLength(int hop) {
            this.hopLength = hop;
            return this;
        }

        /** The window length; 0 (the default) means n_fft. */
        public Builder winLength(int length) {
            this.winLength = length;
            return this;
        }

        public Builder center(boolean c) {
            this.center = c;
            return this;
        }

        public Builder nMels(int n) {
            this.nMels = n;
            return this;
        }

        public Builder fMin(double f) {
            this.fMin = f;
            return this;
        }

        /** The highest mel frequency; NaN (the default) means sr/2. */
        public Builder fMax(double f) {
            this.fMax = f;
            return this;
        }

        public Builder htk(boolean h) {
            this.htk = h;
            return this;
        }

        public Builder nMfcc(int n) {
            this.nMfcc = n;
            return this;
        }

        public FeatureConfig build() {
            return new FeatureConfig(this);
        }
    }
}
