package io.mixai.dsp.analysis;

import io.mixai.audio.AudioBlock;
import io.mixai.audio.AudioBuffer;
import io.mixai.param.InvalidParameterException;
import java.util.OptionalDouble;

/**
 * An "EBU Mode" loudness meter (EBU Tech 3341, EBU R 128) built on ITU-R BS.1770-4, with true
 * peak and sample peak.
 *
 * <ul>
 *   <li>K-weighting designed for the actual sample rate ({@link KWeighting}), then per channel
 *       mean square, weighted by {@link ChannelWeights} (LFE excluded, surrounds +1.5 dB).</li>
 *   <li>Momentary loudness: the last 400 ms; short-term loudness: the last 3 s. Both are updated
 *       every 10 ms (a 100 Hz refresh, which Tech 3341's maximum-momentary cases need: with a
 *       100 ms refresh a 400 ms burst can read 0.6 LU low), and their maxima are kept.</li>
 *   <li>Integrated loudness (BS.1770-4 §2.8): 400 ms blocks every 100 ms (75 % overlap), absolute
 *       gate −70 LUFS, relative gate −10 LU.</li>
 *   <li>Loudness range (EBU Tech 3342): 3 s short-term blocks every 100 ms (the 2016 revision
 *       asks for at least 10 Hz; libebur128 still steps 1 s, so on programmes that change
 *       quickly the two differ), absolute gate −70 LUFS, relative gate −20 LU, 95th minus 10th
 *       percentile.</li>
 *   <li>True peak and sample peak through a {@link TruePeakMeter}.</li>
 * </ul>
 *
 * <p>Time is cut into 10 ms sub-blocks ({@code round(fs / 100)} frames: exactly 10 ms at every
 * rate divisible by 100), each keeping one channel-weighted energy; windows are sums of whole
 * sub-blocks. Blocks are gated through {@link GatedHistogram}s, so memory stays constant however
 * long the programme (about 330 kB per meter), and the result is bit-identical whatever block
 * sizes the stream comes in.
 * {@link #process(AudioBlock)} allocates nothing. Loudness that cannot be measured (silence,
 * a programme shorter than the window) is an empty {@link OptionalDouble}.
 *
 * <p>Not thread-safe: one meter per stream.
 */
public final class LoudnessMeter {

    /** BS.1770-4 relative gate for integrated loudness. */
    public static final double RELATIVE_GATE_LU = -10.0;
    /** EBU Tech 3342 relative gate for loudness range. */
    public static final double LRA_RELATIVE_GATE_LU = -20.0;

    private static final int SUB_BLOCKS_PER_HOP = 10;
    private static final int MOMENTARY_SUB_BLOCKS = 40;
    private static final int SHORT_TERM_SUB_BLOCKS = 300;
    /** Filter state below this is flushed to zero at sub-block boundaries (denormal guard). */
    private static final double DENORMAL = io.mixai.dsp.effect.SafeSamples.FLOOR;

    private final int sampleRate;
    private final ChannelWeights channelWeights;
    private final double[] weights;
    /** Channel weight times the square of the high-pass numerator gain (applied to sums, not samples). */
    private final double[] energyScale;
    private final int subBlockFrames;

    // K-weighting, stage 1 (shelf) and stage 2 (high-pass, run with numerator 1, -2, 1).
    private final double pb0;
    private final double pb1;
    private final double pb2;
    private final double pa1;
    private final double pa2;
    private final double ha1;
    private final double ha2;
    // Transposed direct form II state per channel.
    private final double[] shelfZ1;
    private final double[] shelfZ2;
    private final double[] highPassZ1;
    private final double[] highPassZ2;

    private final double[] channelSquares;
    private int subBlockFill;
    /** Channel-weighted sums of squares of the last SHORT_TERM_SUB_BLOCKS sub-blocks (ring). */
    private final double[] subBlockEnergy = new double[SHORT_TERM_SUB_BLOCKS];
    private long subBlocks;
    private long nonFiniteSubBlocks;
    private long frames;

    private double momentary;
    private double shortTerm;
    private double maxMomentary;
    private double maxShortTerm;

    /** True peak (linear) of each of the last 30 hops (3 s), ring; and of the hop in progress. */
    private final float[] hopTruePeaks = new float[SHORT_TERM_SUB_BLOCKS / SUB_BLOCKS_PER_HOP];
    private float hopTruePeak;
    private HopListener hopListener;

    private final GatedHistogram integratedBlocks = new GatedHistogram();
    private final GatedHistogram shortTermBlocks = new GatedHistogram();
    private final TruePeakMeter peaks;

    /** A meter for the conventional layout of {@code channelCount} channels ({@link ChannelWeights#conventional}). */
    public LoudnessMeter(int sampleRate, int channelCount) {
        this(sampleRate, ChannelWeights.conventional(channelCount));
    }

