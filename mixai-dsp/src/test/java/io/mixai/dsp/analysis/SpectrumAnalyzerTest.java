package io.mixai.dsp.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixai.audio.AudioBlock;
import io.mixai.audio.AudioBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Band levels against signals with known spectra: sines, white and pink noise. */
class SpectrumAnalyzerTest {

    private static final int RATE = 48_000;

    private static LongTermSpectrum analyseMono(float[] x, int bandsPerOctave) {
        return SpectrumAnalyzer.analyze(AudioBuffer.wrap(new float[][] {x}, RATE), bandsPerOctave);
    }

    @Test
    void defaultFrameGivesSeveralBinsInTheLowestThirdOctaveBand() {
        assertEquals(32_768, SpectrumAnalyzer.defaultFrameSize(48_000));
        assertEquals(32_768, SpectrumAnalyzer.defaultFrameSize(44_100));
        assertEquals(65_536, SpectrumAnalyzer.defaultFrameSize(96_000));
        for (int rate : new int[] {22_050, 44_100, 48_000, 88_200, 96_000, 192_000}) {
            double binHz = rate / (double) SpectrumAnalyzer.defaultFrameSize(rate);
            FractionalOctaveBands bands = FractionalOctaveBands.audioRange(3, rate);
            double lowestWidth = bands.upperEdge(0) - bands.lowerEdge(0);
            assertTrue(lowestWidth / binHz >= 2.2, rate + " Hz: " + lowestWidth / binHz + " bins");
        }
    }

    /**
     * A sine of amplitude A at a band centre reads 20 log10(A) in its band. The nearest
     * neighbouring band edge is half a band (1/(2b) octave) away: at 2 kHz that is at least
     * 2000 (1 - 2^(-1/48)) = 28.7 Hz = 19.6 bins of 1.46 Hz even for 1/24 octave, where the
     * Hann window's side lobes (-31.5 dB at 2.5 bins, falling 18 dB per octave) are below
     * -75 dB; so every other band must be at least 60 dB down.
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 3, 6, 12, 24})
    void sineAtABandCentreReadsItsAmplitudeInThatBandOnly(int b) {
        FractionalOctaveBands grid = FractionalOctaveBands.audioRange(b, RATE);
        int band = grid.bandContaining(2000.0);
        double fc = grid.centre(band);
        double amplitude = 0.25;
        LongTermSpectrum spectrum = analyseMono(SpectrumTestSignals.sine(amplitude, fc, RATE, 3 * RATE), b);
        double expected = 20 * Math.log10(amplitude);
        assertEquals(expected, spectrum.midDb(band), 0.01, "1/" + b + " band at " + fc + " Hz");
        for (int i = 0; i < spectrum.bandCount(); i++) {
            if (i != band) {
                assertTrue(spectrum.midDb(i) < expected - 60, "band " + i + " at " + grid.centre(i)
                        + " Hz reads " + spectrum.midDb(i) + " dB next to a sine of " + expected + " dB");
            }
        }
    }

    /**
     * The full-scale reference: a full-scale sine at 1 kHz (a 1/3-octave centre) reads 0 dB; a
     * sine between two centres still puts all its power into the band that holds it.
     */
    @Test
    void fullScaleSineReadsZeroDecibelsAndPowerIsConservedOffCentre() {
        LongTermSpectrum atCentre = analyseMono(SpectrumTestSignals.sine(1.0, 1000.0, RATE, 2 * RATE), 3);
        int band = atCentre.bands().bandContaining(1000.0);
        assertEquals(0.0, atCentre.midDb(band), 0.01);
        // 1060 Hz lies inside the 1 kHz band (891 .. 1122 Hz) 62 Hz (42 bins) from its edge.
        LongTermSpectrum offCentre = analyseMono(SpectrumTestSignals.sine(1.0, 1060.0, RATE, 2 * RATE), 3);
        assertEquals(0.0, offCentre.midDb(band), 0.01);
        // Other rates have other bin grids and frame sizes; the reference holds at each.
        for (int rate : new int[] {44_100, 96_000}) {
            float[] sine = SpectrumTestSignals.sine(1.0, 1000.0, rate, 2 * rate);
            LongTermSpectrum spectrum = SpectrumAnalyzer.analyze(AudioBuffer.wrap(new float[][] {sine}, rate), 3);
            assertEquals(0.0, spectrum.midDb(spectrum.bands().bandContaining(1000.0)), 0.01, rate + " Hz");
        }
    }

