package io.mixai.dsp.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixai.audio.AudioBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SpectrumDifferenceTest {

    private static final FractionalOctaveBands THIRDS = FractionalOctaveBands.audioRange(3, 48_000);

    /** A tilted, bumpy but otherwise arbitrary reference spectrum. */
    private static double[] reference() {
        double[] db = new double[THIRDS.count()];
        for (int i = 0; i < db.length; i++) {
            db[i] = -30 - 0.8 * i + 3 * Math.sin(i * 0.7);
        }
        return db;
    }

    @Test
    void identicalSpectraAreZeroApartAndAGainChangeIsNoTonalChange() {
        double[] ref = reference();
        SpectrumDifference same = SpectrumDifference.between(THIRDS, ref, ref, 30, 16_000, 3);
        assertEquals(0.0, same.rmsDb(), 1e-12);
        double[] louder = Arrays.stream(ref).map(v -> v + 7.5).toArray();
        SpectrumDifference gained = SpectrumDifference.between(THIRDS, louder, ref, 30, 16_000, 3);
        assertEquals(0.0, gained.rmsDb(), 1e-9);
        assertEquals(7.5, gained.gainOffsetDb(), 1e-9);
    }

    /**
     * +6 dB in one band of the N compared: after the gain match (mean 6/N removed) that band
     * differs by 6 (N - 1)/N and the others by -6/N, an RMS of 6 sqrt(N - 1) / N dB. 1/3-octave
     * centres from 30 Hz to 16 kHz are 31.25 Hz (x = -15) .. 16 kHz (x = 12): N = 28.
     */
    @Test
    void oneBandSixDecibelsUpGivesTheExpectedRms() {
        double[] ref = reference();
        double[] bumped = ref.clone();
        int band = THIRDS.bandContaining(1000.0);
        bumped[band] += 6;
        SpectrumDifference difference = SpectrumDifference.between(THIRDS, bumped, ref, 30, 16_000, 0);
        int n = 28;
        assertEquals(n, difference.centres().length);
        assertEquals(31.25, difference.centres()[0], 1e-9);
        assertEquals(16_000.0, difference.centres()[n - 1], 1e-9);
        assertEquals(6 * Math.sqrt(n - 1) / n, difference.rmsDb(), 1e-9);
        assertEquals(6.0 / n, difference.gainOffsetDb(), 1e-9);
        int inRange = band - THIRDS.bandContaining(31.25);
        assertEquals(6.0 * (n - 1) / n, difference.differenceDb()[inRange], 1e-9);
        // 1/3-octave smoothing of 1/3-octave bands keeps each band alone: the same answer.
        assertEquals(difference.rmsDb(),
                SpectrumDifference.between(THIRDS, bumped, ref, 30, 16_000, 3).rmsDb(), 1e-12);
        // A bump outside the range changes nothing.
        double[] outside = ref.clone();
        outside[0] += 6;
        assertEquals(0.0, SpectrumDifference.between(THIRDS, outside, ref, 30, 16_000, 0).rmsDb(), 1e-12);
    }

    /**
     * One-octave smoothing of 1/3-octave bands averages the power of each band with its two
     * neighbours (centres 2^(+-1/3) away, within +-1/2 octave). A flat spectrum with one band
     * +6 dB becomes 10 log10((10^0.6 + 2) / 3) = 2.99 dB up in that band and both neighbours.
     */
    @Test
    void octaveSmoothingSpreadsABumpOverThreeThirdOctaveBands() {
        double[] flat = new double[THIRDS.count()];
        double[] bumped = flat.clone();
        int band = THIRDS.bandContaining(1000.0);
        bumped[band] = 6;
        SpectrumDifference difference = SpectrumDifference.between(THIRDS, bumped, flat, 30, 16_000, 1);
        double raised = 10 * Math.log10((Math.pow(10, 0.6) + 2) / 3);
        int n = 28;
        double mean = 3 * raised / n;
        double expectedRms = Math.sqrt((3 * Math.pow(raised - mean, 2) + (n - 3) * mean * mean) / n);
        assertEquals(expectedRms, difference.rmsDb(), 1e-9);
        int first = THIRDS.bandContaining(31.25);
        for (int i = band - 1; i <= band + 1; i++) {
            assertEquals(raised - mean, difference.differenceDb()[i - first], 1e-9);
        }
    }

    /**
     * Measured pink noise against itself 6 dB louder: 0 tonal distance; pink against white
     * noise (3 dB per octave apart) is tilted, with an RMS of 3.01 dB/oct times the standard
     * deviation of the log2 band positions over 9 octaves (28 bands 1/3 octave apart:
     * sqrt((28^2 - 1) / 12) / 3 = 2.69 octaves), i.e. about 8.1 dB, within the estimates' scatter.
     */
    @Test
    void measuredSpectraCompareAsExpected() {
        int rate = 48_000;
        float[] pink = SpectrumTestSignals.pinkNoise(0.1, 10.0, rate, 1 << 19, 5);
        float[] louder = new float[pink.length];
        for (int i = 0; i < pink.length; i++) {
            louder[i] = 2 * pink[i];
        }
        float[] white = SpectrumTestSignals.whiteNoise(0.1, 1 << 19, 6);
        LongTermSpectrum pinkSpectrum = SpectrumAnalyzer.analyze(AudioBuffer.wrap(new float[][] {pink}, rate), 3);
        LongTermSpectrum louderSpectrum = SpectrumAnalyzer.analyze(AudioBuffer.wrap(new float[][] {louder}, rate), 3);
        LongTermSpectrum whiteSpectrum = SpectrumAnalyzer.analyze(AudioBuffer.wrap(new float[][] {white}, rate), 3);
        SpectrumDifference gain = SpectrumDifference.between(louderSpectrum, pinkSpectrum, 30, 16_000, 3);
        assertEquals(0.0, gain.rmsDb(), 1e-6);
        assertEquals(20 * Math.log10(2), gain.gainOffsetDb(), 1e-6);
        SpectrumDifference tilt = SpectrumDifference.between(whiteSpectrum, pinkSpectrum, 30, 16_000, 3);
        double expected = 10 * Math.log10(2) * Math.sqrt((28.0 * 28.0 - 1) / 12) / 3;
        assertEquals(expected, tilt.rmsDb(), 0.3);
        double[] d = tilt.differenceDb();
        assertTrue(d[d.length - 1] - d[0] > 25, "white rises against pink towards the top");
    }

    @Test
    void rejectsMismatchedInput() {
        double[] ref = reference();
        assertThrows(IllegalArgumentException.class,
                () -> SpectrumDifference.between(THIRDS, new double[3], ref, 30, 16_000, 3));
        assertThrows(IllegalArgumentException.class,
                () -> SpectrumDifference.between(THIRDS, ref, ref, 21_000, 22_000, 3));
        double[] nan = ref.clone();
        nan[4] = Double.NaN;
        assertThrows(IllegalArgumentException.class,
                () -> SpectrumDifference.between(THIRDS, nan, ref, 30, 16_000, 3));
    }
}