    /** A meter for a given channel layout. */
    public LoudnessMeter(int sampleRate, ChannelWeights channelWeights) {
        KWeighting.checkSampleRate(sampleRate);
        if (channelWeights == null) {
            throw new InvalidParameterException("loudness", "channelWeights", "must not be null");
        }
        this.sampleRate = sampleRate;
        this.channelWeights = channelWeights;
        this.weights = channelWeights.toArray();
        this.subBlockFrames = Math.max(1, (int) Math.round(sampleRate / 100.0));
        KWeighting.Biquad shelf = KWeighting.preFilter(sampleRate);
        KWeighting.Biquad highPass = KWeighting.highPass(sampleRate);
        pb0 = shelf.b0();
        pb1 = shelf.b1();
        pb2 = shelf.b2();
        pa1 = shelf.a1();
        pa2 = shelf.a2();
        ha1 = highPass.a1();
        ha2 = highPass.a2();
        int channels = weights.length;
        // The high-pass numerator is b0 * {1, -2, 1}: filter with {1, -2, 1} and scale the energy by b0².
        energyScale = new double[channels];
        for (int c = 0; c < channels; c++) {
            energyScale[c] = weights[c] * highPass.b0() * highPass.b0();
        }
        shelfZ1 = new double[channels];
        shelfZ2 = new double[channels];
        highPassZ1 = new double[channels];
        highPassZ2 = new double[channels];
        channelSquares = new double[channels];
        peaks = new TruePeakMeter(sampleRate, channels);
        reset();
    }

    /** Measures a whole buffer with the conventional layout for its channel count. */
    public static LoudnessResult measure(AudioBuffer buffer) {
        return measure(buffer, ChannelWeights.conventional(buffer.channelCount()));
    }

    /** Measures a whole buffer with the given layout. */
    public static LoudnessResult measure(AudioBuffer buffer, ChannelWeights weights) {
        LoudnessMeter meter = new LoudnessMeter(buffer.sampleRate(), weights);
        meter.process(buffer.block());
        return meter.result();
    }

    public int sampleRate() {
        return sampleRate;
    }

    public int channelCount() {
        return weights.length;
    }

    public ChannelWeights channelWeights() {
        return channelWeights;
    }

    /** Frames processed since construction or the last reset. */
    public long frames() {
        return frames;
    }

    /**
     * Sub-blocks whose samples were not finite (NaN or infinity in the input); they are measured
     * as silence and the filters restart after them.
     */
    public long nonFiniteSubBlocks() {
        return nonFiniteSubBlocks;
    }

    /**
     * Receives a call every 100 ms of programme (every gating hop), after the meter's values
     * have been updated: to record loudness over time ({@link LoudnessTimeline}) or drive a
     * display. It runs inside {@link #process(AudioBlock)}, so it should be quick.
     */
    @FunctionalInterface
    public interface HopListener {
        void onHop(LoudnessMeter meter);
    }

    /** Sets the listener called every 100 ms hop (null for none). */
    public void setHopListener(HopListener listener) {
        this.hopListener = listener;
    }

    /**
     * Measures a block (read only; any number of frames). Allocates nothing (a hop listener
     * may).
     */
    public void process(AudioBlock block) {
        peaks.checkChannels(block);
        int end = block.frames();
        int position = 0;
        while (position < end) {
            int chunk = Math.min(end - position, subBlockFrames - subBlockFill);
            int from = block.offset() + position;
            int c = 0;
            for (; c + 1 < weights.length; c += 2) {
                filterAndSquarePair(c, block.channel(c), block.channel(c + 1), from, chunk);
            }
            if (c < weights.length) {
                filterAndSquare(c, block.channel(c), from, chunk);
            }
            hopTruePeak = Math.max(hopTruePeak, peaks.processRangeAbove(block, position, chunk, hopTruePeak));
            position += chunk;
            frames += chunk;
            subBlockFill += chunk;
            if (subBlockFill == subBlockFrames) {
                finishSubBlock();
            }
        }
    }

    /** K-weights one channel's samples and adds their squares to the sub-block's sum. */
    private void filterAndSquare(int c, float[] x, int from, int n) {
        double b0 = pb0;
        double b1 = pb1;
        double b2 = pb2;
        double a1 = pa1;
        double a2 = pa2;
        double h1 = ha1;
        double h2 = ha2;
        double s1 = shelfZ1[c];
        double s2 = shelfZ2[c];
        double r1 = highPassZ1[c];
        double r2 = highPassZ2[c];
        double sum = channelSquares[c];
        for (int i = from; i < from + n; i++) {
            double in = x[i];
            double shelf = b0 * in + s1;
            s1 = b1 * in - a1 * shelf + s2;
            s2 = b2 * in - a2 * shelf;
            double out = shelf + r1;
            r1 = -2.0 * shelf - h1 * out + r2;
            r2 = shelf - h2 * out;
            sum += out * out;
        }
        shelfZ1[c] = s1;
        shelfZ2[c] = s2;
        highPassZ1[c] = r1;
        highPassZ2[c] = r2;
        channelSquares[c] = sum;
    }