    /**
     * Lowest 1/3-octave band (17.5 .. 22.1 Hz, 3.1 bins of 1.46 Hz): a 19.69 Hz sine sits about
     * 1.5 bins from each edge, on the Hann main lobe (+-2 bins). The Hann kernel's power at 1.5
     * bins from its peak is (sinc(1.5) / (1 - 1.5^2))^2 = 0.0288 of the peak, and the kernel's
     * bins sum to 1.5 times the peak (equivalent noise bandwidth), so each bin straddling an edge
     * holds at most 1.9 % of the sine's power. However those bins are split between the bands,
     * the band keeps at least 1 - 2 x 1.9 % (-0.17 dB) and a neighbour gets at most 1.9 %
     * (-17 dB) plus the far tail (0.4 % of the continuous kernel lies beyond the edges).
     */
    @Test
    void sineInTheLowestThirdOctaveBandIsResolved() {
        FractionalOctaveBands grid = FractionalOctaveBands.audioRange(3, RATE);
        double fc = grid.centre(0);
        LongTermSpectrum spectrum = analyseMono(SpectrumTestSignals.sine(0.5, fc, RATE, 4 * RATE), 3);
        double expected = 20 * Math.log10(0.5);
        assertTrue(spectrum.midDb(0) <= expected + 1e-6 && spectrum.midDb(0) >= expected - 0.17,
                "20 Hz band reads " + spectrum.midDb(0) + " for a sine of " + expected);
        assertTrue(spectrum.midDb(1) < expected - 16, "25 Hz band: " + spectrum.midDb(1));
    }

    /**
     * White noise of variance s^2 has power s^2 (fu - fl) / (fs / 2) in each band, i.e. band
     * levels rise 3.01 dB per octave. Each band must match within 5 standard deviations of the
     * Welch estimate ({@link SpectrumTestSignals#sigmaDb}).
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 3, 12})
    void whiteNoiseIsFlatPerHertz(int b) {
        double sigma = 0.1;
        LongTermSpectrum spectrum = analyseMono(SpectrumTestSignals.whiteNoise(sigma, 10 * RATE, 11), b);
        double binHz = RATE / (double) spectrum.frameSize();
        double slopeSum = 0;
        int slopes = 0;
        for (int i = 0; i < spectrum.bandCount(); i++) {
            double width = spectrum.bands().upperEdge(i) - spectrum.bands().lowerEdge(i);
            double expected = 10 * Math.log10(sigma * sigma * width / (RATE / 2.0) / 0.5);
            double tolerance = 5 * SpectrumTestSignals.sigmaDb(width / binHz, spectrum.segments());
            assertEquals(expected, spectrum.midDb(i), tolerance, "band " + spectrum.bands().centre(i) + " Hz");
            if (i > 0 && spectrum.bands().centre(i) > 500) {
                slopeSum += (spectrum.midDb(i) - spectrum.midDb(i - 1)) * b;
                slopes++;
            }
        }
        // Mean slope per octave over the many-bin bands.
        assertEquals(10 * Math.log10(2), slopeSum / slopes, 0.1);
    }

    /**
     * Pink noise (power density ~ 1/f) puts ln(2)/b of its density constant into every 1/b
     * octave band: all bands read the same level, within 5 standard deviations of the estimate.
     */
    @ParameterizedTest
    @ValueSource(ints = {3, 6})
    void pinkNoiseIsFlatPerBand(int b) {
        float[] pink = SpectrumTestSignals.pinkNoise(0.1, 10.0, RATE, 1 << 19, 5);
        LongTermSpectrum spectrum = analyseMono(pink, b);
        double binHz = RATE / (double) spectrum.frameSize();
        // Expected level: the total power 0.01 spread over ln(fs/2 / 10 Hz) of log-frequency.
        double perBandPower = 0.01 * (Math.log(2) / b) / Math.log(RATE / 2.0 / 10.0);
        double expected = 10 * Math.log10(perBandPower / 0.5);
        for (int i = 0; i < spectrum.bandCount(); i++) {
            double width = spectrum.bands().upperEdge(i) - spectrum.bands().lowerEdge(i);
            double tolerance = 5 * SpectrumTestSignals.sigmaDb(width / binHz, spectrum.segments());
            assertEquals(expected, spectrum.midDb(i), tolerance, "band " + spectrum.bands().centre(i) + " Hz");
        }
    }

    @Test
    void monoInputHasNoSide() {
        LongTermSpectrum spectrum = analyseMono(SpectrumTestSignals.whiteNoise(0.1, RATE, 3), 3);
        assertEquals(1, spectrum.channels());
        for (int i = 0; i < spectrum.bandCount(); i++) {
            assertEquals(LongTermSpectrum.FLOOR_DB, spectrum.sideDb(i));
            assertEquals(1.0, spectrum.correlation(i));
            assertEquals(0.0, spectrum.sideShare(i));
            assertEquals(spectrum.midDb(i), spectrum.totalDb()[i], 1e-12);
        }
        assertEquals(1.0, spectrum.broadbandCorrelation());
    }

