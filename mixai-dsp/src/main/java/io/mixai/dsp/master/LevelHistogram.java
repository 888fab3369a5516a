package io.mixai.dsp.master;

/**
 * The distribution of short-window RMS levels (10 ms windows, channels' mean square), in
 * 0.25 dB bins: enough to predict what a compressor's static curve does to the programme's
 * peaks and to its average level without rendering it. Constant memory.
 */
final class LevelHistogram {

    static final double MIN_DB = -100;
    static final double MAX_DB = 12;
    static final double BIN_DB = 0.25;
    private static final int BINS = (int) ((MAX_DB - MIN_DB) / BIN_DB);

    private final long[] counts = new long[BINS];
    private final double[] energy = new double[BINS];
    private final int windowFrames;
    private double sum;
    private int fill;
    private long windows;

    LevelHistogram(int sampleRate) {
        this.windowFrames = Math.max(1, Math.round(sampleRate / 100f));
    }

    void process(float[][] block, int offset, int frames) {
        int channels = block.length;
        for (int i = offset; i < offset + frames; i++) {
            double s = 0;
            for (int c = 0; c < channels; c++) {
                double x = block[c][i];
                s += x * x;
            }
            sum += s / channels;
            if (++fill == windowFrames) {
                double meanSquare = sum / windowFrames;
                if (meanSquare > 1e-10) {
                    double db = 10 * Math.log10(meanSquare);
                    int bin = (int) Math.min(BINS - 1, Math.max(0, (db - MIN_DB) / BIN_DB));
                    counts[bin]++;
                    energy[bin] += meanSquare;
                    windows++;
                }
                sum = 0;
                fill = 0;
            }
        }
    }

    /** Non-silent windows seen. */
    long windows() {
        return windows;
    }

    /** The level (dB) below which {@code fraction} of the non-silent windows lie. */
    double percentileDb(double fraction) {
        long needed = (long) Math.ceil(fraction * windows);
        long seen = 0;
        for (int b = 0; b < BINS; b++) {
            seen += counts[b];
            if (seen >= needed && seen > 0) {
                return MIN_DB + (b + 0.5) * BIN_DB;
            }
        }
        return MAX_DB;
    }

    /**
     * Predicted change of crest, in dB, by a static compressor curve: the gain reduction at the
     * loud end (99th percentile window) minus the energy-weighted mean gain reduction (what the
     * average level loses).
     */
    double predictedCrestReductionDb(double thresholdDb, double ratio, double kneeDb) {
        double loud = percentileDb(0.99);
        double peakReduction = reductionDb(loud, thresholdDb, ratio, kneeDb);
        double total = 0;
        double reducedTotal = 0;
        for (int b = 0; b < BINS; b++) {
            if (energy[b] == 0) {
                continue;
            }
            double level = MIN_DB + (b + 0.5) * BIN_DB;
            total += energy[b];
            reducedTotal += energy[b] * Math.pow(10, -reductionDb(level, thresholdDb, ratio, kneeDb) / 10);
        }
        double meanReduction = total > 0 ? -10 * Math.log10(reducedTotal / total) : 0;
        return peakReduction - meanReduction;
    }

    /** Static gain reduction (positive dB) of a soft-knee compressor, the usual quadratic knee. */
    static double reductionDb(double levelDb, double thresholdDb, double ratio, double kneeDb) {
        double over = levelDb - thresholdDb;
        double slope = 1 - 1 / ratio;
        if (kneeDb > 0 && Math.abs(over) <= kneeDb / 2) {
            double x = over + kneeDb / 2;
            return slope * x * x / (2 * kneeDb);
        }
        return over > 0 ? slope * over : 0;
    }
}
