package io.mixai.dsp.dynamics;

import io.mixai.audio.AudioBlock;
import io.mixai.dsp.effect.AbstractEffect;
import io.mixai.param.ParameterSet;
import io.mixai.process.ProcessSpec;
import io.mixai.process.SidechainProcessor;
import java.util.Arrays;

/**
 * The {@code compressor} effect, a feed-forward design after Giannoulis, Massberg and Reiss
 * (JAES 2012), "log domain, smooth branching" variant:
 *
 * <ol>
 *   <li><b>Level</b> in dB of the detection signal (the input, or the external sidechain):
 *       peak detection uses the instantaneous {@code |x|}; RMS detection a running mean square
 *       with a fixed {@value #RMS_WINDOW_MS} ms time constant (short enough to follow the
 *       music, long enough that a 1 kHz tone's level ripples by under 0.02 dB).</li>
 *   <li><b>Stereo link</b>: each channel's level in dB is blended with the linked level (the
 *       loudest channel's peak, or the mean power of all channels for RMS) by
 *       {@code stereo_link_percent}; at 100 % every channel's detection is the linked level
 *       itself, so every channel gets the same gain.</li>
 *   <li><b>Static curve</b> ({@link CompressorCurve}): the gain reduction {@code x_L = x - y(x)}.</li>
 *   <li><b>Ballistics</b> on {@code x_L} in dB: a one-pole that rises with the attack and falls
 *       with the release coefficient, {@code alpha = exp(-1 / (tau fs))}. The time constant
 *       {@code tau} is the time a step in gain reduction (in dB) takes to reach 1 - 1/e (63 %)
 *       of its final value (exactly, for a detector input that steps; with RMS detection the
 *       mean-square averaging comes first and adds its own {@value #RMS_WINDOW_MS} ms lag).</li>
 *   <li><b>Make-up</b>: {@code makeup_db} plus, with {@code auto_makeup}, {@code -gain(0 dBFS)};
 *       changes glide with a {@value #MAKEUP_SMOOTHING_MS} ms one-pole, per sample.</li>
 *   <li><b>Look-ahead</b>: the audio is delayed by {@code round(lookahead_ms · fs / 1000)}
 *       samples behind the detector; that delay is the reported latency. It is fixed at
 *       {@link #prepare}.</li>
 * </ol>
 *
 * <p>Other parameters take effect at the start of the next block; threshold, ratio and knee
 * changes pass through the ballistics, so they do not click.
 *
 * <p><b>Speed.</b> The block is worked in chunks of {@value #CHUNK} frames, one stage at a time
 * over the whole chunk (so each stage is a tight loop whose iterations overlap, and no branch
 * waits on a logarithm): the detector levels, linear; the levels in dB; the make-up glide; per
 * channel the curve and the ballistics; the gains; the gain and the look-ahead delay on the
 * audio. The logarithm and exponential are {@link FastDecibels} (within 5e-10 dB of
 * {@code Math.log10}/{@code Math.pow}). A frame whose loudest level is under the knee's lower
 * edge, where the curve is flat, gets no reduction without looking at its level in dB (the
 * test is in the linear domain, against the edge converted once per parameter change), and a
 * chunk made only of such frames needs no logarithm at all; a gain in dB equal to the
 * previous one reuses its linear gain. At 100 % stereo link (or with a one-channel detector)
 * every channel's detection is the linked level itself (not the blend
 * {@code own + 1 · (linked - own)}, which differs by rounding), so while the channels' gain
 * reductions are equal, one reduction and one gain per frame serve all of them.
 * None of this depends on where blocks start: the output is the same for any block size.
 */
final class Compressor extends AbstractEffect implements SidechainProcessor {

    static final double RMS_WINDOW_MS = 20;
    static final double MAKEUP_SMOOTHING_MS = 20;
    /** Frames per pass; the scratch buffers are this long, whatever the host's block size. */
    static final int CHUNK = 256;
    private static final double FLOOR = 1e-30;
    private static final int ABS_MASK = 0x7FFF_FFFF;
    private static final int INFINITY_BITS = Float.floatToRawIntBits(Float.POSITIVE_INFINITY);
    /**
     * A gain reduction or make-up distance below this many dB is snapped to exactly zero: far
     * below audibility (and below a float sample's resolution), and it lets the gain settle at
     * exactly its target instead of creeping towards it for seconds, so the gain's dB value
     * repeats and its exponential is reused.
     */
    private static final double SETTLED_DB = 1e-9;

