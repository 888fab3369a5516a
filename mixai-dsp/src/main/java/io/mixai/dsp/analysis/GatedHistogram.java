package io.mixai.dsp.analysis;

import java.util.Arrays;
import java.util.OptionalDouble;

/**
 * The gating blocks of a programme, kept in bounded memory: a histogram of block loudness in
 * bins of {@value #BIN_LU} LU from the absolute gate (−70 LUFS) to +30 LUFS, holding per bin
 * the number of blocks and the exact sum of their mean-square energies.
 *
 * <p>Because energies are summed exactly, a power mean over whole bins is exact; the only
 * approximation is whether the blocks of the single bin that straddles a relative gate are in
 * or out (decided by the bin centre), which moves a gated loudness by far less than 0.01 LU in
 * practice. Percentiles (for the loudness range) are read as bin centres, within
 * {@value #BIN_LU}/2 LU of the exact order statistic. Blocks louder than +30 LUFS share the top
 * bin (their energy still counts exactly).
 */
final class GatedHistogram {

    static final double ABSOLUTE_GATE_LUFS = -70.0;
    static final double BIN_LU = 0.01;
    static final double TOP_LUFS = 30.0;
    static final int BINS = (int) Math.round((TOP_LUFS - ABSOLUTE_GATE_LUFS) / BIN_LU);

    private final long[] counts = new long[BINS];
    private final double[] energies = new double[BINS];

    /** Adds one block by its channel-weighted mean square; blocks at or below −70 LUFS are gated out. */
    void add(double meanSquare) {
        if (!(meanSquare > 0) || Double.isInfinite(meanSquare)) {
            return;
        }
        double lufs = Loudness.lufs(meanSquare);
        if (!(lufs > ABSOLUTE_GATE_LUFS)) {
            return;
        }
        int bin = (int) Math.floor((lufs - ABSOLUTE_GATE_LUFS) / BIN_LU);
        bin = Math.min(BINS - 1, Math.max(0, bin));
        counts[bin]++;
        energies[bin] += meanSquare;
    }

    void clear() {
        Arrays.fill(counts, 0L);
        Arrays.fill(energies, 0.0);
    }

    /** First bin included by a relative gate {@code relativeLu} below the power mean of all blocks, or -1 if none. */
    private int firstBinAboveRelativeGate(double relativeLu) {
        long n = 0;
        double sum = 0;
        for (int b = 0; b < BINS; b++) {
            n += counts[b];
            sum += energies[b];
        }
        if (n == 0) {
            return -1;
        }
        double gate = Loudness.lufs(sum / n) + relativeLu;
        // Bin b is in when its centre lies above the gate.
        int first = (int) Math.ceil((gate - ABSOLUTE_GATE_LUFS) / BIN_LU - 0.5);
        return Math.max(0, Math.min(BINS - 1, first));
    }

    /**
     * Loudness of the blocks above the absolute gate and above the relative gate
     * {@code relativeLu} (BS.1770-4 §2.8: −10 LU); empty when no block passes.
     */
    OptionalDouble gatedLoudness(double relativeLu) {
        int first = firstBinAboveRelativeGate(relativeLu);
        if (first < 0) {
            return OptionalDouble.empty();
        }
        long n = 0;
        double sum = 0;
        for (int b = first; b < BINS; b++) {
            n += counts[b];
            sum += energies[b];
        }
        return n == 0 ? OptionalDouble.empty() : OptionalDouble.of(Loudness.lufs(sum / n));
    }

    /**
     * EBU Tech 3342 loudness range: after the absolute gate and a relative gate
     * {@code relativeLu} (−20 LU), the difference between the 95th and the 10th percentile of
     * the block loudness distribution; empty when no block passes.
     */
    OptionalDouble percentileRange(double relativeLu, double lowPercentile, double highPercentile) {
        int first = firstBinAboveRelativeGate(relativeLu);
        if (first < 0) {
            return OptionalDouble.empty();
        }
        long n = 0;
        for (int b = first; b < BINS; b++) {
            n += counts[b];
        }
        if (n == 0) {
            return OptionalDouble.empty();
        }
        double low = valueAtRank(first, Math.round((n - 1) * lowPercentile / 100.0));
        double high = valueAtRank(first, Math.round((n - 1) * highPercentile / 100.0));
        return OptionalDouble.of(high - low);
    }

    /** Loudness (bin centre) of the block of 0-based rank {@code rank} counted from bin {@code first}. */
    private double valueAtRank(int first, long rank) {
        long seen = 0;
        for (int b = first; b < BINS; b++) {
            seen += counts[b];
            if (seen > rank) {
                return ABSOLUTE_GATE_LUFS + (b + 0.5) * BIN_LU;
            }
        }
        return TOP_LUFS;
    }
}
