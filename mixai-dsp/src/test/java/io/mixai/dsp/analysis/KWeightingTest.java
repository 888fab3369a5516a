package io.mixai.dsp.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.mixai.param.InvalidParameterException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KWeightingTest {

    /** ITU-R BS.1770-4 Tables 1 and 2: the published 48 kHz coefficients. */
    @Test
    void reproducesThePublished48kHzCoefficients() {
        KWeighting.Biquad shelf = KWeighting.preFilter(48_000);
        assertEquals(1.53512485958697, shelf.b0(), 1e-8);
        assertEquals(-2.69169618940638, shelf.b1(), 1e-8);
        assertEquals(1.19839281085285, shelf.b2(), 1e-8);
        assertEquals(-1.69065929318241, shelf.a1(), 1e-8);
        assertEquals(0.73248077421585, shelf.a2(), 1e-8);
        KWeighting.Biquad highPass = KWeighting.highPass(48_000);
        assertEquals(1.0, highPass.b0(), 0);
        assertEquals(-2.0, highPass.b1(), 0);
        assertEquals(1.0, highPass.b2(), 0);
        assertEquals(-1.99004745483398, highPass.a1(), 1e-8);
        assertEquals(0.99007225036621, highPass.a2(), 1e-8);
    }

    /**
     * The cascade measured on audio: a mono sine at each frequency through the meter, whose
     * 3 s short-term loudness gives the filter's power gain (−0.691 + 10 log10(A²/2 |H|²)).
     * It must equal the analog prototypes at the bilinear-warped frequency (the exact design
     * target), and stay close to the unwarped analog response below fs/6.
     */
    @ParameterizedTest
    @ValueSource(ints = {44_100, 48_000, 96_000})
    void measuredResponseMatchesTheAnalogPrototype(int fs) {
        // Multiples of 1/3 Hz: whole periods in the 3 s window, so the mean square is exact.
        double[] freqs = {20, 38, 60, 100, 300, 1000, 1682, 3000, 6000, 10000, 16000};
        for (double f : freqs) {
            double amp = 0.25;
            float[][] x = new float[1][4 * fs];
            for (int i = 0; i < x[0].length; i++) {
                x[0][i] = (float) (amp * Math.sin(2 * Math.PI * f * i / fs));
            }
            LoudnessMeter m = Signals.meter(x, fs);
            double measuredDb = Signals.value(m.shortTermLufs(), "S") + 0.691 - 10 * Math.log10(amp * amp / 2);
            double prototypeDb = 20 * Math.log10(KWeighting.prototypeMagnitude(f, fs));
            assertEquals(prototypeDb, measuredDb, 0.002, f + " Hz at " + fs + " Hz");
            if (f <= fs / 6.0) {
                double analogDb = 20 * Math.log10(KWeighting.analogMagnitude(f));
                assertEquals(analogDb, measuredDb, 0.1, f + " Hz at " + fs + " Hz vs unwarped analog");
            }
        }
    }

    /** The biquads' own transfer functions against the warped prototype, everywhere up to 0.45 fs. */
    @ParameterizedTest
    @ValueSource(ints = {8_000, 22_050, 44_100, 48_000, 88_200, 96_000, 192_000})
    void transferFunctionEqualsWarpedPrototype(int fs) {
        KWeighting.Biquad shelf = KWeighting.preFilter(fs);
        KWeighting.Biquad highPass = KWeighting.highPass(fs);
        for (double f = 5; f < 0.45 * fs; f *= 1.07) {
            double digital = shelf.magnitude(f, fs) * highPass.magnitude(f, fs);
            assertEquals(KWeighting.prototypeMagnitude(f, fs), digital, 1e-7 * digital, f + " Hz at " + fs);
        }
    }

    /** BS.1770-4 §2.1: a 997 Hz sine at 0 dBFS in one channel reads −3.01 LKFS. */
    @ParameterizedTest
    @ValueSource(ints = {44_100, 48_000})
    void fullScale997HzSineReadsMinus3Point01(int fs) {
        float[][] x = new float[1][5 * fs];
        for (int i = 0; i < x[0].length; i++) {
            x[0][i] = (float) Math.sin(2 * Math.PI * 997 * i / fs);
        }
        assertEquals(-3.01, Signals.value(Signals.meter(x, fs).integratedLufs(), "I"), 0.01);
    }

    @Test
    void rejectsSampleRatesTooLowForTheShelf() {
        InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> KWeighting.preFilter(4000));
        assertEquals("sampleRate", e.parameterId());
    }
}