    // Prepared state (audio thread).
    private int sampleRate;
    private int channels;
    private int lookahead;
    private double[] meanSquare;    // [sidechain channel]
    private double[] reductionDb;   // [channel] smoothed gain reduction, >= 0
    private float[][] delay;        // [channel][lookahead + CHUNK]: the look-ahead's input, then the chunk's
    private double makeupDb;
    /** The last gain computed and its dB value: an exact repeat needs no exponential. */
    private double lastGainDb;
    private double lastGain;

    // Scratch, per chunk.
    private double[][] level;       // [sidechain channel][frame]: |x| or the mean square
    private double[][] levelDb;     // [sidechain channel][frame]: the same in dB
    private double[] linkedLevel;   // [frame]: the loudest |x| or the mean of the mean squares
    private double[] linkedDb;      // [frame]: the same in dB
    private double[] loudestPower;  // [frame]: the loudest channel's mean square (RMS, partial link)
    private double[] makeupTrack;   // [frame]: the make-up gain in dB
    private int[] loudestBits;      // [frame]: the float bits of the loudest |x|
    private double[] blended;       // [frame]: one channel's blend of own and linked level in dB
    private double[][] gain;        // [channel][frame]: the gain in dB, then linear; row 0 serves all when shared

    // The applied parameters and the coefficients derived from them.
    private final CompressorSettings settings = new CompressorSettings();
    private double attackCoef;
    private double releaseCoef;
    private double rmsCoef;
    private double makeupCoef;
    /** The curve's lower knee edge, {@code T - W/2}, in the detector's unit: amplitude (peak) or power (RMS). */
    private double kneeStart;
    /** Reduction per dB above the threshold, {@code 1 - 1/R}, and its knee form {@code (1 - 1/R) / 2W}. */
    private double slope;
    private double kneeFactor;

    Compressor(ParameterSet parameters) {
        super(CompressorProvider.TYPE, parameters);
    }

    @Override
    protected void onPrepare(ProcessSpec spec, ParameterSet parameters) {
        CompressorSettings s = settings;
        s.load(parameters);
        sampleRate = spec.sampleRate();
        channels = spec.channels();
        lookahead = (int) Math.round(s.lookaheadMs * sampleRate / 1000.0);
        meanSquare = new double[channels];
        reductionDb = new double[channels];
        delay = new float[channels][lookahead + CHUNK];
        level = new double[channels][CHUNK];
        levelDb = new double[channels][CHUNK];
        linkedLevel = new double[CHUNK];
        linkedDb = new double[CHUNK];
        loudestPower = new double[CHUNK];
        makeupTrack = new double[CHUNK];
        loudestBits = new int[CHUNK];
        blended = new double[CHUNK];
        gain = new double[channels][CHUNK];
        rmsCoef = Math.exp(-1000.0 / (RMS_WINDOW_MS * sampleRate));
        makeupCoef = Math.exp(-1000.0 / (MAKEUP_SMOOTHING_MS * sampleRate));
        deriveCoefficients();
        onReset();
    }

    /** Clears the detector, ballistics and delay; parameters set since the last block still glide in from the next one. */
    @Override
    protected void onReset() {
        Arrays.fill(meanSquare, 0);
        Arrays.fill(reductionDb, 0);
        for (float[] d : delay) {
            Arrays.fill(d, 0f);
        }
        makeupDb = settings.makeupDb; // start at the target: no glide after a reset
        lastGainDb = 0;
        lastGain = 1;
    }

    @Override
    public int latencySamples() {
        return spec() != null ? lookahead : 0;
    }

    @Override
    public int tailSamples() {
        return latencySamples();
    }

    @Override
    protected void onParameters(ParameterSet parameters) {
        settings.load(parameters); // the look-ahead it reads stays as prepared
        deriveCoefficients();
    }

