package io.mixai.dsp.analysis;

/**
 * Sample peak and RMS of a signal and their ratio, the crest factor. Levels are dB re digital
 * full scale of the raw values ({@code 20 log10(peak)}, {@code 20 log10(rms)}; a full-scale
 * sine has peak 0 dB, RMS -3.01 dB and crest factor 3.01 dB; a full-scale square wave 0 dB).
 * Zero reads {@link LongTermSpectrum#FLOOR_DB}; silence has crest factor 0 dB (nothing stands
 * out above the mean).
 *
 * @param peak largest absolute sample value
 * @param rms root mean square of the samples
 */
public record CrestFactor(double peak, double rms) {

    public CrestFactor {
        if (!(peak >= 0) || !(rms >= 0) || !Double.isFinite(peak) || !Double.isFinite(rms)) {
            throw new IllegalArgumentException("peak and rms must be finite and non-negative, got peak "
                    + peak + ", rms " + rms);
        }
    }

    public double peakDb() {
        return amplitudeToDb(peak);
    }

    public double rmsDb() {
        return amplitudeToDb(rms);
    }

    /** {@code 20 log10(peak / rms)}; 0 for silence. */
    public double crestDb() {
        return rms > 0 ? 20.0 * Math.log10(peak / rms) : 0.0;
    }

    static double amplitudeToDb(double amplitude) {
        return amplitude > 1e-10 ? 20.0 * Math.log10(amplitude) : LongTermSpectrum.FLOOR_DB;
    }
}
