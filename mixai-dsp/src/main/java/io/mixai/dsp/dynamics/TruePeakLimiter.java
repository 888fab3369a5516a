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
    /** Per batch: the largest estimate per frame over the channels, the gain per frame, each stage's audio. */
    private double[] peaks;
    private double[] gains;
    private double[][] stageInput;
    private double[] swap;

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
        peaks = new double[TruePeakEstimator.MAX_BATCH];
        gains = new double[TruePeakEstimator.MAX_BATCH];
        stageInput = new double[channels][TruePeakEstimator.MAX_BATCH];
        swap = new double[TruePeakEstimator.MAX_BATCH];
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
        for (int done = 0; done < frames; ) {
            int batch = Math.min(TruePeakEstimator.MAX_BATCH, frames - done);
            processBatch(block, block.offset() + done, batch);
            done += batch;
        }
    }

    /**
     * Frames {@code from .. from + count - 1} of the block: each stage detects on all channels
     * for the whole batch, derives one gain per frame, and applies it to its delayed input. While
     * nothing reaches a threshold and the gains rest at 1.0, the gain computation is skipped
     * (see {@link #atRest}), which leaves the same state and output as running it.
     */
    private void processBatch(AudioBlock block, int from, int count) {
        int blockChannels = block.channelCount();
        // (one method per step: small units for the JIT, which compiles them sooner and
        // recompiles less when a path is taken for the first time)
        boolean restingOne = stageOne(block, from, count, blockChannels);
        delayOnePosition = delay(stageInput, delayOne, delayOnePosition, blockChannels, count);
        stageTwo(count, blockChannels, restingOne);
        delayTwoPosition = delay(stageInput, delayTwo, delayTwoPosition, blockChannels, count);
        for (int c = 0; c < blockChannels; c++) {
            writeOutput(stageInput[c], block.channel(c), from, count);
        }
    }

    /** Detects on the input and puts stage one's gain per frame in {@code gains}; true if it rests at 1.0. */
    private boolean stageOne(AudioBlock block, int from, int count, int blockChannels) {
        Arrays.fill(peaks, 0, count, 0.0);
        for (int c = 0; c < blockChannels; c++) {
            double[] clean = stageInput[c];
            readInput(block.channel(c), from, count, clean);
            detectOne[c].push(clean, count);
            detectOne[c].estimate(count, targetOne, peaks);
        }
        if (atRest(peaks, count, targetOne, minimumOne, meanOne) && releasedGain == 1.0) {
            restOne(count);
            return true;
        }
        for (int i = 0; i < count; i++) {
            double required = peaks[i] > targetOne ? targetOne / peaks[i] : 1.0;
            gains[i] = meanOne.push(release(minimumOne.push(required)));
        }
        return false;
    }

    /**
     * Applies stage one's gains to its delayed audio (in stageInput), detects on the result and
     * puts stage two's gain per frame in {@code gains}.
     */
    private void stageTwo(int count, int blockChannels, boolean restingOne) {
        Arrays.fill(peaks, 0, count, 0.0);
        for (int c = 0; c < blockChannels; c++) {
            double[] y = stageInput[c];
            if (!restingOne) {
                for (int i = 0; i < count; i++) {
                    y[i] *= gains[i];
                }
            }
            detectTwo[c].push(y, count);
            detectTwo[c].estimate(count, targetTwo, peaks);
        }
        if (atRest(peaks, count, targetTwo, minimumTwo, meanTwo)) {
            minimumTwo.pushOnes(count);
            meanTwo.pushOnes(count);
            Arrays.fill(gains, 0, count, 1.0);
            return;
        }
        for (int i = 0; i < count; i++) {
            double required = peaks[i] > targetTwo ? targetTwo / peaks[i] : 1.0;
            gains[i] = meanTwo.push(minimumTwo.push(required));
        }
    }

    /** The input as doubles, NaN and infinities replaced by 0. */
    private static void readInput(float[] x, int from, int count, double[] clean) {
        for (int i = 0; i < count; i++) {
            float v = x[from + i];
            clean[i] = Math.abs(v) <= Float.MAX_VALUE ? v : 0.0;
        }
    }

    /** Stage two's gains applied; denormal-range values flushed to 0. */
    private void writeOutput(double[] y, float[] x, int from, int count) {
        for (int i = 0; i < count; i++) {
            double out = y[i] * gains[i];
            double magnitude = Math.abs(out);
            x[from + i] = magnitude >= 1e-30 && magnitude <= Float.MAX_VALUE ? (float) out : 0f;
        }
    }

    /**
     * True when no frame of the batch needs a reduction and every gain the stage holds is
     * exactly 1.0 (the minimum's whole window saw 1.0, the mean's window is all 1.0): running the
     * gain computation would then give 1.0 for every frame and change nothing but positions.
     */
    private static boolean atRest(double[] peaks, int count, double target, SlidingMinimum minimum, SlidingMean mean) {
        if (!minimum.isAllOnes() || !mean.isAllOnes()) {
            return false;
        }
        for (int i = 0; i < count; i++) {
            if (peaks[i] > target) {
                return false;
            }
        }
        return true;
    }

    /** Stage one's gain computation for {@code count} frames at rest: the same state as running it. */
    private void restOne(int count) {
        minimumOne.pushOnes(count);
        meanOne.pushOnes(count);
        if (autoRelease) {
            for (int i = 0; i < count; i++) {
                averageReduction = decayAverage(averageReduction, 0.0);
            }
        }
        Arrays.fill(gains, 0, count, 1.0);
    }

    /**
     * Exchanges {@code values} (per channel, {@code count} frames) with the delay line's oldest
     * ones: each value goes in, and the value that entered {@code line.length - 1} frames
     * earlier comes out in its place. Returns the new write position.
     */
    private int delay(double[][] values, double[][] lines, int position, int channels, int count) {
        int length = lines[0].length;
        int write = position;
        for (int done = 0; done < count; ) {
            // at most length - 1 at a time: the oldest values are read before any is overwritten
            int n = Math.min(count - done, length - 1);
            int read = write + 1 == length ? 0 : write + 1;
            for (int c = 0; c < channels; c++) {
                double[] line = lines[c];
                copyFromRing(line, read, swap, n);
                copyIntoRing(values[c], done, line, write, n);
                System.arraycopy(swap, 0, values[c], done, n);
            }
            write = (write + n) % length;
            done += n;
        }
        return write;
    }

    private static void copyFromRing(double[] ring, int from, double[] target, int count) {
        int head = Math.min(count, ring.length - from);
        System.arraycopy(ring, from, target, 0, head);
        System.arraycopy(ring, 0, target, head, count - head);
    }

    private static void copyIntoRing(double[] source, int sourceFrom, double[] ring, int from, int count) {
        int head = Math.min(count, ring.length - from);
        System.arraycopy(source, sourceFrom, ring, from, head);
        System.arraycopy(source, sourceFrom + head, ring, 0, count - head);
    }

    /** Lets the gain rise no faster than the release time constant and never above {@code held}. */
    private double release(double held) {
        double reduction = 1.0 - releasedGain;
        double coefficient = releaseSlow;
        if (autoRelease) {
            double heldReduction = 1.0 - held;
            averageReduction = decayAverage(averageReduction, heldReduction);
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

    /** One step of the recent average reduction towards {@code heldReduction}; flushed to 0 below 1e-30 (no denormals). */
    private double decayAverage(double average, double heldReduction) {
        double next = heldReduction + (average - heldReduction) * averageCoefficient;
        return next < 1e-30 ? 0.0 : next;
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
