package io.mixai.master;

import java.util.Arrays;
import java.util.OptionalDouble;

/**
 * What was measured on one programme (the track before or after mastering, or a reference).
 * Levels that cannot be measured (digital silence, a programme shorter than the window) are NaN.
 *
 * @param integratedLufs   gated integrated loudness, ITU-R BS.1770-4
 * @param loudnessRangeLu  loudness range, EBU Tech 3342
 * @param maxShortTermLufs largest 3 s loudness
 * @param truePeakDbtp     true peak (BS.1770-4 Annex 2 meter, 4x oversampled below 96 kHz)
 * @param truePeak16xDbtp  true peak measured with 16x oversampling by a long windowed-sinc
 *                         interpolator (the stricter check the ceiling is held to); NaN where not measured
 * @param samplePeakDbfs   largest absolute sample
 * @param bandCentresHz    1/3-octave band centres of the spectra
 * @param midDb            long-term mid spectrum, dB re full-scale sine per band
 * @param sideDb           long-term side spectrum (very low for mono)
 * @param correlation      inter-channel correlation per band (1 for mono)
 * @param shortTermLufs    short-term (3 s) loudness once a second
 * @param frames           length in frames
 * @param sampleRate       sample rate in Hz
 * @param channels         channel count
 */
public record Measurements(
        double integratedLufs,
        double loudnessRangeLu,
        double maxShortTermLufs,
        double truePeakDbtp,
        double truePeak16xDbtp,
        double samplePeakDbfs,
        double[] bandCentresHz,
        double[] midDb,
        double[] sideDb,
        double[] correlation,
        Timeline shortTermLufs,
        long frames,
        int sampleRate,
        int channels) {

    public Measurements {
        bandCentresHz = bandCentresHz.clone();
        midDb = midDb.clone();
        sideDb = sideDb.clone();
        correlation = correlation.clone();
        if (midDb.length != bandCentresHz.length || sideDb.length != bandCentresHz.length
                || correlation.length != bandCentresHz.length) {
            throw new IllegalArgumentException("band arrays differ in length");
        }
    }

    /** PLR: true peak minus integrated loudness, dB (NaN if either is). */
    public double peakToLoudnessRatioDb() {
        return truePeakDbtp - integratedLufs;
    }

    /** Integrated loudness, empty when unmeasurable. */
    public OptionalDouble integrated() {
        return Double.isFinite(integratedLufs) ? OptionalDouble.of(integratedLufs) : OptionalDouble.empty();
    }

    public double durationSeconds() {
        return frames / (double) sampleRate;
    }

    @Override
    public double[] bandCentresHz() {
        return bandCentresHz.clone();
    }

    @Override
    public double[] midDb() {
        return midDb.clone();
    }

    @Override
    public double[] sideDb() {
        return sideDb.clone();
    }

    @Override
    public double[] correlation() {
        return correlation.clone();
    }

    /** Mid plus side power per band in dB (the whole image's tonal balance). */
    public double[] totalDb() {
        double[] t = new double[midDb.length];
        for (int i = 0; i < t.length; i++) {
            t[i] = 10 * Math.log10(Math.pow(10, midDb[i] / 10) + Math.pow(10, sideDb[i] / 10));
        }
        return t;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Measurements m && Arrays.equals(m.midDb, midDb) && Arrays.equals(m.sideDb, sideDb)
                && m.frames == frames && Double.compare(m.integratedLufs, integratedLufs) == 0
                && Double.compare(m.truePeakDbtp, truePeakDbtp) == 0;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(midDb) * 31 + Long.hashCode(frames);
    }
}
