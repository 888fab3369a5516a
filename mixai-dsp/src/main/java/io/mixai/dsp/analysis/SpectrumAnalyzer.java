package io.mixai.dsp.analysis;

import io.mixai.audio.AudioBlock;
import io.mixai.audio.AudioBuffer;
import io.mixai.dsp.spectral.RealFft;
import java.util.Arrays;

/**
 * Streams a whole mono or stereo signal into its {@link LongTermSpectrum}: Welch's averaged
 * periodogram (P. D. Welch, IEEE Trans. Audio Electroacoust. AU-15, 1967) of periodic-Hann
 * frames with 50 % overlap, summed into fractional-octave bands.
 *
 * <p><b>Frame size.</b> By default the smallest power of two of at least half a second
 * ({@link #defaultFrameSize(int)}: 32768 points at 44.1 and 48 kHz), so bins are at most 2 Hz
 * apart and the lowest 1/3-octave band (17.5-22.1 Hz, 4.6 Hz wide) spans 2.3 to 4.6 bins.
 * The Hann main lobe is 4 bins wide, so finer bands are resolution-limited where they are
 * narrower than about 4 bins (1/24-octave bands below about 200 Hz at 48 kHz): there a pure
 * tone spreads into the neighbouring bands, while broadband levels stay unbiased.
 *
 * <p><b>Power normalisation.</b> Per frame, bin power is {@code c_k |X_k|^2 / (N sum w^2)}
 * with {@code c_k = 2} except at DC and Nyquist, so the bins of one frame add up to the mean
 * square of the signal (Parseval) whatever the window; frames are averaged weighted by their
 * window energy. A band's power is the sum of its bins, each bin counted with the fraction of
 * its width {@code [(k - 1/2) df, (k + 1/2) df]} that lies inside the band edges, so the bands
 * share the bins without gaps or double counting.
 *
 * <p><b>Streaming.</b> {@link #process(AudioBlock)} takes blocks of any size, allocates nothing
 * and gives bit-identical results however the signal is cut into blocks. {@link #result()}
 * also covers the samples after the last full frame: with m such samples (0 < m < N/2) it adds
 * the frame made of the last N samples, weighted m / (N/2) so every sample keeps about the
 * weight the 50 % overlap gives it. As in any Welch estimate, the first and last half frame
 * (about 0.34 s at 48 kHz) lie under only the rising or falling half of a window and so weigh
 * less: an event there counts less than the same event mid-file. A signal shorter than one frame is analysed as a single
 * Hann window of its own length, zero-padded to N (coarser resolution, no truncation leakage).
 * {@code result()} does not disturb the running analysis. Non-finite input samples count as
 * zero.
 *
 * <p>Only the channel spectra L and R are accumulated (|L|^2, |R|^2 and Re(L R*) per bin); mid
 * and side follow exactly from them: |M|^2 = (|L|^2 + |R|^2 + 2 Re(L R*)) / 4 and
 * |S|^2 = (|L|^2 + |R|^2 - 2 Re(L R*)) / 4. One instance serves one thread.
 */
public final class SpectrumAnalyzer {

    private final int sampleRate;
    private final int channels;
    private final int frameSize;
    private final int hop;
    private final FractionalOctaveBands bands;
    private final BinWeights weights;

    private final RealFft fft;
    private final double[] window;
    private final double fullWindowEnergy;
    private final double[][] frame;
    /** The hop samples that left the frame buffer after the last full frame (for the tail frame). */
    private final double[][] previousHop;
    private final double[] windowed;
    private final double[] spectrumLeft;
    private final double[] spectrumRight;

    private final double[] powerLeft;
    private final double[] powerRight;
    private final double[] cross;
    private double windowEnergy;
    private int segments;
    private int fill;
    private long samples;

    // Time-domain sums for the broadband Pearson correlation.
    private double sumL;
    private double sumR;
    private double sumLL;
    private double sumRR;
    private double sumLR;

    /** An analyzer over the audio range ({@link FractionalOctaveBands#audioRange}) with the default frame size. */
    public SpectrumAnalyzer(int sampleRate, int channels, int bandsPerOctave) {
        this(sampleRate, channels, FractionalOctaveBands.audioRange(bandsPerOctave, sampleRate),
                defaultFrameSize(sampleRate));
    }