    /**
     * {@link #filterAndSquare} for two channels in one loop. Each channel's filter is a
     * recurrence whose speed is bound by the latency of its multiply-add chain; running two
     * independent chains side by side lets the CPU overlap them. Same arithmetic per channel, so
     * the same bits as the single-channel loop.
     */
    private void filterAndSquarePair(int c, float[] x, float[] y, int from, int n) {
        double b0 = pb0;
        double b1 = pb1;
        double b2 = pb2;
        double a1 = pa1;
        double a2 = pa2;
        double h1 = ha1;
        double h2 = ha2;
        int d = c + 1;
        double s1 = shelfZ1[c];
        double s2 = shelfZ2[c];
        double r1 = highPassZ1[c];
        double r2 = highPassZ2[c];
        double sum = channelSquares[c];
        double t1 = shelfZ1[d];
        double t2 = shelfZ2[d];
        double q1 = highPassZ1[d];
        double q2 = highPassZ2[d];
        double sumY = channelSquares[d];
        for (int i = from; i < from + n; i++) {
            double in = x[i];
            double inY = y[i];
            double shelf = b0 * in + s1;
            double shelfY = b0 * inY + t1;
            s1 = b1 * in - a1 * shelf + s2;
            t1 = b1 * inY - a1 * shelfY + t2;
            s2 = b2 * in - a2 * shelf;
            t2 = b2 * inY - a2 * shelfY;
            double out = shelf + r1;
            double outY = shelfY + q1;
            r1 = -2.0 * shelf - h1 * out + r2;
            q1 = -2.0 * shelfY - h1 * outY + q2;
            r2 = shelf - h2 * out;
            q2 = shelfY - h2 * outY;
            sum += out * out;
            sumY += outY * outY;
        }
        shelfZ1[c] = s1;
        shelfZ2[c] = s2;
        highPassZ1[c] = r1;
        highPassZ2[c] = r2;
        channelSquares[c] = sum;
        shelfZ1[d] = t1;
        shelfZ2[d] = t2;
        highPassZ1[d] = q1;
        highPassZ2[d] = q2;
        channelSquares[d] = sumY;
    }

    private void finishSubBlock() {
        double energy = 0;
        for (int c = 0; c < weights.length; c++) {
            energy += energyScale[c] * channelSquares[c];
            channelSquares[c] = 0;
            shelfZ1[c] = flush(shelfZ1[c]);
            shelfZ2[c] = flush(shelfZ2[c]);
            highPassZ1[c] = flush(highPassZ1[c]);
            highPassZ2[c] = flush(highPassZ2[c]);
        }
        if (!Double.isFinite(energy)) {
            // NaN or infinity in the input: measure this sub-block as silence, restart the filters.
            nonFiniteSubBlocks++;
            energy = 0;
            java.util.Arrays.fill(shelfZ1, 0);
            java.util.Arrays.fill(shelfZ2, 0);
            java.util.Arrays.fill(highPassZ1, 0);
            java.util.Arrays.fill(highPassZ2, 0);
        }
        subBlockFill = 0;
        subBlockEnergy[(int) (subBlocks % SHORT_TERM_SUB_BLOCKS)] = energy;
        subBlocks++;
        if (subBlocks >= MOMENTARY_SUB_BLOCKS) {
            momentary = windowMeanSquare(MOMENTARY_SUB_BLOCKS);
            maxMomentary = Math.max(maxMomentary, momentary);
        }
        if (subBlocks >= SHORT_TERM_SUB_BLOCKS) {
            shortTerm = windowMeanSquare(SHORT_TERM_SUB_BLOCKS);
            maxShortTerm = Math.max(maxShortTerm, shortTerm);
        }
        if (subBlocks % SUB_BLOCKS_PER_HOP == 0) {
            if (subBlocks >= MOMENTARY_SUB_BLOCKS) {
                integratedBlocks.add(momentary);
            }
            if (subBlocks >= SHORT_TERM_SUB_BLOCKS) {
                shortTermBlocks.add(shortTerm);
            }
            long hop = subBlocks / SUB_BLOCKS_PER_HOP - 1;
            hopTruePeaks[(int) (hop % hopTruePeaks.length)] = hopTruePeak;
            hopTruePeak = 0f;
            if (hopListener != null) {
                hopListener.onHop(this);
            }
        }
    }

    private static double flush(double v) {
        return Math.abs(v) < DENORMAL ? 0.0 : v;
    }