    private void deriveCoefficients() {
        CompressorSettings s = settings;
        attackCoef = Math.exp(-1000.0 / (s.attackMs * sampleRate));
        releaseCoef = Math.exp(-1000.0 / (s.releaseMs * sampleRate));
        double kneeStartDb = s.thresholdDb - s.kneeDb / 2;
        kneeStart = Math.pow(10, kneeStartDb / (s.rms ? 10 : 20));
        slope = 1 - 1 / s.ratio;
        kneeFactor = s.kneeDb > 0 ? slope / (2 * s.kneeDb) : 0;
    }

    @Override
    protected void processBlock(AudioBlock block) {
        compress(block, block);
    }

    @Override
    public void process(AudioBlock main, AudioBlock sidechain) {
        if (spec() != null) { // checked before beginBlock, so a rejected pair leaves the parameters untouched
            int scChannels = sidechain.channelCount();
            if (scChannels > channels) {
                throw new IllegalArgumentException("compressor: the sidechain has " + scChannels
                        + " channels but the effect was prepared for " + channels);
            }
            if (sidechain.frames() != main.frames()) {
                throw new IllegalArgumentException("compressor: sidechain has " + sidechain.frames()
                        + " frames but the main block has " + main.frames());
            }
        }
        beginBlock(main);
        compress(main, sidechain);
    }

    /** Compresses {@code main} in place, detecting on {@code sidechain} (which may be {@code main}). */
    private void compress(AudioBlock main, AudioBlock sidechain) {
        int frames = main.frames();
        int mainChannels = main.channelCount();
        int scChannels = sidechain.channelCount();
        // With one linked detection for every channel, equal reductions stay equal: one gain serves all.
        boolean oneDetection = settings.link == 1 || scChannels == 1;
        for (int start = 0; start < frames; start += CHUNK) {
            int n = Math.min(CHUNK, frames - start);
            // Under the knee the curve is flat: a chunk that never reaches it needs no level in dB.
            boolean reachesKnee = measureLevels(sidechain, sidechain.offset() + start, n, !oneDetection) > kneeStart;
            if (reachesKnee) {
                levelsToDb(oneDetection, scChannels, n);
            }
            glideMakeup(n);
            boolean shared = oneDetection && reductionsEqual();
            // The linear level that decides whether a frame reaches the knee: the detection
            // itself, or for blends (RMS) the loudest channel's (for peak, that is the linked level).
            double[] gate = settings.rms && !oneDetection ? loudestPower : linkedLevel;
            for (int c = 0, rows = shared ? 1 : mainChannels; c < rows; c++) {
                double[] detected = oneDetection || !reachesKnee ? linkedDb
                        : blend(levelDb[c < scChannels ? c : c % scChannels], linkedDb, n);
                reductionDb[c] = smoothReductions(detected, gate, reductionDb[c], gain[c], n);
                toGains(gain[c], n);
            }
            if (shared) {
                Arrays.fill(reductionDb, reductionDb[0]);
            }
            for (int c = 0; c < mainChannels; c++) {
                applyGain(main.channel(c), main.offset() + start, n, delay[c], gain[shared ? 0 : c]);
            }
        }
    }