    /**
     * @param frameSize FFT frame length, a power of two of at least 64
     * @throws IllegalArgumentException for a channel count other than 1 or 2, a bad frame size,
     *     or bands above the Nyquist frequency
     */
    public SpectrumAnalyzer(int sampleRate, int channels, FractionalOctaveBands bands, int frameSize) {
        if (sampleRate < 1) {
            throw new IllegalArgumentException("sample rate must be positive, got " + sampleRate);
        }
        if (channels != 1 && channels != 2) {
            throw new IllegalArgumentException("spectrum analysis takes mono or stereo, got "
                    + channels + " channels");
        }
        if (frameSize < 64 || Integer.bitCount(frameSize) != 1) {
            throw new IllegalArgumentException("frame size must be a power of two >= 64, got " + frameSize);
        }
        if (bands.upperEdge(bands.count() - 1) > sampleRate / 2.0) {
            throw new IllegalArgumentException(bands + " reach above the Nyquist frequency of "
                    + sampleRate + " Hz");
        }
        this.sampleRate = sampleRate;
        this.channels = channels;
        this.frameSize = frameSize;
        this.hop = frameSize / 2;
        this.bands = bands;
        this.weights = new BinWeights(bands, frameSize, sampleRate);
        this.fft = RealFft.create(frameSize);
        this.window = new double[frameSize];
        double energy = 0;
        for (int n = 0; n < frameSize; n++) {
            // Periodic Hann: overlapping frames at hop N/2 add to a constant.
            window[n] = 0.5 - 0.5 * Math.cos(2.0 * Math.PI * n / frameSize);
            energy += window[n] * window[n];
        }
        this.fullWindowEnergy = energy;
        this.frame = new double[channels][frameSize];
        this.previousHop = new double[channels][hop];
        this.windowed = new double[frameSize];
        this.spectrumLeft = new double[frameSize + 2];
        this.spectrumRight = new double[frameSize + 2];
        int bins = frameSize / 2 + 1;
        this.powerLeft = new double[bins];
        this.powerRight = channels == 2 ? new double[bins] : null;
        this.cross = channels == 2 ? new double[bins] : null;
    }

    /** The smallest power of two of at least half a second of samples (bins at most 2 Hz apart). */
    public static int defaultFrameSize(int sampleRate) {
        int size = 64;
        while (size < (sampleRate + 1) / 2) {
            size <<= 1;
        }
        return size;
    }

    /** Analyses a whole buffer with the default settings. */
    public static LongTermSpectrum analyze(AudioBuffer buffer, int bandsPerOctave) {
        SpectrumAnalyzer analyzer = new SpectrumAnalyzer(buffer.sampleRate(), buffer.channelCount(),
                bandsPerOctave);
        analyzer.process(buffer.block());
        return analyzer.result();
    }

    public int sampleRate() {
        return sampleRate;
    }

    public int channels() {
        return channels;
    }

    public int frameSize() {
        return frameSize;
    }

    public FractionalOctaveBands bands() {
        return bands;
    }

    /** Adds a block of any length to the analysis; allocates nothing. */
    public void process(AudioBlock block) {
        if (block.channelCount() != channels) {
            throw new IllegalArgumentException("analyzer set up for " + channels
                    + " channels got a block of " + block.channelCount());
        }
        int frames = block.frames();
        int offset = block.offset();
        float[] left = block.channel(0);
        float[] right = channels == 2 ? block.channel(1) : null;
        int done = 0;
        while (done < frames) {
            int take = Math.min(frameSize - fill, frames - done);
            if (right == null) {
                copyMono(left, offset + done, take);
            } else {
                copyStereo(left, right, offset + done, take);
            }
            fill += take;
            done += take;
            if (fill == frameSize) {
                analyseFrame(frame, window, 1.0, powerLeft, powerRight, cross);
                windowEnergy += fullWindowEnergy;
                segments++;
                for (int c = 0; c < channels; c++) {
                    System.arraycopy(frame[c], 0, previousHop[c], 0, hop);
                    System.arraycopy(frame[c], hop, frame[c], 0, frameSize - hop);
                }
                fill = frameSize - hop;
            }
        }
        samples += frames;
    }