    /** Mean square over the last {@code count} sub-blocks, summed oldest first (deterministic order). */
    private double windowMeanSquare(int count) {
        double sum = 0;
        for (long s = subBlocks - count; s < subBlocks; s++) {
            sum += subBlockEnergy[(int) (s % SHORT_TERM_SUB_BLOCKS)];
        }
        return sum / ((double) count * subBlockFrames);
    }

    /** Loudness of the last 400 ms (updated every 10 ms); empty before 400 ms or on silence. */
    public OptionalDouble momentaryLufs() {
        return subBlocks >= MOMENTARY_SUB_BLOCKS ? toLufs(momentary) : OptionalDouble.empty();
    }

    /** Loudness of the last 3 s (updated every 10 ms); empty before 3 s or on silence. */
    public OptionalDouble shortTermLufs() {
        return subBlocks >= SHORT_TERM_SUB_BLOCKS ? toLufs(shortTerm) : OptionalDouble.empty();
    }

    /** The largest momentary loudness so far. */
    public OptionalDouble maxMomentaryLufs() {
        return toLufs(maxMomentary);
    }

    /** The largest short-term loudness so far. */
    public OptionalDouble maxShortTermLufs() {
        return toLufs(maxShortTerm);
    }

    /** Gated integrated loudness so far (BS.1770-4); empty if no 400 ms block passes the gates. */
    public OptionalDouble integratedLufs() {
        return integratedBlocks.gatedLoudness(RELATIVE_GATE_LU);
    }

    /** Loudness range so far (EBU Tech 3342), in LU; empty if no 3 s block passes the gates. */
    public OptionalDouble loudnessRangeLu() {
        return shortTermBlocks.percentileRange(LRA_RELATIVE_GATE_LU, 10, 95);
    }

    /**
     * True peak of the last 3 s (the short-term window, in whole 100 ms hops), in dBTP; empty
     * before 3 s or on digital silence. With {@link #shortTermLufs()} it gives the PSR.
     */
    public OptionalDouble shortTermTruePeakDbtp() {
        if (subBlocks < SHORT_TERM_SUB_BLOCKS) {
            return OptionalDouble.empty();
        }
        float peak = 0f;
        for (float p : hopTruePeaks) {
            peak = Math.max(peak, p);
        }
        return TruePeakMeter.toDb(peak);
    }

    /**
     * PSR (peak-to-short-term-loudness ratio) now: {@link #shortTermTruePeakDbtp()} minus
     * {@link #shortTermLufs()}, in dB; empty if either is.
     */
    public OptionalDouble peakToShortTermLoudnessRatioDb() {
        OptionalDouble peak = shortTermTruePeakDbtp();
        OptionalDouble loudness = shortTermLufs();
        return peak.isPresent() && loudness.isPresent()
                ? OptionalDouble.of(DynamicsDescriptors.psr(peak.getAsDouble(), loudness.getAsDouble()))
                : OptionalDouble.empty();
    }

    /** True peak so far in dBTP (includes the interpolator's tail); empty on digital silence. */
    public OptionalDouble truePeakDbtp() {
        return peaks.truePeakDbtp();
    }

    /** Sample peak so far in dBFS; empty on digital silence. */
    public OptionalDouble samplePeakDbfs() {
        return peaks.samplePeakDbfs();
    }

    /** All summary values now, as an immutable record. */
    public LoudnessResult result() {
        return new LoudnessResult(integratedLufs(), loudnessRangeLu(), maxMomentaryLufs(), maxShortTermLufs(),
                truePeakDbtp(), samplePeakDbfs(), frames, sampleRate);
    }

    private static OptionalDouble toLufs(double meanSquare) {
        return meanSquare > 0 && Double.isFinite(meanSquare)
                ? OptionalDouble.of(Loudness.lufs(meanSquare))
                : OptionalDouble.empty();
    }

    /** Forgets the programme measured so far; keeps sample rate, channel weights and hop listener. */
    public void reset() {
        java.util.Arrays.fill(shelfZ1, 0);
        java.util.Arrays.fill(shelfZ2, 0);
        java.util.Arrays.fill(highPassZ1, 0);
        java.util.Arrays.fill(highPassZ2, 0);
        java.util.Arrays.fill(channelSquares, 0);
        java.util.Arrays.fill(subBlockEnergy, 0);
        subBlockFill = 0;
        subBlocks = 0;
        nonFiniteSubBlocks = 0;
        frames = 0;
        momentary = 0;
        shortTerm = 0;
        maxMomentary = 0;
        maxShortTerm = 0;
        java.util.Arrays.fill(hopTruePeaks, 0f);
        hopTruePeak = 0f;
        integratedBlocks.clear();
        shortTermBlocks.clear();
        peaks.reset();
    }
}
