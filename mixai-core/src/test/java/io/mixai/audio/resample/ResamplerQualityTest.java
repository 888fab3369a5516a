package io.mixai.audio.resample;

import static io.mixai.audio.resample.SignalMeasure.db;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixai.audio.AudioBuffer;
import io.mixai.audio.resample.SignalMeasure.ToneFit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The acceptance criteria measured on audio: passband flatness within ±0.1 dB up to 0.9 × the
 * lower Nyquist frequency, aliases and images below −100 dB, for tones and for a log sweep, at
 * the rate pairs the issue names plus ratios that need the interpolated phase table and the
 * extreme ratios of the supported range.
 */
class ResamplerQualityTest {

    private static final double SECONDS = 0.5;
    private static final double AMPLITUDE = 0.5;
    /** How long the sweep stays at its top frequency. */
    private static final double HOLD_SECONDS = 0.1;
    private static final double PASSBAND_TOLERANCE_DB = 0.1;
    private static final double ALIAS_LIMIT_DB = -100.0;
    /** One output sample of delay at 20 kHz is ~2.6 rad at 48 kHz; this is far below that. */
    private static final double PHASE_TOLERANCE_RAD = 1e-4;

    /** Passband tone frequencies as fractions of the lower Nyquist frequency. */
    private static final double[] PASSBAND = {0.005, 0.05, 0.2, 0.45, 0.7, 0.8, 0.85, 0.9};
    /** Tones in the transition band: their images must still vanish when upsampling. */
    private static final double[] TRANSITION = {0.95, 0.99};

    private static AudioBuffer resampleTone(double frequency, int in, int out) {
        float[] x = SignalMeasure.tone(frequency, AMPLITUDE, in, SECONDS);
        return Resampler.resample(AudioBuffer.wrap(new float[][] {x}, in), out);
    }

    /** Output samples to skip at each end: the filter's reach around the signal's start and end. */
    private static int edge(int in, int out) {
        Resampler r = new Resampler(in, out, 1);
        return (int) Math.ceil((r.latencyInputFrames() + 2) * (double) out / in) + 4;
    }

    @ParameterizedTest(name = "{0} -> {1} Hz")
    @CsvSource({"44100,48000", "48000,44100", "48000,96000", "96000,44100",
        "44100,48001", "48001,44100", "8000,384000", "384000,8000", "384000,8001"})
    void passbandTonesKeepAmplitudeAndPhaseAndAddNothing(int in, int out) {
        double lowerNyquist = Math.min(in, out) / 2.0;
        int edge = edge(in, out);
        for (double fraction : PASSBAND) {
            double f = fraction * lowerNyquist;
            AudioBuffer y = resampleTone(f, in, out);
            float[] ch = y.channel(0);
            ToneFit fit = SignalMeasure.fitTone(ch, edge, ch.length - edge, f, out);
            double gainDb = db(fit.amplitude() / AMPLITUDE);
            assertTrue(Math.abs(gainDb) <= PASSBAND_TOLERANCE_DB,
                    () -> in + "->" + out + " tone " + f + " Hz: gain " + gainDb + " dB");
            // Output k is the input at time k/out: the fitted phase is the input's (0).
            assertTrue(Math.abs(fit.phase()) < PHASE_TOLERANCE_RAD,
                    () -> in + "->" + out + " tone " + f + " Hz: phase " + fit.phase() + " rad");
            double residualDb = db(fit.residualLevel() / AMPLITUDE);
            assertTrue(residualDb < ALIAS_LIMIT_DB,
                    () -> in + "->" + out + " tone " + f + " Hz: residual " + residualDb + " dB");
        }
    }

    @ParameterizedTest(name = "{0} -> {1} Hz")
    @CsvSource({"44100,48000", "48000,96000", "44100,48001", "8000,384000"})
    void upsamplingLeavesNoImagesOfTransitionBandTones(int in, int out) {
        int edge = edge(in, out);
        for (double fraction : TRANSITION) {
            double f = fraction * in / 2.0;
            AudioBuffer y = resampleTone(f, in, out);
            float[] ch = y.channel(0);
            // The tone itself is partly attenuated here; everything else are its images.
            ToneFit fit = SignalMeasure.fitTone(ch, edge, ch.length - edge, f, out);
            double imageDb = db(fit.residualLevel() / AMPLITUDE);
            assertTrue(imageDb < ALIAS_LIMIT_DB,
                    () -> in + "->" + out + " tone " + f + " Hz: images at " + imageDb + " dB");
        }
    }