    private static float finite(float x) {
        return Math.abs(x) <= Float.MAX_VALUE ? x : 0f;
    }

    private void copyMono(float[] left, int from, int count) {
        double[] target = frame[0];
        for (int i = 0; i < count; i++) {
            double l = finite(left[from + i]);
            target[fill + i] = l;
        }
    }

    private void copyStereo(float[] left, float[] right, int from, int count) {
        double[] targetL = frame[0];
        double[] targetR = frame[1];
        double sl = sumL;
        double sr = sumR;
        double sll = sumLL;
        double srr = sumRR;
        double slr = sumLR;
        for (int i = 0; i < count; i++) {
            double l = finite(left[from + i]);
            double r = finite(right[from + i]);
            targetL[fill + i] = l;
            targetR[fill + i] = r;
            sl += l;
            sr += r;
            sll += l * l;
            srr += r * r;
            slr += l * r;
        }
        sumL = sl;
        sumR = sr;
        sumLL = sll;
        sumRR = srr;
        sumLR = slr;
    }

    /**
     * Windows {@code frames} (the window may be shorter than the frame: zeros follow) and adds
     * {@code weight} times the bin powers to the accumulators.
     */
    private void analyseFrame(double[][] frames, double[] win, double weight, double[] accLeft,
            double[] accRight, double[] accCross) {
        transform(frames[0], win, spectrumLeft);
        int bins = frameSize / 2 + 1;
        if (accRight == null) {
            for (int k = 0; k < bins; k++) {
                double re = spectrumLeft[2 * k];
                double im = spectrumLeft[2 * k + 1];
                accLeft[k] += weight * (re * re + im * im);
            }
            return;
        }
        transform(frames[1], win, spectrumRight);
        for (int k = 0; k < bins; k++) {
            double reL = spectrumLeft[2 * k];
            double imL = spectrumLeft[2 * k + 1];
            double reR = spectrumRight[2 * k];
            double imR = spectrumRight[2 * k + 1];
            accLeft[k] += weight * (reL * reL + imL * imL);
            accRight[k] += weight * (reR * reR + imR * imR);
            accCross[k] += weight * (reL * reR + imL * imR);
        }
    }

    private void transform(double[] samplesIn, double[] win, double[] spectrum) {
        int length = win.length;
        for (int n = 0; n < length; n++) {
            windowed[n] = samplesIn[n] * win[n];
        }
        Arrays.fill(windowed, length, frameSize, 0.0);
        fft.forward(windowed, 0, spectrum);
    }

    /** Forgets everything analysed so far. */
    public void reset() {
        Arrays.fill(powerLeft, 0.0);
        if (powerRight != null) {
            Arrays.fill(powerRight, 0.0);
            Arrays.fill(cross, 0.0);
        }
        for (int c = 0; c < channels; c++) {
            Arrays.fill(frame[c], 0.0);
            Arrays.fill(previousHop[c], 0.0);
        }
        windowEnergy = 0;
        segments = 0;
        fill = 0;
        samples = 0;
        sumL = sumR = sumLL = sumRR = sumLR = 0;
    }

