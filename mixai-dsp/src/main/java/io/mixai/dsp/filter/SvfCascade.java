package io.mixai.dsp.filter;

import io.mixai.audio.AudioBlock;
import io.mixai.dsp.effect.SafeSamples;
import java.util.Arrays;

/**
 * A cascade of TPT state-variable sections (see {@link SvfDesign}) with per-channel state, in
 * fixed slots allocated up front: coefficients are redesigned in place and sections switched on
 * and off without allocating.
 *
 * <p>A redesigned section can glide to its new coefficients: {@code g, k, m0, m1, m2} move
 * linearly, sample by sample, over a fixed number of samples, and the step coefficients are
 * re-derived every sample of the glide. The TPT SVF stays stable for any positive {@code g}
 * and {@code k} even while they change, which is why it is used here.
 *
 * <p>All arithmetic is double precision; samples enter and leave as float. Every recursion,
 * glides included, advances per sample with the same arithmetic whichever loop runs it, so the
 * output does not depend on how a stream is cut into blocks.
 *
 * <p><b>Speed.</b> One section's step (see {@link SvfDesign#derive}) is a chain of dependent
 * additions and multiplications about a dozen cycles long, while a core can start several
 * floating-point operations per cycle. Run one channel and one section at a time, every sample
 * waits for the previous one. So the steady path runs two channels and two sections in one
 * loop: four independent recursions the CPU overlaps (section two of sample n overlaps section
 * one of sample n + 1). The loop is then bound by the step's 7 multiplications and 7 additions
 * rather than by its latency: about 3.5 cycles per section and sample on two multiply and two
 * add pipes, against about 12 for one recursion alone. A lone channel runs two sections per
 * loop. Samples are converted to double in chunks of {@value #CHUNK} frames, and every pass
 * over a chunk keeps its coefficients and states in locals.
 *
 * <p><b>Denormals</b> are flushed once per chunk rather than once per step (an absolute value
 * and a compare inside the recursion would lengthen every step's chain). The chunks lie on a
 * grid of {@value #CHUNK} frames counted from {@link #reset} (not from the host's blocks), so
 * the flush, too, is independent of the block size. Why that suffices: Java has no
 * flush-to-zero mode, and what makes subnormal doubles costly is a decaying tail that lingers
 * among them for many samples. The input cannot bring them: a float is 0 or at least 1.4e-45 in
 * magnitude, and the coefficients are nowhere near the subnormal range (below 2.2e-308), so
 * sums and products of live signal stay normal; only decay takes a state there. After each
 * grid point every state is 0 or at least {@link SafeSamples#FLOOR} (1e-30), so to go
 * subnormal within the next {@value #CHUNK} samples it would have to shrink by 10^-278, a
 * factor below 10^-4.3 per sample; a mode that decays that fast crosses the whole subnormal
 * range (16 decades) to exact zero in four samples. At worst a handful of slow operations per
 * chunk, for pathological settings only.
 */
final class SvfCascade {

    /** Frames per chunk: the double buffers' length and the denormal flush period. */
    static final int CHUNK = 64;

    private final int glideSamples;
    private final double[] targets;        // [slot * STRIDE] the designed coefficients
    private final double[][] coefficients; // [channel][slot * STRIDE] the ones in use while gliding
    private final int[][] glideRemaining;  // [channel][slot]; 0: coefficients equal targets
    private final double[][] state;        // [channel][2 * slot]: the two integrator states ic1, ic2
    private final int[] active;
    private int activeCount;
    private int phase;                     // frames since the last chunk grid point
    private final double[] left = new double[CHUNK];
    private final double[] right = new double[CHUNK];

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

    /** Clears the signal state, completes any glide and restarts the chunk grid. */
    void reset() {
        for (int c = 0; c < state.length; c++) {
            Arrays.fill(state[c], 0);
            System.arraycopy(targets, 0, coefficients[c], 0, targets.length);
            Arrays.fill(glideRemaining[c], 0);
        }
        phase = 0;
    }

