package io.mixai.dsp.analysis;

/**
 * The long-term average spectrum (LTAS) of a whole signal in fractional-octave bands, for mid
 * {@code M = (L + R) / 2} and side {@code S = (L - R) / 2}, with per-band stereo descriptors.
 * Made by {@link SpectrumAnalyzer}; immutable (every array getter returns a copy).
 *
 * <p><b>Level reference.</b> Band levels are band power in dB relative to the power of a
 * full-scale sine (amplitude 1, mean square 1/2): a full-scale sine at a band's centre reads
 * 0 dB in that band, a sine of amplitude A reads {@code 20 log10(A)}. White noise of variance
 * {@code s^2} reads {@code 10 log10(2 s^2 (fu - fl) / (fs / 2))} in the band fl..fu, i.e. its
 * band levels rise by 10 log10(2) = 3.01 dB per octave. Zero power reads {@link #FLOOR_DB}
 * rather than minus infinity.
 *
 * <p><b>Stereo.</b> For band sums over bins and frames of the channel spectra,
 * {@code correlation = Re(sum L R*) / sqrt(sum |L|^2 * sum |R|^2)} (+1 identical, 0 unrelated,
 * -1 inverted) and {@code sideShare = side / (mid + side)} power (0 mono, 0.5 for uncorrelated
 * channels of equal power, 1 for inverted channels). A band silent in both channels has
 * correlation 1 and side share 0 (a silent pair is identical); a band silent in one channel
 * only has correlation 0. For a mono signal side is {@link #FLOOR_DB}, correlation 1 and side
 * share 0 everywhere.
 */
public final class LongTermSpectrum {

    /** The level reported for zero power: far below any 32-bit float signal's noise floor. */
    public static final double FLOOR_DB = -200.0;

    private final FractionalOctaveBands bands;
    private final int sampleRate;
    private final int channels;
    private final int frameSize;
    private final int segments;
    private final long samples;
    private final double[] midDb;
    private final double[] sideDb;
    private final double[] totalDb;
    private final double[] correlation;
    private final double[] sideShare;
    private final double broadbandCorrelation;

    LongTermSpectrum(FractionalOctaveBands bands, int sampleRate, int channels, int frameSize,
            int segments, long samples, double[] midPower, double[] sidePower, double[] correlation,
            double[] sideShare, double broadbandCorrelation) {
        this.bands = bands;
        this.sampleRate = sampleRate;
        this.channels = channels;
        this.frameSize = frameSize;
        this.segments = segments;
        this.samples = samples;
        this.midDb = new double[midPower.length];
        this.sideDb = new double[sidePower.length];
        this.totalDb = new double[midPower.length];
        for (int i = 0; i < midPower.length; i++) {
            midDb[i] = powerToDb(midPower[i]);
            sideDb[i] = powerToDb(sidePower[i]);
            totalDb[i] = powerToDb(midPower[i] + sidePower[i]);
        }
        this.correlation = correlation;
        this.sideShare = sideShare;
        this.broadbandCorrelation = broadbandCorrelation;
    }

    /** Converts a power relative to a full-scale sine's (1/2) to dB, floored at {@link #FLOOR_DB}. */
    static double powerToDb(double power) {
        double relative = power / 0.5;
        return relative > 1e-20 ? 10.0 * Math.log10(relative) : FLOOR_DB;
    }

    public FractionalOctaveBands bands() {
        return bands;
    }

    public int bandCount() {
        return bands.count();
    }

    public double[] centres() {
        return bands.centres();
    }

    public double[] lowerEdges() {
        return bands.lowerEdges();
    }

    public double[] upperEdges() {
        return bands.upperEdges();
    }

    public int sampleRate() {
        return sampleRate;
    }

    /** 1 (mono) or 2 (stereo). */
    public int channels() {
        return channels;
    }

    /** The FFT frame length used (Hann window, hop frameSize/2). */
    public int frameSize() {
        return frameSize;
    }

    /** How many (possibly partial) Hann frames were averaged. */
    public int segments() {
        return segments;
    }

    /** How many sample frames were analysed. */
    public long samples() {
        return samples;
    }

    /** Mid band levels, dB re full-scale sine. */
    public double[] midDb() {
        return midDb.clone();
    }

    public double midDb(int band) {
        return midDb[band];
    }

    /** Side band levels, dB re full-scale sine; {@link #FLOOR_DB} for mono input. */
    public double[] sideDb() {
        return sideDb.clone();
    }

    public double sideDb(int band) {
        return sideDb[band];
    }

    /**
     * Mid plus side power, i.e. the mean of the two channels' powers {@code (|L|^2 + |R|^2) / 2}
     * (for mono, the channel's power): the tonal balance of the whole stereo image, in dB.
     */
    public double[] totalDb() {
        return totalDb.clone();
    }

    /** Per-band inter-channel correlation in [-1, 1]. */
    public double[] correlation() {
        return correlation.clone();
    }

    public double correlation(int band) {
        return correlation[band];
    }

    /** Per-band width as side power / (mid + side) power, in [0, 1]. */
    public double[] sideShare() {
        return sideShare.clone();
    }

    public double sideShare(int band) {
        return sideShare[band];
    }

    /**
     * Per-band side-to-mid power ratio (0 for mono, 1 for uncorrelated equal channels,
     * {@link Double#POSITIVE_INFINITY} only when mid is exactly zero and side is not).
     */
    public double sideToMidRatio(int band) {
        double share = sideShare[band];
        return share >= 1.0 ? Double.POSITIVE_INFINITY : share / (1.0 - share);
    }

    /** Time-domain Pearson correlation of L and R over the whole signal (1 for mono). */
    public double broadbandCorrelation() {
        return broadbandCorrelation;
    }
}
