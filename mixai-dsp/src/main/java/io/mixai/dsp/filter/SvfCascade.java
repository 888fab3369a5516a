package io.mixai.dsp.filter;

import io.mixai.dsp.effect.SafeSamples;
import java.util.Arrays;

/**
 * A cascade of TPT state-variable sections (see {@link SvfDesign}) with per-channel state, in
 * fixed slots allocated up front: coefficients are redesigned in place and sections switched on
 * and off without allocating.
 *
 * <p>A redesigned section can glide to its new coefficients: {@code g, k, m0, m1, m2} move
 * linearly, sample by sample, over a fixed number of samples, and the SVF's derived
 * coefficients are recomputed every sample of the glide. The TPT SVF stays stable for any
 * positive {@code g} and {@code k} even while they change, which is why it is used here.
 *
 * <p>All arithmetic is double precision; samples enter and leave as float. Each section runs
 * over a short chunk before the next one does, which keeps its coefficients and state in
 * registers; every recursion, glides included, advances per sample, so the output does not
 * depend on how a stream is cut into blocks.
 */
final class SvfCascade {

    /** Chunk of samples converted to double at a time. */
    private static final int CHUNK = 256;
    /** States below this are flushed to zero so decays never reach the slow denormal range. */

    private final int glideSamples;
    private final double[] targets;        // [slot * STRIDE] the designed coefficients
    private final double[][] coefficients; // [channel][slot * STRIDE] the ones in use (gliding towards targets)
    private final int[][] glideRemaining;  // [channel][slot]
    private final double[][] state;        // [channel][2 * slot]: the two integrator states ic1, ic2
    private final int[] active;
    private int activeCount;
    private final double[] chunk = new double[CHUNK];

    SvfCascade(int slots, int channels, int glideSamples) {
        this.glideSamples = glideSamples;
        this.targets = new double[slots * SvfDesign.STRIDE];
        this.coefficients = new double[channels][slots * SvfDesign.STRIDE];
        this.glideRemaining = new int[channels][slots];
        this.state = new double[channels][2 * slots];
        this.active = new int[slots];
        for (int s = 0; s < slots; s++) {
            SvfDesign.design(SvfDesign.IDENTITY, 1, 1, 1, 0, targets, s * SvfDesign.STRIDE);
        }
        for (double[] c : coefficients) {
            System.arraycopy(targets, 0, c, 0, targets.length);
        }
    }

