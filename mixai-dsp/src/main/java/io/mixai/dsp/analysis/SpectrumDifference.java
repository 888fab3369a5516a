package io.mixai.dsp.analysis;

/**
 * The tonal distance between two band spectra on the same band grid: both are smoothed over a
 * fractional octave, their per-band dB difference taken inside a frequency range, and the gain
 * that best matches them removed (the mean difference: this is the loudness normalisation, and
 * the least-squares gain match in dB). What is left per band is {@link #differenceDb()}; its
 * RMS over the bands is {@link #rmsDb()}, the tonal distance (0 for spectra equal up to gain).
 *
 * <p>Example: two spectra of N bands that differ by +6 dB in one band only differ, after the
 * gain match, by 6 (N - 1)/N dB there and -6/N dB elsewhere, an RMS of 6 sqrt(N - 1) / N dB.
 * Immutable.
 */
public final class SpectrumDifference {

    private final double[] centres;
    private final double[] differenceDb;
    private final double gainOffsetDb;
    private final double rmsDb;

    private SpectrumDifference(double[] centres, double[] differenceDb, double gainOffsetDb, double rmsDb) {
        this.centres = centres;
        this.differenceDb = differenceDb;
        this.gainOffsetDb = gainOffsetDb;
        this.rmsDb = rmsDb;
    }

    /**
     * Compares the total (mid plus side) spectra of two analyses, {@code measured - reference}.
     *
     * @see #between(FractionalOctaveBands, double[], double[], double, double, int)
     */
    public static SpectrumDifference between(LongTermSpectrum measured, LongTermSpectrum reference,
            double lowHz, double highHz, int smoothingBandsPerOctave) {
        if (!measured.bands().equals(reference.bands())) {
            throw new IllegalArgumentException("spectra on different band grids: " + measured.bands()
                    + " vs " + reference.bands());
        }
        return between(measured.bands(), measured.totalDb(), reference.totalDb(), lowHz, highHz,
                smoothingBandsPerOctave);
    }

    /**
     * The difference {@code measured - reference} of two dB spectra on {@code bands}.
     *
     * @param lowHz the lowest band centre to compare (e.g. 30 Hz)
     * @param highHz the highest band centre to compare (e.g. 16 kHz)
     * @param smoothingBandsPerOctave before differencing, each band's level becomes the mean
     *     power of the bands whose centres lie within 1/s octave around it (half each side);
     *     0 for no smoothing. Smoothing of 1/s octave with bands of 1/s octave or wider is none.
     * @throws IllegalArgumentException if the arrays do not match the bands, a level is NaN,
     *     or no band centre lies in the range
     */
    public static SpectrumDifference between(FractionalOctaveBands bands, double[] measuredDb,
            double[] referenceDb, double lowHz, double highHz, int smoothingBandsPerOctave) {
        int count = bands.count();
        if (measuredDb.length != count || referenceDb.length != count) {
            throw new IllegalArgumentException("expected " + count + " band levels, got "
                    + measuredDb.length + " measured and " + referenceDb.length + " reference");
        }
        for (int b = 0; b < count; b++) {
            if (Double.isNaN(measuredDb[b]) || Double.isNaN(referenceDb[b])) {
                throw new IllegalArgumentException("band level " + b + " is NaN");
            }
        }
        if (smoothingBandsPerOctave < 0) {
            throw new IllegalArgumentException("smoothing must be 0 (none) or 1/s octave with s > 0, got "
                    + smoothingBandsPerOctave);
        }
        int first = 0;
        while (first < count && bands.centre(first) < lowHz) {
            first++;
        }
        int last = count - 1;
        while (last >= 0 && bands.centre(last) > highHz) {
            last--;
        }
        if (last < first) {
            throw new IllegalArgumentException("no band centre of " + bands + " lies in " + lowHz
                    + " .. " + highHz + " Hz");
        }
        double[] smoothMeasured = smooth(bands, measuredDb, smoothingBandsPerOctave);
        double[] smoothReference = smooth(bands, referenceDb, smoothingBandsPerOctave);
        int n = last - first + 1;
        double[] centres = new double[n];
        double[] difference = new double[n];
        double mean = 0;
        for (int i = 0; i < n; i++) {
            centres[i] = bands.centre(first + i);
            difference[i] = smoothMeasured[first + i] - smoothReference[first + i];
            mean += difference[i];
        }
        mean /= n;
        double sumSquares = 0;
        for (int i = 0; i < n; i++) {
            difference[i] -= mean;
            sumSquares += difference[i] * difference[i];
        }
        return new SpectrumDifference(centres, difference, mean, Math.sqrt(sumSquares / n));
    }

    /** Power-mean of the levels of the bands within +-1/(2s) octave of each band's centre. */
    private static double[] smooth(FractionalOctaveBands bands, double[] levelsDb, int s) {
        if (s == 0) {
            return levelsDb.clone();
        }
        // A hair of tolerance so that a centre exactly on the window's edge counts in.
        double halfWidthOctaves = 1.0 / (2.0 * s) + 1e-9;
        int count = bands.count();
        double[] smoothed = new double[count];
        for (int b = 0; b < count; b++) {
            double centre = bands.centre(b);
            double sum = 0;
            int used = 0;
            for (int j = 0; j < count; j++) {
                double distance = Math.abs(Math.log(bands.centre(j) / centre) / Math.log(2.0));
                if (distance <= halfWidthOctaves) {
                    sum += Math.pow(10.0, levelsDb[j] / 10.0);
                    used++;
                }
            }
            smoothed[b] = 10.0 * Math.log10(sum / used);
        }
        return smoothed;
    }

    /** The centres of the compared bands. */
    public double[] centres() {
        return centres.clone();
    }

    /** Per compared band, measured minus reference after smoothing and the gain match, in dB. */
    public double[] differenceDb() {
        return differenceDb.clone();
    }

    /** The gain match removed: the mean of measured minus reference over the compared bands, in dB. */
    public double gainOffsetDb() {
        return gainOffsetDb;
    }

    /** The tonal distance: RMS of {@link #differenceDb()}, in dB. */
    public double rmsDb() {
        return rmsDb;
    }
}
