package io.mixai.dsp.filter;

import java.util.Arrays;

/**
 * A cascade of TPT state-variable sections (see {@link SvfDesign}) with per-channel state, in
 * fixed slots allocated up front: coefficients are redesigned in place and sections switched on
 * and off without allocating.
 *
 * <p>All arithmetic is double precision; samples enter and leave as float. Each section runs
 * over a short chunk before the next one does, which keeps its coefficients and state in
 * registers; the recursion is per sample, so the output does not depend on how a stream is cut
 * into blocks.
 */
final class SvfCascade {

    /** Chunk of samples converted to double at a time. */
    private static final int CHUNK = 256;
    /** States below this are flushed to zero so decays never reach the slow denormal range. */
    private static final double DENORMAL_FLOOR = 1e-30;

    private final int slots;
    private final double[] coefficients;
    private final double[][] state; // [channel][2 * slot]: the two integrator states ic1, ic2
    private final int[] active;
    private int activeCount;
    private final double[] chunk = new double[CHUNK];

    SvfCascade(int slots, int channels) {
        this.slots = slots;
        this.coefficients = new double[slots * SvfDesign.STRIDE];
        this.state = new double[channels][2 * slots];
        this.active = new int[slots];
        for (int s = 0; s < slots; s++) {
            SvfDesign.design(SvfDesign.IDENTITY, 1, 1, 1, 0, coefficients, s * SvfDesign.STRIDE);
        }
    }

    int slotCount() {
        return slots;
    }

    /** Redesigns one slot in place (allocation-free); its state is kept so a sweep stays smooth. */
    void design(int slot, int kind, double sampleRate, double freqHz, double q, double gainDb) {
        SvfDesign.design(kind, sampleRate, freqHz, q, gainDb, coefficients, slot * SvfDesign.STRIDE);
    }

    /** Zeroes one slot's state in every channel (when a section is newly switched on). */
    void clearSlot(int slot) {
        for (double[] s : state) {
            s[2 * slot] = 0;
            s[2 * slot + 1] = 0;
        }
    }

    /** Runs these slots, in this order; the others are skipped. */
    void setActive(int[] slotList, int count) {
        System.arraycopy(slotList, 0, active, 0, count);
        activeCount = count;
    }

    int activeCount() {
        return activeCount;
    }

    /** The cascade's magnitude at pre-warped frequency {@code tan(pi f/fs)} (infinity at Nyquist). */
    double magnitude(double warped) {
        double m = 1;
        for (int j = 0; j < activeCount; j++) {
            m *= SvfDesign.magnitude(coefficients, active[j] * SvfDesign.STRIDE, warped);
        }
        return m;
    }

    /** The coefficients of a slot as a value object (for tests and tail estimates). */
    double coefficient(int slot, int index) {
        return coefficients[slot * SvfDesign.STRIDE + index];
    }

    void reset() {
        for (double[] s : state) {
            Arrays.fill(s, 0);
        }
    }

    /** Filters {@code n} samples of {@code x} from {@code offset} in place with channel {@code channel}'s state. */
    void process(float[] x, int offset, int n, int channel) {
        double[] st = state[channel];
        double[] c = coefficients;
        for (int start = 0; start < n; start += CHUNK) {
            int len = Math.min(CHUNK, n - start);
            double[] buf = chunk;
            int base = offset + start;
            for (int i = 0; i < len; i++) {
                float v = x[base + i];
                buf[i] = SampleGuard.fromFloat(v); // NaN and infinity never enter the state
            }
            for (int j = 0; j < activeCount; j++) {
                int slot = active[j];
                int o = slot * SvfDesign.STRIDE;
                double a1 = c[o + SvfDesign.A1];
                double a2 = c[o + SvfDesign.A2];
                double a3 = c[o + SvfDesign.A3];
                double m0 = c[o + SvfDesign.M0];
                double m1 = c[o + SvfDesign.M1];
                double m2 = c[o + SvfDesign.M2];
                double ic1 = st[2 * slot];
                double ic2 = st[2 * slot + 1];
                for (int i = 0; i < len; i++) {
                    // Simper's trapezoidal SVF: solve the two integrators' implicit equations, then
                    // update their states (ic = 2 v - ic is the trapezoidal integrator step).
                    double v0 = buf[i];
                    double v3 = v0 - ic2;
                    double v1 = a1 * ic1 + a2 * v3;
                    double v2 = ic2 + a2 * ic1 + a3 * v3;
                    ic1 = 2 * v1 - ic1;
                    ic2 = 2 * v2 - ic2;
                    if (Math.abs(ic1) < DENORMAL_FLOOR) {
                        ic1 = 0;
                    }
                    if (Math.abs(ic2) < DENORMAL_FLOOR) {
                        ic2 = 0;
                    }
                    buf[i] = m0 * v0 + m1 * v1 + m2 * v2;
                }
                st[2 * slot] = ic1;
                st[2 * slot + 1] = ic2;
            }
            for (int i = 0; i < len; i++) {
                x[base + i] = SampleGuard.toFloat(buf[i]);
            }
        }
    }
}