    /**
     * 1. The detector's levels, linear: |x| (peak) or the running mean square (RMS), per
     * channel; linked (the loudest |x|, or the mean of the mean squares); and for RMS with a
     * partial link the loudest channel's mean square, which gates the curve.
     *
     * @param perChannel whether each channel's own level is needed (peak detection: only when
     *     the link is partial; RMS keeps every channel's mean square anyway)
     * @return the highest gate level in the chunk
     */
    private double measureLevels(AudioBlock sidechain, int offset, int n, boolean perChannel) {
        int scChannels = sidechain.channelCount();
        double[] linked = linkedLevel;
        if (settings.rms) {
            double c = rmsCoef;
            Arrays.fill(linked, 0, n, 0.0);
            for (int j = 0; j < scChannels; j++) {
                float[] x = sidechain.channel(j);
                double[] own = level[j];
                double ms = meanSquare[j];
                for (int i = 0; i < n; i++) {
                    double v = sanitize(x[offset + i]);
                    ms = c * ms + (1 - c) * v * v;
                    if (ms < FLOOR) {
                        ms = 0;
                    }
                    own[i] = ms;
                    linked[i] += ms;
                }
                meanSquare[j] = ms;
            }
            for (int i = 0; i < n; i++) {
                linked[i] /= scChannels;
            }
            if (!perChannel) {
                return highest(linked, n); // the mean is the detection: it gates the curve
            }
            // Blends of each channel's and the mean power gate on the loudest channel's mean
            // square: the bits of non-negative doubles order as their values do, so an integer
            // maximum finds it (measured faster than comparing the doubles).
            double[] gate = loudestPower;
            System.arraycopy(level[0], 0, gate, 0, n);
            for (int j = 1; j < scChannels; j++) {
                double[] own = level[j];
                for (int i = 0; i < n; i++) {
                    gate[i] = Double.longBitsToDouble(Math.max(Double.doubleToRawLongBits(gate[i]),
                            Double.doubleToRawLongBits(own[i])));
                }
            }
            return highest(gate, n);
        }
        // Peak: |x| as the bits of a non-negative float, which order as the values do: the
        // loudest channel is an integer maximum (a conditional move, no branch to mispredict).
        int[] loudestBits = this.loudestBits;
        for (int j = 0; j < scChannels; j++) {
            float[] x = sidechain.channel(j);
            double[] own = level[j];
            for (int i = 0; i < n; i++) {
                int bits = Float.floatToRawIntBits(x[offset + i]) & ABS_MASK;
                bits = bits < INFINITY_BITS ? bits : 0; // infinity or NaN: treated as silence
                if (perChannel) {
                    own[i] = Float.intBitsToFloat(bits);
                }
                loudestBits[i] = j == 0 ? bits : Math.max(loudestBits[i], bits);
            }
        }
        int highestBits = 0;
        for (int i = 0; i < n; i++) {
            linked[i] = Float.intBitsToFloat(loudestBits[i]); // also the gate: the loudest is the linked level
            highestBits = Math.max(highestBits, loudestBits[i]);
        }
        return Float.intBitsToFloat(highestBits);
    }

    private static double highest(double[] levels, int n) {
        double highest = 0;
        for (int i = 0; i < n; i++) {
            if (levels[i] > highest) {
                highest = levels[i];
            }
        }
        return highest;
    }

    /**
     * 2. The levels the detection needs, in dB: the linked level, and with a partial link every
     * channel's; for peak detection the linked level in dB is then the loudest channel's, which
     * is already there, so it costs no logarithm of its own.
     */
    private void levelsToDb(boolean oneDetection, int scChannels, int n) {
        if (oneDetection) {
            toDb(linkedLevel, linkedDb, n);
            return;
        }
        for (int j = 0; j < scChannels; j++) {
            toDb(level[j], levelDb[j], n);
        }
        if (settings.rms) {
            toDb(linkedLevel, linkedDb, n);
            return;
        }
        double[] linked = linkedDb;
        System.arraycopy(levelDb[0], 0, linked, 0, n);
        for (int j = 1; j < scChannels; j++) {
            double[] own = levelDb[j];
            for (int i = 0; i < n; i++) {
                linked[i] = Math.max(linked[i], own[i]);
            }
        }
    }

    /** Levels to dB, floored at -300 dB. */
    private void toDb(double[] levels, double[] db, int n) {
        if (settings.rms) {
            for (int i = 0; i < n; i++) {
                db[i] = FastDecibels.powerToDb(levels[i]);
            }
        } else {
            for (int i = 0; i < n; i++) {
                db[i] = FastDecibels.amplitudeToDb(levels[i]);
            }
        }
    }

    /** 2a. One channel's detection in dB: its own level blended with the linked level by the stereo link. */
    private double[] blend(double[] ownDb, double[] linkedDb, int n) {
        double link = settings.link;
        double[] detected = blended;
        for (int i = 0; i < n; i++) {
            detected[i] = ownDb[i] + link * (linkedDb[i] - ownDb[i]);
        }
        return detected;
    }