    /** Filters every channel of {@code block} in place, channel c with channel c's state. */
    void process(AudioBlock block) {
        int channels = block.channelCount();
        int offset = block.offset();
        int n = block.frames();
        for (int done = 0; done < n; ) {
            int len = Math.min(n - done, CHUNK - phase);
            int from = offset + done;
            for (int c = 0; c < channels; c += 2) {
                boolean pair = c + 1 < channels;
                toDouble(block.channel(c), from, len, left);
                if (pair) {
                    toDouble(block.channel(c + 1), from, len, right);
                }
                filterChunk(c, pair, len);
                toFloat(left, len, block.channel(c), from);
                if (pair) {
                    toFloat(right, len, block.channel(c + 1), from);
                }
            }
            done += len;
            advance(len);
        }
    }

    /**
     * The same filtering on double samples, without the float conversion at the edges (for tests
     * that measure the arithmetic below float resolution): channels {@code 0 .. channels - 1} of
     * {@code x}, {@code n} frames from {@code offset}, in place.
     */
    void process(double[][] x, int channels, int offset, int n) {
        for (int done = 0; done < n; ) {
            int len = Math.min(n - done, CHUNK - phase);
            int from = offset + done;
            for (int c = 0; c < channels; c += 2) {
                boolean pair = c + 1 < channels;
                System.arraycopy(x[c], from, left, 0, len);
                if (pair) {
                    System.arraycopy(x[c + 1], from, right, 0, len);
                }
                filterChunk(c, pair, len);
                System.arraycopy(left, 0, x[c], from, len);
                if (pair) {
                    System.arraycopy(right, 0, x[c + 1], from, len);
                }
            }
            done += len;
            advance(len);
        }
    }

    /** Moves along the chunk grid; at each grid point, flushes the states. */
    private void advance(int len) {
        phase += len;
        if (phase == CHUNK) {
            phase = 0;
            flushDenormals();
        }
    }

    /**
     * Filters {@code len} frames (within one chunk) of channel {@code c} in {@code left} and, if
     * {@code pair}, of channel {@code c + 1} in {@code right}.
     */
    private void filterChunk(int c, boolean pair, int len) {
        if (gliding(c) || (pair && gliding(c + 1))) {
            runChannel(left, len, c);
            if (pair) {
                runChannel(right, len, c + 1);
            }
            return;
        }
        double[] stL = state[c];
        int j = 0;
        if (pair) {
            double[] stR = state[c + 1];
            for (; j + 1 < activeCount; j += 2) {
                twoSectionsStereo(left, right, len, targets, stL, stR, active[j], active[j + 1]);
            }
            if (j < activeCount) {
                oneSectionStereo(left, right, len, targets, stL, stR, active[j]);
            }
        } else {
            for (; j + 1 < activeCount; j += 2) {
                twoSections(left, len, targets, stL, active[j], active[j + 1]);
            }
            if (j < activeCount) {
                oneSection(left, 0, len, targets, stL, active[j]);
            }
        }
    }

    private static void toDouble(float[] x, int from, int len, double[] buf) {
        for (int i = 0; i < len; i++) {
            buf[i] = SafeSamples.fromInput(x[from + i]); // NaN and infinity never enter the state
        }
    }

    private static void toFloat(double[] buf, int len, float[] x, int from) {
        for (int i = 0; i < len; i++) {
            x[from + i] = SafeSamples.toOutput(buf[i]);
        }
    }

    private boolean gliding(int c) {
        int[] glide = glideRemaining[c];
        for (int j = 0; j < activeCount; j++) {
            if (glide[active[j]] > 0) {
                return true;
            }
        }
        return false;
    }

    /** One channel, one section at a time: the path while any section glides. */
    private void runChannel(double[] buf, int len, int c) {
        double[] st = state[c];
        int[] glide = glideRemaining[c];
        for (int j = 0; j < activeCount; j++) {
            int slot = active[j];
            int i = 0;
            if (glide[slot] > 0) {
                i = glideSection(buf, len, st, coefficients[c], slot, glide);
            }
            oneSection(buf, i, len, targets, st, slot);
        }
    }

    /** Sets every state below {@link SafeSamples#FLOOR} to exactly zero (see the class comment). */
    private void flushDenormals() {
        for (double[] st : state) {
            for (int j = 0; j < activeCount; j++) {
                int s = 2 * active[j];
                st[s] = flush(st[s]);
                st[s + 1] = flush(st[s + 1]);
            }
        }
    }

    private static double flush(double v) {
        return Math.abs(v) < SafeSamples.FLOOR ? 0 : v;
    }

