package io.mixai.dsp.dynamics;

import io.mixai.audio.AudioBlock;
import io.mixai.dsp.effect.AbstractEffect;
import io.mixai.param.ParameterSet;
import io.mixai.process.ProcessSpec;
import java.util.Arrays;

/**
 * The {@code limiter} effect: a stereo-linked look-ahead brickwall limiter whose output true
 * peak (ITU-R BS.1770-4 Annex 2, measured by oversampling) stays at or below {@code ceiling_dbtp}.
 *
 * <p>The gain is built so that the guarantee holds by construction rather than by tuning:
 * <ol>
 *   <li>A {@link TruePeakEstimator} (8x interpolation plus a guard for content near Nyquist)
 *       estimates the true peak of every input interval
 *       (largest over channels: all channels get the same gain, so the image does not move).
 *       The gain that interval needs is {@code r = min(1, target / peak)}.</li>
 *   <li>A sliding minimum of {@code r} over {@code W + 2H} samples, then a release (the gain may
 *       rise only as fast as the release allows, never above the minimum), then a sliding mean
 *       over {@code W} samples. The mean at any instant averages values that are all at most the
 *       {@code r} of every peak within the window, so once the audio is delayed by
 *       {@code W - 1 + H} (plus the detector's delay) every sample within {@code H} of a peak is
 *       scaled by at most that peak's {@code r}. The mean turns the steps into linear ramps of
 *       {@code W} samples (the look-ahead) that end before the peak.</li>
 *   <li>Gain changes themselves shift inter-sample peaks slightly, and the detector has finite
 *       accuracy, so a second, short stage of the same kind (16x estimator, W = 16, no release)
 *       measures the true peak of the gain-reduced audio again and pulls any residual excess
 *       under the ceiling.</li>
 * </ol>
 * Stage one aims {@value #STAGE_ONE_MARGIN_DB} dB and stage two {@value #STAGE_TWO_MARGIN_DB} dB
 * below the ceiling. The second margin covers the 16x estimator's sampling of the
 * reconstruction (at most 0.04 dB up to 0.45 fs) and the small overshoot its own fast ramps
 * cause; the first keeps stage two mostly idle, so the fast ramps are rare. Against an ideal
 * (FFT-interpolated) measurement the tests find the worst output 0.1 dB under the ceiling.
 *
 * <p>While no gain reduction is needed both gains are exactly 1.0 and the output is the input,
 * bit for bit, delayed by {@link #latencySamples()}: the look-ahead plus a fixed
 * {@value #FIXED_LATENCY} samples for the two true-peak detectors and their hold. The look-ahead
 * is read at {@link #prepare}; the other parameters apply from the next block (for audio that
 * enters the limiter from then on).
 *
 * <p>Release: {@code release_ms} is the time constant of an exponential recovery. With
 * {@code auto_release}, the time constant becomes programme dependent: it shrinks towards a
 * quarter of {@code release_ms} when the current reduction is a brief excursion above the
 * recent average reduction (a transient: recover quickly, no hole after a drum hit) and stays
 * at {@code release_ms} when the reduction is sustained (avoids pumping and distortion).
 */
final class TruePeakLimiter extends AbstractEffect {

    static final String TYPE = "limiter";

    static final double STAGE_ONE_MARGIN_DB = 0.25;
    static final double STAGE_TWO_MARGIN_DB = 0.15;
    private static final int HOLD_ONE = 8;
    private static final int RAMP_TWO = 16;
    private static final int HOLD_TWO = 8;
    /** Latency beyond the look-ahead: both detectors, both holds and stage two's ramp. */
    static final int FIXED_LATENCY = TruePeakEstimator.DELAY - 1 + HOLD_ONE
            + TruePeakEstimator.DELAY + RAMP_TWO - 1 + HOLD_TWO;
    private static final double AUTO_FASTEST_FRACTION = 0.25;

    private int sampleRate;
    private int channels;
    private int latency;

    private TruePeakEstimator[] detectOne;
    private TruePeakEstimator[] detectTwo;
    private SlidingMinimum minimumOne;
    private SlidingMinimum minimumTwo;
    private SlidingMean meanOne;
    private SlidingMean meanTwo;
    private double[][] delayOne;
    private double[][] delayTwo;
    private int delayOneLength;
    private int delayTwoLength;
    private int delayOnePosition;
    private int delayTwoPosition;

    private double targetOne;
    private double targetTwo;
    private double releaseSlow;
    private double releaseFast;
    private boolean autoRelease;
    private double averageCoefficient;
    private double releasedGain;
    private double averageReduction;

    TruePeakLimiter(ParameterSet parameters) {
        super(TYPE, parameters);
    }

