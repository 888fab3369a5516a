package io.mixai.dsp.analysis;

import static io.mixai.dsp.analysis.Signals.value;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * EBU Tech 3342 (2016) loudness range test cases 1–4, synthesised from their definitions:
 * stereo 1 kHz sines, levels in dBFS peak per channel, 48 kHz. Expected LRA ±1 LU.
 * Cases 5 and 6 are authentic programme (shared with Tech 3341 cases 7 and 8) and cannot be
 * synthesised.
 */
class Tech3342Test {

    private static final int FS = 48_000;

    private static double lra(Signals.Builder b) {
        return value(Signals.meter(b.build(), FS).loudnessRangeLu(), "LRA");
    }

    /** Case 1: 20 s at −20 dBFS, then 20 s at −30 dBFS. Expected LRA = 10 ±1 LU. */
    @Test
    void case1() {
        assertEquals(10, lra(new Signals.Builder(FS, 2).sine(1000, 20, -20).sine(1000, 20, -30)), 1);
    }

    /** Case 2: 20 s at −20 dBFS, then 20 s at −15 dBFS. Expected LRA = 5 ±1 LU. */
    @Test
    void case2() {
        assertEquals(5, lra(new Signals.Builder(FS, 2).sine(1000, 20, -20).sine(1000, 20, -15)), 1);
    }

    /** Case 3: 20 s at −40 dBFS, then 20 s at −20 dBFS. Expected LRA = 20 ±1 LU. */
    @Test
    void case3() {
        assertEquals(20, lra(new Signals.Builder(FS, 2).sine(1000, 20, -40).sine(1000, 20, -20)), 1);
    }

    /**
     * Case 4: 20 s each at −50, −35, −20, −35, −50 dBFS. Expected LRA = 15 ±1 LU (the −50 dBFS
     * parts fall below the −20 LU relative gate).
     */
    @Test
    void case4() {
        assertEquals(15, lra(new Signals.Builder(FS, 2).sine(1000, 20, -50).sine(1000, 20, -35)
                .sine(1000, 20, -20).sine(1000, 20, -35).sine(1000, 20, -50)), 1);
    }
}
