package io.mixai.dsp.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FractionalOctaveBandsTest {

    /** IEC 61260-1 Annex E nominal mid-band frequencies of the 1/3-octave bands, 20 Hz .. 20 kHz. */
    private static final double[] NOMINAL_THIRD_OCTAVE = {
        20, 25, 31.5, 40, 50, 63, 80, 100, 125, 160, 200, 250, 315, 400, 500, 630, 800, 1000,
        1250, 1600, 2000, 2500, 3150, 4000, 5000, 6300, 8000, 10000, 12500, 16000, 20000};

    @Test
    void thirdOctaveCentresAreTheBase2SeriesAndRoundToTheIecNominalValues() {
        FractionalOctaveBands bands = FractionalOctaveBands.audioRange(3, 48_000);
        assertEquals(NOMINAL_THIRD_OCTAVE.length, bands.count());
        for (int i = 0; i < bands.count(); i++) {
            double exact = 1000.0 * Math.pow(2.0, (i - 17) / 3.0);
            assertEquals(exact, bands.centre(i), 1e-9 * exact, "band " + i);
            // The nominal labels are the base-10 series rounded; base 2 differs by < 2 %.
            assertEquals(NOMINAL_THIRD_OCTAVE[i], bands.centre(i), 0.02 * NOMINAL_THIRD_OCTAVE[i],
                    "nominal " + NOMINAL_THIRD_OCTAVE[i]);
        }
        assertEquals(1000.0, bands.centre(17), 1e-12);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 6, 12, 24})
    void edgesAreCentreTimesTwoToThePlusMinusHalfBandAndTileTheRange(int b) {
        FractionalOctaveBands bands = FractionalOctaveBands.audioRange(b, 48_000);
        double half = Math.pow(2.0, 1.0 / (2 * b));
        for (int i = 0; i < bands.count(); i++) {
            double fc = bands.centre(i);
            assertEquals(fc / half, bands.lowerEdge(i), 1e-12 * fc);
            assertEquals(fc * half, bands.upperEdge(i), 1e-12 * fc);
            // Geometric centre, exactly 1/b octave wide.
            assertEquals(fc, Math.sqrt(bands.lowerEdge(i) * bands.upperEdge(i)), 1e-9 * fc);
            assertEquals(1.0 / b, Math.log(bands.upperEdge(i) / bands.lowerEdge(i)) / Math.log(2), 1e-12);
            if (i > 0) {
                assertEquals(bands.upperEdge(i - 1), bands.lowerEdge(i), 1e-9 * fc, "gap below band " + i);
            }
            int x = bands.firstIndex() + i;
            double exponent = b % 2 == 1 ? x / (double) b : (2.0 * x + 1) / (2.0 * b);
            assertEquals(1000.0 * Math.pow(2.0, exponent), fc, 1e-9 * fc);
        }
        // The range reaches from the band holding 20 Hz to the band holding 20 kHz.
        assertTrue(bands.lowerEdge(0) <= 20.0 && 20.0 < bands.upperEdge(0), bands.toString());
        int top = bands.count() - 1;
        assertTrue(bands.lowerEdge(top) <= 20_000.0 && 20_000.0 < bands.upperEdge(top), bands.toString());
    }

    @Test
    void evenFractionsPutTheReferenceOnABandEdge() {
        // IEC 61260-1: for even b the 1 kHz reference is the edge between bands x = -1 and 0.
        for (int b : new int[] {2, 6, 12, 24}) {
            double half = Math.pow(2.0, 1.0 / (2 * b));
            assertEquals(1000.0, FractionalOctaveBands.centreOf(b, 0) / half, 1e-9);
            assertEquals(1000.0, FractionalOctaveBands.centreOf(b, -1) * half, 1e-9);
        }
    }

    @Test
    void bandsAboveNyquistAreDropped() {
        // At 44.1 kHz the 20 kHz band (17.96 .. 22.63 kHz) would cross 22.05 kHz: 16 kHz is the top.
        FractionalOctaveBands at44 = FractionalOctaveBands.audioRange(3, 44_100);
        assertEquals(16_000.0, at44.centre(at44.count() - 1), 1e-9);
        assertTrue(at44.upperEdge(at44.count() - 1) <= 22_050.0);
        FractionalOctaveBands at48 = FractionalOctaveBands.audioRange(3, 48_000);
        assertEquals(at44.count() + 1, at48.count());
        assertThrows(IllegalArgumentException.class, () -> FractionalOctaveBands.covering(3, 5000, 6000, 8000));
    }

    @Test
    void bandContainingFindsTheBandWhoseEdgesEncloseTheFrequency() {
        FractionalOctaveBands bands = FractionalOctaveBands.audioRange(12, 48_000);
        for (int i = 0; i < bands.count(); i++) {
            assertEquals(i, bands.bandContaining(bands.centre(i)));
            assertEquals(i, bands.bandContaining(bands.lowerEdge(i) * 1.000001));
            assertEquals(i, bands.bandContaining(bands.upperEdge(i) * 0.999999));
        }
        assertEquals(-1, bands.bandContaining(5.0));
        assertEquals(-1, bands.bandContaining(23_000.0));
    }

    @Test
    void rejectsFractionsOutsideTheStandardSet() {
        assertThrows(IllegalArgumentException.class, () -> FractionalOctaveBands.audioRange(4, 48_000));
        assertThrows(IllegalArgumentException.class, () -> FractionalOctaveBands.audioRange(0, 48_000));
        assertThrows(IllegalArgumentException.class, () -> FractionalOctaveBands.covering(3, 100, 50, 48_000));
    }
}