    @Override
    protected void onPrepare(ProcessSpec spec, ParameterSet parameters) {
        sampleRate = spec.sampleRate();
        channels = spec.channels();
        int lookahead = Math.max(1, (int) Math.round(parameters.get("lookahead_ms") / 1000.0 * sampleRate));
        detectOne = new TruePeakEstimator[channels];
        detectTwo = new TruePeakEstimator[channels];
        for (int c = 0; c < channels; c++) {
            detectOne[c] = new TruePeakEstimator(8);
            detectTwo[c] = new TruePeakEstimator(16);
        }
        minimumOne = new SlidingMinimum(lookahead + 2 * HOLD_ONE);
        meanOne = new SlidingMean(lookahead);
        minimumTwo = new SlidingMinimum(RAMP_TWO + 2 * HOLD_TWO);
        meanTwo = new SlidingMean(RAMP_TWO);
        // ring buffers one longer than the delay: write, then read the oldest
        delayOneLength = TruePeakEstimator.DELAY + lookahead - 1 + HOLD_ONE + 1;
        delayTwoLength = TruePeakEstimator.DELAY + RAMP_TWO - 1 + HOLD_TWO + 1;
        delayOne = new double[channels][delayOneLength];
        delayTwo = new double[channels][delayTwoLength];
        latency = delayOneLength - 1 + delayTwoLength - 1;
        onParameters(parameters);
        onReset();
    }

    @Override
    protected void onReset() {
        for (int c = 0; c < channels; c++) {
            detectOne[c].reset();
            detectTwo[c].reset();
            Arrays.fill(delayOne[c], 0);
            Arrays.fill(delayTwo[c], 0);
        }
        minimumOne.reset();
        minimumTwo.reset();
        meanOne.reset();
        meanTwo.reset();
        delayOnePosition = 0;
        delayTwoPosition = 0;
        releasedGain = 1.0;
        averageReduction = 0;
        takeRequestedParameters();
    }

    @Override
    protected void onParameters(ParameterSet p) {
        double ceiling = Math.pow(10.0, p.get("ceiling_dbtp") / 20.0);
        targetOne = ceiling * Math.pow(10.0, -STAGE_ONE_MARGIN_DB / 20.0);
        targetTwo = ceiling * Math.pow(10.0, -STAGE_TWO_MARGIN_DB / 20.0);
        double release = p.get("release_ms") / 1000.0;
        releaseSlow = Math.exp(-1.0 / (release * sampleRate));
        releaseFast = Math.exp(-1.0 / (AUTO_FASTEST_FRACTION * release * sampleRate));
        autoRelease = p.getBoolean("auto_release");
        // the "recent average reduction" looks back over a few release times
        averageCoefficient = Math.exp(-1.0 / (Math.max(0.05, 4 * release) * sampleRate));
    }

    @Override
    protected void processBlock(AudioBlock block) {
        int frames = block.frames();
        int offset = block.offset();
        int blockChannels = block.channelCount();
        for (int n = 0; n < frames; n++) {
            int index = offset + n;

            // stage one: detect on the input, derive the gain, apply it to the delayed input
            double peak = 0;
            for (int c = 0; c < blockChannels; c++) {
                float x = block.channel(c)[index];
                double clean = Math.abs(x) <= Float.MAX_VALUE ? x : 0.0;
                delayOne[c][delayOnePosition] = clean;
                peak = Math.max(peak, detectOne[c].push(clean, targetOne));
            }
            double required = peak > targetOne ? targetOne / peak : 1.0;
            double held = minimumOne.push(required);
            double gainOne = meanOne.push(release(held));
            int readOne = delayOnePosition + 1 == delayOneLength ? 0 : delayOnePosition + 1;

            // stage two: detect on the limited audio, catch what stage one left over
            double peakTwo = 0;
            for (int c = 0; c < blockChannels; c++) {
                double y = delayOne[c][readOne] * gainOne;
                delayTwo[c][delayTwoPosition] = y;
                peakTwo = Math.max(peakTwo, detectTwo[c].push(y, targetTwo));
            }
            double requiredTwo = peakTwo > targetTwo ? targetTwo / peakTwo : 1.0;
            double gainTwo = meanTwo.push(minimumTwo.push(requiredTwo));
            int readTwo = delayTwoPosition + 1 == delayTwoLength ? 0 : delayTwoPosition + 1;
            for (int c = 0; c < blockChannels; c++) {
                double out = delayTwo[c][readTwo] * gainTwo;
                double magnitude = Math.abs(out);
                block.channel(c)[index] = magnitude >= 1e-30 && magnitude <= Float.MAX_VALUE ? (float) out : 0f;
            }
            delayOnePosition = readOne;
            delayTwoPosition = readTwo;
        }
    }

    /** Lets the gain rise no faster than the release time constant and never above {@code held}. */
    private double release(double held) {
        double reduction = 1.0 - releasedGain;
        double coefficient = releaseSlow;
        if (autoRelease) {
            double heldReduction = 1.0 - held;
            averageReduction = heldReduction + (averageReduction - heldReduction) * averageCoefficient;
            if (reduction > 1e-9) {
                double sustained = Math.min(1.0, averageReduction / reduction);
                coefficient = releaseFast + (releaseSlow - releaseFast) * sustained;
            }
        }
        double recovered = 1.0 - reduction * coefficient;
        if (recovered > 1.0 - 1e-9) {
            recovered = 1.0; // settle exactly, so the audio is untouched again
        }
        releasedGain = Math.min(held, recovered);
        return releasedGain;
    }

    @Override
    public int latencySamples() {
        return spec() != null ? latency : 0;
    }

    @Override
    public int tailSamples() {
        return 0;
    }
}
