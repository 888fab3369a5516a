package io.mixai.dsp.reverb;

/**
 * A per-sample one-pole glide towards a target, so that a parameter handed over once per block
 * changes smoothly and the output does not depend on where blocks are cut.
 */
final class SmoothedValue {

    /** Below this distance the value snaps to the target, so a settled value is exact. */
    private static final double SNAP = 1e-9;

    private double coefficient;
    private double current;
    private double target;

    /** Glides with time constant {@code timeConstantSeconds} at {@code sampleRate}. */
    void prepare(int sampleRate, double timeConstantSeconds) {
        coefficient = Math.exp(-1.0 / (timeConstantSeconds * sampleRate));
    }

    void setTarget(double value) {
        target = value;
    }

    /** Jumps to the target (after prepare or reset). */
    void settle() {
        current = target;
    }

    double next() {
        if (current != target) {
            current = target + (current - target) * coefficient;
            if (Math.abs(current - target) < SNAP) {
                current = target;
            }
        }
        return current;
    }
}