    /** The make-up gain per frame on its glide to the target. */
    private void glideMakeup(int n) {
        double target = settings.makeupDb;
        double m = makeupDb;
        double c = makeupCoef;
        for (int i = 0; i < n; i++) {
            m = c * m + (1 - c) * target;
            if (Math.abs(m - target) < SETTLED_DB) {
                m = target;
            }
            makeupTrack[i] = m;
        }
        makeupDb = m;
    }

    private boolean reductionsEqual() {
        double[] r = reductionDb;
        for (int c = 1; c < r.length; c++) {
            if (r[c] != r[0]) {
                return false;
            }
        }
        return true;
    }

    /**
     * 3-4. The static curve and the ballistics for one channel (or all, when shared): the
     * total gain in dB (make-up less the smoothed reduction) per frame into {@code gainDb}. A
     * frame whose loudest channel is under the knee's start gets no reduction, decided on the
     * linear level (a blend of levels under the knee is under it too), the same way whether or
     * not the chunk's levels were converted to dB, so skipping that changes nothing.
     *
     * @param detectedDb the detection in dB, read only for frames whose gate is over the knee's start
     * @param gate linear levels at least as high as the detection (the same, or the loudest channel's)
     * @return the reduction after the last frame
     */
    private double smoothReductions(double[] detectedDb, double[] gate, double reduction, double[] gainDb, int n) {
        double[] makeup = makeupTrack;
        double edge = kneeStart;
        for (int i = 0; i < n; i++) {
            double target = gate[i] > edge ? curveReduction(detectedDb[i]) : 0;
            double coef = target > reduction ? attackCoef : releaseCoef;
            reduction = coef * reduction + (1 - coef) * target;
            if (reduction < SETTLED_DB) {
                reduction = 0;
            }
            gainDb[i] = makeup[i] - reduction;
        }
        return reduction;
    }

    /**
     * 3. The static curve's gain reduction {@code x - y(x)} (Giannoulis et al. 2012, eq. 4), >= 0.
     */
    private double curveReduction(double levelDb) {
        CompressorSettings s = settings;
        double over = levelDb - s.thresholdDb;
        if (2 * over <= -s.kneeDb) {
            return 0;
        }
        if (2 * over >= s.kneeDb) {
            return slope * over;
        }
        double d = over + s.kneeDb / 2; // inside the knee, which is then wider than zero
        return kneeFactor * d * d;
    }

    /** 5. Gains in dB to linear, in place; a value equal to the last one reuses its gain. */
    private void toGains(double[] g, int n) {
        double lastDb = lastGainDb;
        double last = lastGain;
        for (int i = 0; i < n; i++) {
            double db = g[i];
            if (db != lastDb) {
                lastDb = db;
                last = FastDecibels.dbToGain(db);
            }
            g[i] = last;
        }
        lastGainDb = lastDb;
        lastGain = last;
    }

    /**
     * 6. The gain on one channel's audio, delayed by the look-ahead: {@code line} holds the
     * look-ahead's worth of input before this chunk, then the chunk's own input, so the delayed
     * sample for frame {@code i} is simply {@code line[i]}.
     */
    private void applyGain(float[] x, int offset, int n, float[] line, double[] g) {
        int l = lookahead;
        if (l > 0) {
            for (int i = 0; i < n; i++) {
                line[l + i] = (float) sanitize(x[offset + i]);
            }
            for (int i = 0; i < n; i++) {
                x[offset + i] = toFloat(line[i] * g[i]);
            }
            System.arraycopy(line, n, line, 0, l);
        } else {
            for (int i = 0; i < n; i++) {
                x[offset + i] = toFloat(sanitize(x[offset + i]) * g[i]);
            }
        }
    }

    private static double sanitize(float v) {
        return Math.abs(v) <= Float.MAX_VALUE ? v : 0.0;
    }

    private static float toFloat(double v) {
        if (Math.abs(v) < FLOOR) {
            return 0f;
        }
        if (!(Math.abs(v) <= Float.MAX_VALUE)) {
            return v != v ? 0f : (v > 0 ? Float.MAX_VALUE : -Float.MAX_VALUE);
        }
        return (float) v;
    }
}