    @ParameterizedTest(name = "{0} -> {1} Hz")
    @CsvSource({"48000,44100", "96000,44100", "48001,44100", "384000,8000", "384000,8001"})
    void downsamplingRejectsTonesAboveOutputNyquist(int in, int out) {
        double outNyquist = out / 2.0;
        double inNyquist = in / 2.0;
        int edge = edge(in, out);
        // From just above the output Nyquist frequency to just below the input one.
        double[] positions = {0.0005, 0.02, 0.1, 0.3, 0.5, 0.7, 0.9, 0.995};
        for (double position : positions) {
            double f = outNyquist + position * (inNyquist - outNyquist);
            AudioBuffer y = resampleTone(f, in, out);
            float[] ch = y.channel(0);
            double aliasDb = db(SignalMeasure.level(ch, edge, ch.length - edge) / AMPLITUDE);
            assertTrue(aliasDb < ALIAS_LIMIT_DB,
                    () -> in + "->" + out + " tone " + f + " Hz: alias at " + aliasDb + " dB");
        }
    }

    /**
     * A full-scale log sweep from 20 Hz to the input Nyquist frequency (0.998 of it, where it then
     * stays for a while so that downsampling has a stretch of stopband to judge). Where the sweep
     * is in the passband for the whole reach of the filter, the output must equal the ideal sweep
     * at the output times; where it is above the output Nyquist frequency it must be silent.
     * "For the whole reach of the filter" is judged with a guard of twice the filter's half
     * length: a sweep is not a sum of stationary tones, and the parts of it that cross the cutoff
     * ring (correctly) for a while.
     * Both within −100 dB of full scale, sample by sample: images, aliases, passband error and
     * timing error would all show. The transition band in between is not judged.
     */
    @ParameterizedTest(name = "{0} -> {1} Hz")
    @CsvSource({"44100,48000", "48000,44100", "48000,96000", "96000,44100",
        "44100,48001", "48001,44100", "8000,384000", "384000,8000"})
    void logSweepIsReproducedInPassbandAndSilencedAboveOutputNyquist(int in, int out) {
        double f0 = 20.0;
        double f1 = 0.998 * in / 2.0;
        double k = Math.log(f1 / f0);
        double duration = SECONDS + HOLD_SECONDS;
        int n = (int) Math.round(duration * in);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) sweep(i / (double) in, f0, f1, k);
        }
        float[] y = Resampler.resample(AudioBuffer.wrap(new float[][] {x}, in), out).channel(0);

        double lowerNyquist = Math.min(in, out) / 2.0;
        double guard = 2.0 * new Resampler(in, out, 1).latencyInputFrames() / in;
        double worstPassband = 0;
        double worstStopband = 0;
        int passbandSamples = 0;
        int stopbandSamples = 0;
        for (int j = 0; j < y.length; j++) {
            double t = j / (double) out;
            // Not judged: the starts and ends of the signal, and the kink where the sweep turns
            // into the held tone (a jump in the chirp rate, whose broadband click has real
            // in-band content).
            if (t < guard || t > duration - guard || Math.abs(t - SECONDS) < guard) {
                continue;
            }
            if (frequency(t + guard, f0, f1, k) <= 0.9 * lowerNyquist) {
                worstPassband = Math.max(worstPassband, Math.abs(y[j] - sweep(t, f0, f1, k)));
                passbandSamples++;
            } else if (frequency(t - guard, f0, f1, k) >= lowerNyquist) {
                worstStopband = Math.max(worstStopband, Math.abs(y[j]));
                stopbandSamples++;
            }
        }
        assertTrue(passbandSamples > y.length / 4, "the passband part was judged");
        assertEquals(out < in, stopbandSamples > 0, "a stopband part exists exactly when going down");
        double passDb = db(worstPassband);
        double stopDb = stopbandSamples == 0 ? Double.NEGATIVE_INFINITY : db(worstStopband);
        assertTrue(passDb < ALIAS_LIMIT_DB, () -> in + "->" + out + " passband error " + passDb + " dBFS");
        assertTrue(stopDb < ALIAS_LIMIT_DB, () -> in + "->" + out + " stopband output " + stopDb + " dBFS");
    }

    /**
     * The full-scale log sweep sin(2π f0 T/k (e^{kt/T} − 1)), k = ln(f1/f0), whose frequency
     * f0·e^{kt/T} reaches f1 at T = {@link #SECONDS}; after T it holds f1 with continuous phase.
     */
    private static double sweep(double t, double f0, double f1, double k) {
        double sweepPhase = 2.0 * Math.PI * f0 * SECONDS / k * Math.expm1(k * Math.min(t, SECONDS) / SECONDS);
        return Math.sin(sweepPhase + 2.0 * Math.PI * f1 * Math.max(0.0, t - SECONDS));
    }

    private static double frequency(double t, double f0, double f1, double k) {
        return t >= SECONDS ? f1 : f0 * Math.exp(k * t / SECONDS);
    }

    @Test
    void unusualRatiosUseTheInterpolatedTableAndCommonOnesExactPhases() {
        // The quality tests above cover both kinds of table; make sure they really are both.
        assertTrue(new Resampler(44100, 48000, 1).exactPhases());
        assertTrue(new Resampler(96000, 44100, 1).exactPhases());
        assertFalse(new Resampler(44100, 48001, 1).exactPhases());
        assertFalse(new Resampler(48001, 44100, 1).exactPhases());
        assertFalse(new Resampler(384000, 8001, 1).exactPhases());
    }
}
