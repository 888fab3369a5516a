package io.mixai.dsp.effect;

/**
 * A value that moves to a new target in a straight line over a fixed number of samples, one
 * step per sample, to avoid zipper noise when a gain changes. Because it advances per sample,
 * not per block, the output does not depend on how the stream is cut into blocks.
 */
public final class LinearRamp {

    /** Ramp time used by the utility effects: long enough to hide the step, short enough to feel immediate. */
    public static final double DEFAULT_RAMP_MS = 20;

    private int length = 1;
    private double current;
    private double target;
    private double step;
    private int remaining;

    /** A ramp at 0; call {@link #prepare} before use. */
    public LinearRamp() {
        // fields start at rest
    }

    /** The number of samples a ramp of {@code ms} milliseconds takes at a sample rate (at least 1). */
    public static int samplesFor(int sampleRate, double ms) {
        return Math.max(1, (int) Math.round(sampleRate * ms / 1000));
    }

    /** Sets the ramp length and jumps to {@code value}. */
    public void prepare(int rampSamples, double value) {
        if (rampSamples < 1) {
            throw new IllegalArgumentException("ramp length must be at least 1 sample, got " + rampSamples);
        }
        length = rampSamples;
        snapTo(value);
    }

    /** Jumps to a value with no ramp. */
    public void snapTo(double value) {
        current = value;
        target = value;
        remaining = 0;
    }

    /** Jumps to the current target (for reset). */
    public void finish() {
        snapTo(target);
    }

    /** Starts a ramp from the current value to {@code value}; a repeated target changes nothing. */
    public void setTarget(double value) {
        if (value == target) {
            return;
        }
        target = value;
        step = (target - current) / length;
        remaining = length;
    }

    /** The value for the next sample. */
    public double next() {
        if (remaining > 0) {
            remaining--;
            current = remaining == 0 ? target : current + step;
        }
        return current;
    }

    /** True while moving towards the target. */
    public boolean isRamping() {
        return remaining > 0;
    }

    public double current() {
        return current;
    }

    public double target() {
        return target;
    }
}