    /**
     * Redesigns one slot in place (allocation-free). With {@code glide} the section moves to the
     * new coefficients over the glide time and keeps its state; without, it jumps and starts
     * from silence (for a section that was off or had another topology).
     */
    void design(int slot, int kind, double sampleRate, double freqHz, double q, double gainDb, boolean glide) {
        int o = slot * SvfDesign.STRIDE;
        SvfDesign.design(kind, sampleRate, freqHz, q, gainDb, targets, o);
        for (int c = 0; c < coefficients.length; c++) {
            if (glide && glideSamples > 0) {
                glideRemaining[c][slot] = glideSamples;
            } else {
                System.arraycopy(targets, o, coefficients[c], o, SvfDesign.STRIDE);
                glideRemaining[c][slot] = 0;
                state[c][2 * slot] = 0;
                state[c][2 * slot + 1] = 0;
            }
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

    /**
     * The designed cascade's magnitude at pre-warped frequency {@code tan(pi f/fs)} (infinity at
     * Nyquist), for the target coefficients.
     */
    double magnitude(double warped) {
        double m = 1;
        for (int j = 0; j < activeCount; j++) {
            m *= SvfDesign.magnitude(targets, active[j] * SvfDesign.STRIDE, warped);
        }
        return m;
    }

    /** One designed (target) coefficient of a slot, see {@link SvfDesign} for the indices. */
    double coefficient(int slot, int index) {
        return targets[slot * SvfDesign.STRIDE + index];
    }

    /** Clears the signal state and completes any glide. */
    void reset() {
        for (int c = 0; c < state.length; c++) {
            Arrays.fill(state[c], 0);
            System.arraycopy(targets, 0, coefficients[c], 0, targets.length);
            Arrays.fill(glideRemaining[c], 0);
        }
    }

    /** Filters {@code n} samples of {@code x} from {@code offset} in place with channel {@code channel}'s state. */
    void process(float[] x, int offset, int n, int channel) {
        double[] st = state[channel];
        double[] c = coefficients[channel];
        int[] glide = glideRemaining[channel];
        for (int start = 0; start < n; start += CHUNK) {
            int len = Math.min(CHUNK, n - start);
            double[] buf = chunk;
            int base = offset + start;
            for (int i = 0; i < len; i++) {
                buf[i] = SafeSamples.fromInput(x[base + i]); // NaN and infinity never enter the state
            }
            for (int j = 0; j < activeCount; j++) {
                int slot = active[j];
                int i = 0;
                if (glide[slot] > 0) {
                    i = glideSection(buf, len, st, c, slot, glide);
                }
                runSection(buf, i, len, st, c, slot);
            }
            for (int i = 0; i < len; i++) {
                x[base + i] = SafeSamples.toOutput(buf[i]);
            }
        }
    }

    /** A decaying integrator state below {@link SafeSamples#FLOOR} becomes exactly zero (no denormal slowdown). */
    private static double flushDenormal(double v) {
        return Math.abs(v) < SafeSamples.FLOOR ? 0 : v;
    }

    /** The steady path: fixed coefficients over {@code buf[from .. len)}. */
    private static void runSection(double[] buf, int from, int len, double[] st, double[] c, int slot) {
        int o = slot * SvfDesign.STRIDE;
        double a1 = c[o + SvfDesign.A1];
        double a2 = c[o + SvfDesign.A2];
        double a3 = c[o + SvfDesign.A3];
        double m0 = c[o + SvfDesign.M0];
        double m1 = c[o + SvfDesign.M1];
        double m2 = c[o + SvfDesign.M2];
        double ic1 = st[2 * slot];
        double ic2 = st[2 * slot + 1];
        for (int i = from; i < len; i++) {
            // Simper's trapezoidal SVF: solve the two integrators' implicit equations, then
            // update their states (ic = 2 v - ic is the trapezoidal integrator step).
            double v0 = buf[i];
            double v3 = v0 - ic2;
            double v1 = a1 * ic1 + a2 * v3;
            double v2 = ic2 + a2 * ic1 + a3 * v3;
            ic1 = flushDenormal(2 * v1 - ic1);
            ic2 = flushDenormal(2 * v2 - ic2);
            buf[i] = m0 * v0 + m1 * v1 + m2 * v2;
        }
        st[2 * slot] = ic1;
        st[2 * slot + 1] = ic2;
    }

    /**
     * The gliding path: moves {@code g, k, m0, m1, m2} a 1/remaining step towards the targets
     * each sample and recomputes the derived coefficients; returns where the glide stopped
     * (at {@code len}, or where it completed).
     */
    private int glideSection(double[] buf, int len, double[] st, double[] c, int slot, int[] glide) {
        int o = slot * SvfDesign.STRIDE;
        int remaining = glide[slot];
        double g = c[o + SvfDesign.G];
        double k = c[o + SvfDesign.K];
        double m0 = c[o + SvfDesign.M0];
        double m1 = c[o + SvfDesign.M1];
        double m2 = c[o + SvfDesign.M2];
        double ic1 = st[2 * slot];
        double ic2 = st[2 * slot + 1];
        int i = 0;
        for (; i < len && remaining > 0; i++, remaining--) {
            g += (targets[o + SvfDesign.G] - g) / remaining;
            k += (targets[o + SvfDesign.K] - k) / remaining;
            m0 += (targets[o + SvfDesign.M0] - m0) / remaining;
            m1 += (targets[o + SvfDesign.M1] - m1) / remaining;
            m2 += (targets[o + SvfDesign.M2] - m2) / remaining;
            double a1 = 1.0 / (1.0 + g * (g + k));
            double a2 = g * a1;
            double a3 = g * a2;
            double v0 = buf[i];
            double v3 = v0 - ic2;
            double v1 = a1 * ic1 + a2 * v3;
            double v2 = ic2 + a2 * ic1 + a3 * v3;
            ic1 = flushDenormal(2 * v1 - ic1);
            ic2 = flushDenormal(2 * v2 - ic2);
            buf[i] = m0 * v0 + m1 * v1 + m2 * v2;
        }
        st[2 * slot] = ic1;
        st[2 * slot + 1] = ic2;
        glide[slot] = remaining;
        if (remaining == 0) {
            System.arraycopy(targets, o, c, o, SvfDesign.STRIDE); // land exactly on the design
        } else {
            c[o + SvfDesign.G] = g;
            c[o + SvfDesign.K] = k;
            c[o + SvfDesign.M0] = m0;
            c[o + SvfDesign.M1] = m1;
            c[o + SvfDesign.M2] = m2;
        }
        return i;
    }
}
