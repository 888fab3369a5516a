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
 *       {@code stereo_link_percent}; at 100 % every channel gets the same gain.</li>
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
 */
final class Compressor extends AbstractEffect implements SidechainProcessor {

    static final double RMS_WINDOW_MS = 20;
    static final double MAKEUP_SMOOTHING_MS = 20;
    private static final double DB_TO_LN = Math.log(10) / 20;
    private static final double FLOOR = 1e-30;
    /** Levels are floored here so silence is a finite (very low) level. */
    private static final double MIN_LEVEL_DB = -300;

    // Prepared state (audio thread).
    private int sampleRate;
    private int channels;
    private int lookahead;
    private double[] meanSquare;    // [sidechain channel]
    private double[] levelDb;       // [sidechain channel], scratch per frame
    private double[] reductionDb;   // [channel] smoothed gain reduction, >= 0
    private float[][] delay;        // [channel][lookahead]
    private int delayPosition;
    private double makeupDb;

    // The applied parameters and the coefficients derived from them.
    private final CompressorSettings settings = new CompressorSettings();
    private double attackCoef;
    private double releaseCoef;
    private double rmsCoef;
    private double makeupCoef;

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
        levelDb = new double[channels];
        reductionDb = new double[channels];
        delay = new float[channels][Math.max(1, lookahead)];
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
        delayPosition = 0;
        makeupDb = settings.makeupDb; // start at the target: no glide after a reset
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
        attackCoef = Math.exp(-1000.0 / (settings.attackMs * sampleRate));
        releaseCoef = Math.exp(-1000.0 / (settings.releaseMs * sampleRate));
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
        CompressorSettings s = settings;
        int mainChannels = main.channelCount();
        int scChannels = sidechain.channelCount();
        final double threshold = s.thresholdDb;
        final double ratio = s.ratio;
        final double knee = s.kneeDb;
        final double link = s.link;
        final boolean rms = s.rms;
        final double makeupTarget = s.makeupDb;
        final int frames = main.frames();
        final int mainOffset = main.offset();
        final int scOffset = sidechain.offset();

        for (int i = 0; i < frames; i++) {
            // 1. Level of every detection channel, and the linked level.
            double linkedDb;
            if (rms) {
                double sum = 0;
                for (int j = 0; j < scChannels; j++) {
                    double x = sanitize(sidechain.channel(j)[scOffset + i]);
                    double ms = rmsCoef * meanSquare[j] + (1 - rmsCoef) * x * x;
                    if (ms < FLOOR) {
                        ms = 0;
                    }
                    meanSquare[j] = ms;
                    sum += ms;
                    levelDb[j] = powerToDb(ms);
                }
                linkedDb = powerToDb(sum / scChannels);
            } else {
                double max = 0;
                for (int j = 0; j < scChannels; j++) {
                    double a = Math.abs(sanitize(sidechain.channel(j)[scOffset + i]));
                    max = Math.max(max, a);
                    levelDb[j] = amplitudeToDb(a);
                }
                linkedDb = amplitudeToDb(max);
            }

            makeupDb = makeupCoef * makeupDb + (1 - makeupCoef) * makeupTarget;

            for (int c = 0; c < mainChannels; c++) {
                // 2. Blend own and linked detection; 3. static curve; 4. ballistics.
                double own = levelDb[c % scChannels];
                double detected = own + link * (linkedDb - own);
                double target = -CompressorCurve.gainDb(detected, threshold, ratio, knee);
                double previous = reductionDb[c];
                double coef = target > previous ? attackCoef : releaseCoef;
                double reduction = coef * previous + (1 - coef) * target;
                if (reduction < FLOOR) {
                    reduction = 0;
                }
                reductionDb[c] = reduction;

                // 5. Gain on the (delayed) audio.
                float[] x = main.channel(c);
                double in = sanitize(x[mainOffset + i]);
                double audio;
                if (lookahead > 0) {
                    float[] line = delay[c];
                    audio = line[delayPosition];
                    line[delayPosition] = (float) in;
                } else {
                    audio = in;
                }
                x[mainOffset + i] = toFloat(audio * Math.exp((makeupDb - reduction) * DB_TO_LN));
            }
            if (lookahead > 0 && ++delayPosition == lookahead) {
                delayPosition = 0;
            }
        }
    }

    private static double sanitize(float v) {
        return Math.abs(v) <= Float.MAX_VALUE ? v : 0.0;
    }

    private static double amplitudeToDb(double a) {
        return a > 0 ? Math.max(MIN_LEVEL_DB, 20 * Math.log10(a)) : MIN_LEVEL_DB;
    }

    private static double powerToDb(double p) {
        return p > 0 ? Math.max(MIN_LEVEL_DB, 10 * Math.log10(p)) : MIN_LEVEL_DB;
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