    @Test
    void silenceReadsTheFloorEverywhere() {
        LongTermSpectrum spectrum = SpectrumAnalyzer.analyze(AudioBuffer.allocate(2, RATE, RATE), 3);
        for (int i = 0; i < spectrum.bandCount(); i++) {
            assertEquals(LongTermSpectrum.FLOOR_DB, spectrum.midDb(i));
            assertEquals(LongTermSpectrum.FLOOR_DB, spectrum.sideDb(i));
            assertEquals(1.0, spectrum.correlation(i));
            assertEquals(0.0, spectrum.sideShare(i));
        }
        SpectrumAnalyzer empty = new SpectrumAnalyzer(RATE, 2, 3);
        assertEquals(LongTermSpectrum.FLOOR_DB, empty.result().midDb(10));
        assertEquals(0, empty.result().segments());
    }

    /**
     * A signal shorter than a frame is analysed with one Hann window of its own length: a
     * 0.2 s sine (bins of 5 Hz effective resolution) still reads its level at 1 kHz.
     */
    @Test
    void shortSignalGetsASpectrum() {
        LongTermSpectrum spectrum = analyseMono(SpectrumTestSignals.sine(0.5, 1000.0, RATE, RATE / 5), 3);
        int band = spectrum.bands().bandContaining(1000.0);
        assertEquals(20 * Math.log10(0.5), spectrum.midDb(band), 0.01);
        assertEquals(1, spectrum.segments());
    }

    /**
     * Samples after the last full frame count too. At 48 kHz full frames (N = 32768, hop
     * 16384) cover samples 0 .. 98303 of a 112000-sample signal; a 1 kHz tone of amplitude 1
     * in samples 98304 .. 111999 alone can only reach the result through the tail frame, the
     * last N samples weighted m / hop with m = 112000 - 81920 - 16384 = 13696 new samples.
     * Expected mean power: 0.5 * weight * sum of w^2 over the tone's place in that frame,
     * divided by the window energy of the 5 full frames plus weight times one more.
     */
    @Test
    void samplesAfterTheLastFullFrameAreAnalysed() {
        int n = 32_768;
        int length = 112_000;
        int toneStart = 98_304;
        float[] x = new float[length];
        float[] tone = SpectrumTestSignals.sine(1.0, 1000.0, RATE, length - toneStart);
        System.arraycopy(tone, 0, x, toneStart, tone.length);
        LongTermSpectrum spectrum = analyseMono(x, 3);
        assertEquals(6, spectrum.segments());
        double weight = 13_696 / 16_384.0;
        double energy = 0;
        double toneEnergy = 0;
        int tailStart = length - n;
        for (int i = 0; i < n; i++) {
            double w = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / n);
            energy += w * w;
            if (tailStart + i >= toneStart) {
                toneEnergy += w * w;
            }
        }
        double power = 0.5 * weight * toneEnergy / (5 * energy + weight * energy);
        int band = spectrum.bands().bandContaining(1000.0);
        assertEquals(10 * Math.log10(power / 0.5), spectrum.midDb(band), 0.05);
    }

    @Test
    void nonFiniteSamplesCountAsZero() {
        float[] clean = SpectrumTestSignals.whiteNoise(0.1, RATE, 9);
        float[] dirty = clean.clone();
        clean[100] = 0f;
        clean[2000] = 0f;
        dirty[100] = Float.NaN;
        dirty[2000] = Float.POSITIVE_INFINITY;
        assertArrayEquals(analyseMono(clean, 3).midDb(), analyseMono(dirty, 3).midDb());
    }

    @Test
    void rejectsWrongChannelCounts() {
        assertThrows(IllegalArgumentException.class, () -> new SpectrumAnalyzer(RATE, 3, 3));
        SpectrumAnalyzer analyzer = new SpectrumAnalyzer(RATE, 2, 3);
        assertThrows(IllegalArgumentException.class,
                () -> analyzer.process(AudioBlock.ofMono(new float[10])));
        assertThrows(IllegalArgumentException.class, () -> new SpectrumAnalyzer(RATE, 2,
                FractionalOctaveBands.audioRange(3, RATE), 1000));
        assertThrows(IllegalArgumentException.class, () -> new SpectrumAnalyzer(22_050, 2,
                FractionalOctaveBands.audioRange(3, RATE), 16_384));
    }
}