    /**
     * The spectrum of everything processed so far (allocates; the analysis can go on afterwards).
     * With no samples at all every level is {@link LongTermSpectrum#FLOOR_DB}.
     */
    public LongTermSpectrum result() {
        double[] accLeft = powerLeft.clone();
        double[] accRight = powerRight == null ? null : powerRight.clone();
        double[] accCross = cross == null ? null : cross.clone();
        double energy = windowEnergy;
        int segmentCount = segments;
        if (segments == 0 && fill > 0) {
            // Shorter than one frame: one Hann window over exactly the samples there are.
            double[] shortWindow = new double[fill];
            for (int n = 0; n < fill; n++) {
                shortWindow[n] = 0.5 - 0.5 * Math.cos(2.0 * Math.PI * n / fill);
                energy += shortWindow[n] * shortWindow[n];
            }
            analyseFrame(frame, shortWindow, 1.0, accLeft, accRight, accCross);
            segmentCount++;
        } else if (fill > frameSize - hop) {
            // m new samples since the last full frame: add the frame of the last N samples,
            // weighted m / hop.
            int fresh = fill - (frameSize - hop);
            double[][] last = new double[channels][frameSize];
            for (int c = 0; c < channels; c++) {
                int older = frameSize - fill;
                System.arraycopy(previousHop[c], hop - older, last[c], 0, older);
                System.arraycopy(frame[c], 0, last[c], older, fill);
            }
            double weight = fresh / (double) hop;
            analyseFrame(last, window, weight, accLeft, accRight, accCross);
            energy += weight * fullWindowEnergy;
            segmentCount++;
        }
        int count = bands.count();
        double[] mid = new double[count];
        double[] side = new double[count];
        double[] correlation = new double[count];
        double[] sideShare = new double[count];
        if (energy > 0) {
            double scale = 1.0 / (frameSize * energy);
            for (int b = 0; b < count; b++) {
                double l = weights.bandSum(b, accLeft) * scale;
                if (accRight == null) {
                    mid[b] = l;
                    correlation[b] = 1.0;
                    continue;
                }
                double r = weights.bandSum(b, accRight) * scale;
                double c = weights.bandSum(b, accCross) * scale;
                mid[b] = Math.max(0.0, (l + r + 2 * c) / 4);
                side[b] = Math.max(0.0, (l + r - 2 * c) / 4);
                correlation[b] = correlation(c, l, r);
                double both = mid[b] + side[b];
                sideShare[b] = both > 0 ? side[b] / both : 0.0;
            }
        } else {
            Arrays.fill(correlation, 1.0);
        }
        return new LongTermSpectrum(bands, sampleRate, channels, frameSize, segmentCount, samples,
                mid, side, correlation, sideShare, broadbandCorrelation());
    }

    private double broadbandCorrelation() {
        if (channels == 1) {
            return 1.0;
        }
        if (samples == 0) {
            return 1.0;
        }
        double n = samples;
        double covariance = sumLR - sumL * sumR / n;
        double varianceL = sumLL - sumL * sumL / n;
        double varianceR = sumRR - sumR * sumR / n;
        return correlation(covariance, varianceL, varianceR);
    }

    /** {@code c / sqrt(a b)} clamped to [-1, 1]; 1 if both powers are zero, 0 if one is. */
    private static double correlation(double c, double a, double b) {
        // Powers this small are float rounding noise relative to any audible signal.
        boolean silentA = !(a > 1e-300);
        boolean silentB = !(b > 1e-300);
        if (silentA && silentB) {
            return 1.0;
        }
        if (silentA || silentB) {
            return 0.0;
        }
        double rho = c / Math.sqrt(a * b);
        return Math.max(-1.0, Math.min(1.0, rho));
    }

    /**
     * For every band, the bins it touches and the fraction of each bin's width inside it, with
     * the one-sided power factor (2, or 1 at DC and Nyquist) folded in.
     */
    private static final class BinWeights {
        private final int[] firstBin;
        private final double[][] weight;

        BinWeights(FractionalOctaveBands bands, int frameSize, int sampleRate) {
            double binHz = sampleRate / (double) frameSize;
            int lastBin = frameSize / 2;
            firstBin = new int[bands.count()];
            weight = new double[bands.count()][];
            for (int b = 0; b < bands.count(); b++) {
                double lo = bands.lowerEdge(b) / binHz;
                double hi = bands.upperEdge(b) / binHz;
                int first = Math.max(0, (int) Math.floor(lo + 0.5));
                int last = Math.min(lastBin, (int) Math.floor(hi + 0.5));
                firstBin[b] = first;
                weight[b] = new double[last - first + 1];
                for (int k = first; k <= last; k++) {
                    double overlap = Math.min(hi, k + 0.5) - Math.max(lo, k - 0.5);
                    double oneSided = (k == 0 || k == lastBin) ? 1.0 : 2.0;
                    weight[b][k - first] = Math.max(0.0, overlap) * oneSided;
                }
            }
        }

        double bandSum(int band, double[] binPower) {
            double[] w = weight[band];
            int first = firstBin[band];
            double sum = 0;
            for (int i = 0; i < w.length; i++) {
                sum += w[i] * binPower[first + i];
            }
            return sum;
        }
    }
}