    // The step of SvfDesign#derive, written out in each loop below with the same operations in
    // the same order, so every path gives the same bits:
    //     v = x - s2;  y = D x + (E1 s1 + E2 s2);  t = A v - C s1;  s2 += A s1 + B v;  s1 += t;

    /** Fixed coefficients {@code c} of {@code slot} over {@code buf[from .. len)}. */
    private static void oneSection(double[] buf, int from, int len, double[] c, double[] st, int slot) {
        int o = slot * SvfDesign.STRIDE;
        double a = c[o + SvfDesign.A];
        double cc = c[o + SvfDesign.C];
        double b = c[o + SvfDesign.B];
        double d = c[o + SvfDesign.D];
        double e1 = c[o + SvfDesign.E1];
        double e2 = c[o + SvfDesign.E2];
        double s1 = st[2 * slot];
        double s2 = st[2 * slot + 1];
        for (int i = from; i < len; i++) {
            double x = buf[i];
            double v = x - s2;
            buf[i] = d * x + (e1 * s1 + e2 * s2);
            double t = a * v - cc * s1;
            s2 += a * s1 + b * v;
            s1 += t;
        }
        st[2 * slot] = s1;
        st[2 * slot + 1] = s2;
    }

    /** Sections {@code p} then {@code q} on one channel: two recursions to overlap. */
    private static void twoSections(double[] buf, int len, double[] c, double[] st, int p, int q) {
        int o = p * SvfDesign.STRIDE;
        double pa = c[o + SvfDesign.A];
        double pc = c[o + SvfDesign.C];
        double pb = c[o + SvfDesign.B];
        double pd = c[o + SvfDesign.D];
        double pe1 = c[o + SvfDesign.E1];
        double pe2 = c[o + SvfDesign.E2];
        o = q * SvfDesign.STRIDE;
        double qa = c[o + SvfDesign.A];
        double qc = c[o + SvfDesign.C];
        double qb = c[o + SvfDesign.B];
        double qd = c[o + SvfDesign.D];
        double qe1 = c[o + SvfDesign.E1];
        double qe2 = c[o + SvfDesign.E2];
        double p1 = st[2 * p];
        double p2 = st[2 * p + 1];
        double q1 = st[2 * q];
        double q2 = st[2 * q + 1];
        for (int i = 0; i < len; i++) {
            double x = buf[i];
            double v = x - p2;
            double y = pd * x + (pe1 * p1 + pe2 * p2);
            double t = pa * v - pc * p1;
            p2 += pa * p1 + pb * v;
            p1 += t;

            v = y - q2;
            buf[i] = qd * y + (qe1 * q1 + qe2 * q2);
            t = qa * v - qc * q1;
            q2 += qa * q1 + qb * v;
            q1 += t;
        }
        st[2 * p] = p1;
        st[2 * p + 1] = p2;
        st[2 * q] = q1;
        st[2 * q + 1] = q2;
    }

    /** {@link #oneSection} on two channels at once: two independent recursions to overlap. */
    private static void oneSectionStereo(double[] l, double[] r, int len, double[] c, double[] stL, double[] stR,
            int slot) {
        int o = slot * SvfDesign.STRIDE;
        double a = c[o + SvfDesign.A];
        double cc = c[o + SvfDesign.C];
        double b = c[o + SvfDesign.B];
        double d = c[o + SvfDesign.D];
        double e1 = c[o + SvfDesign.E1];
        double e2 = c[o + SvfDesign.E2];
        double l1 = stL[2 * slot];
        double l2 = stL[2 * slot + 1];
        double r1 = stR[2 * slot];
        double r2 = stR[2 * slot + 1];
        for (int i = 0; i < len; i++) {
            double x = l[i];
            double v = x - l2;
            l[i] = d * x + (e1 * l1 + e2 * l2);
            double t = a * v - cc * l1;
            l2 += a * l1 + b * v;
            l1 += t;

            x = r[i];
            v = x - r2;
            r[i] = d * x + (e1 * r1 + e2 * r2);
            t = a * v - cc * r1;
            r2 += a * r1 + b * v;
            r1 += t;
        }
        stL[2 * slot] = l1;
        stL[2 * slot + 1] = l2;
        stR[2 * slot] = r1;
        stR[2 * slot + 1] = r2;
    }

    /**
     * Sections {@code p} then {@code q} on two channels at once: four independent recursions
     * (the hot loop of a stereo EQ).
     */
    private static void twoSectionsStereo(double[] l, double[] r, int len, double[] c, double[] stL, double[] stR,
            int p, int q) {
        int o = p * SvfDesign.STRIDE;
        double pa = c[o + SvfDesign.A];
        double pc = c[o + SvfDesign.C];
        double pb = c[o + SvfDesign.B];
        double pd = c[o + SvfDesign.D];
        double pe1 = c[o + SvfDesign.E1];
        double pe2 = c[o + SvfDesign.E2];
        o = q * SvfDesign.STRIDE;
        double qa = c[o + SvfDesign.A];
        double qc = c[o + SvfDesign.C];
        double qb = c[o + SvfDesign.B];
        double qd = c[o + SvfDesign.D];
        double qe1 = c[o + SvfDesign.E1];
        double qe2 = c[o + SvfDesign.E2];
        double pl1 = stL[2 * p];
        double pl2 = stL[2 * p + 1];
        double pr1 = stR[2 * p];
        double pr2 = stR[2 * p + 1];
        double ql1 = stL[2 * q];
        double ql2 = stL[2 * q + 1];
        double qr1 = stR[2 * q];
        double qr2 = stR[2 * q + 1];
        for (int i = 0; i < len; i++) {
            // section p, left
            double x = l[i];
            double v = x - pl2;
            double y = pd * x + (pe1 * pl1 + pe2 * pl2);
            double t = pa * v - pc * pl1;
            pl2 += pa * pl1 + pb * v;
            pl1 += t;
            // section q, left
            v = y - ql2;
            l[i] = qd * y + (qe1 * ql1 + qe2 * ql2);
            t = qa * v - qc * ql1;
            ql2 += qa * ql1 + qb * v;
            ql1 += t;
            // section p, right
            x = r[i];
            v = x - pr2;
            y = pd * x + (pe1 * pr1 + pe2 * pr2);
            t = pa * v - pc * pr1;
            pr2 += pa * pr1 + pb * v;
            pr1 += t;
            // section q, right
            v = y - qr2;
            r[i] = qd * y + (qe1 * qr1 + qe2 * qr2);
            t = qa * v - qc * qr1;
            qr2 += qa * qr1 + qb * v;
            qr1 += t;
        }
        stL[2 * p] = pl1;
        stL[2 * p + 1] = pl2;
        stR[2 * p] = pr1;
        stR[2 * p + 1] = pr2;
        stL[2 * q] = ql1;
        stL[2 * q + 1] = ql2;
        stR[2 * q] = qr1;
        stR[2 * q + 1] = qr2;
    }

    /**
     * The gliding path: moves {@code g, k, m0, m1, m2} a 1/remaining step towards the targets
     * each sample and re-derives the step coefficients; returns where the glide stopped
     * (at {@code len}, or where it completed).
     */
    private int glideSection(double[] buf, int len, double[] st, double[] c, int slot, int[] glide) {
        int o = slot * SvfDesign.STRIDE;
        int remaining = glide[slot];
        double s1 = st[2 * slot];
        double s2 = st[2 * slot + 1];
        int i = 0;
        for (; i < len && remaining > 0; i++, remaining--) {
            for (int p = SvfDesign.G; p <= SvfDesign.M2; p++) {
                c[o + p] += (targets[o + p] - c[o + p]) / remaining;
            }
            SvfDesign.derive(c, o);
            double x = buf[i];
            double v = x - s2;
            buf[i] = c[o + SvfDesign.D] * x + (c[o + SvfDesign.E1] * s1 + c[o + SvfDesign.E2] * s2);
            double t = c[o + SvfDesign.A] * v - c[o + SvfDesign.C] * s1;
            s2 += c[o + SvfDesign.A] * s1 + c[o + SvfDesign.B] * v;
            s1 += t;
        }
        st[2 * slot] = s1;
        st[2 * slot + 1] = s2;
        glide[slot] = remaining;
        if (remaining == 0) {
            System.arraycopy(targets, o, c, o, SvfDesign.STRIDE); // land exactly on the design
        }
        return i;
    }
}
