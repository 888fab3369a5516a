package io.mixai.dsp.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * {@link FastDecibels} against {@code Math.log10} and {@code Math.pow}: random values over the
 * whole range it is used on and beyond, plus the points where its reductions switch (powers of
 * two, the table cells' edges and centres, the integer and 1/64 steps of the exponent).
 */
class FastDecibelsTest {

    /**
     * The documented bounds (5.0e-10 dB for an amplitude's level, so 2.5e-10 dB for 10 log10,
     * and 3.2e-10 dB for a gain) plus rounding: 500 times below a float sample's resolution and
     * 1e5 times below what the compressor may differ by (CompressorReferenceTest).
     */
    private static final double LOG_TOLERANCE_DB = 3e-10;
    private static final double EXP_TOLERANCE_DB = 4e-10;

    static double worstLogErrorDb;
    static double worstExpErrorDb;

    static double logErrorDb(double x) {
        return Math.abs(FastDecibels.tenLog10(x) - 10 * Math.log10(x));
    }

    /** The dB error of a gain: 20 log10 of its ratio to the exact one (Math.pow: within 1 ulp). */
    static double gainErrorDb(double db) {
        return Math.abs(20 * Math.log10(FastDecibels.dbToGain(db) / Math.pow(10, db / 20)));
    }

    static List<Double> logEdgeCases() {
        List<Double> x = new ArrayList<>();
        for (int e = -1022; e <= 1023; e++) {
            double p = Math.scalb(1.0, e);
            x.add(p);
            x.add(Math.nextUp(p));
            x.add(Math.nextDown(p));
            for (int j = 0; j <= 128; j++) { // every cell's edge and centre of this octave
                x.add(p * (1 + j / 128.0));
                x.add(Math.nextDown(p * (1 + j / 128.0)));
                x.add(p * (1 + (j + 0.5) / 128.0));
            }
        }
        x.add(Double.MIN_NORMAL);
        x.add(Double.MAX_VALUE);
        x.add((double) Float.MAX_VALUE);
        x.add((double) Float.MIN_NORMAL);
        x.add(Math.sqrt(2));
        x.add(Math.sqrt(0.5));
        x.add(Math.nextDown(1.0));
        x.add(Math.nextUp(1.0));
        return x;
    }

    @Test
    void tenLog10MatchesMathLog10OnEdgeCases() {
        for (double x : logEdgeCases()) {
            if (x >= Double.MIN_NORMAL && x <= Double.MAX_VALUE) {
                double error = logErrorDb(x);
                worstLogErrorDb = Math.max(worstLogErrorDb, error);
                assertTrue(error < LOG_TOLERANCE_DB, "10 log10(" + x + ") off by " + error + " dB");
            }
        }
    }

    @Test
    void tenLog10MatchesMathLog10OnRandomValues() {
        Random random = new Random(11);
        for (int i = 0; i < 1_000_000; i++) {
            // Half over every normal double, half over audio's amplitudes and powers (1e-16 .. 1e4).
            double exponent = i % 2 == 0 ? -307 + 615 * random.nextDouble() : -16 + 20 * random.nextDouble();
            double x = Math.pow(10, exponent);
            double error = logErrorDb(x);
            worstLogErrorDb = Math.max(worstLogErrorDb, error);
            if (!(error < LOG_TOLERANCE_DB)) {
                throw new AssertionError("10 log10(" + x + ") off by " + error + " dB");
            }
        }
    }

    @Test
    void amplitudeAndPowerLevelsAreFlooredAtMinus300Db() {
        double floor = FastDecibels.amplitudeToDb(0);
        assertEquals(-300, floor, 2 * LOG_TOLERANCE_DB);
        assertEquals(floor, FastDecibels.amplitudeToDb(1e-15), 0);
        assertEquals(floor, FastDecibels.amplitudeToDb(1e-200), 0);
        assertEquals(floor, FastDecibels.amplitudeToDb(Double.MIN_VALUE), 0);
        assertEquals(-300, FastDecibels.powerToDb(0), LOG_TOLERANCE_DB);
        assertEquals(FastDecibels.powerToDb(0), FastDecibels.powerToDb(1e-30), 0);
        assertEquals(FastDecibels.powerToDb(0), FastDecibels.powerToDb(Double.MIN_VALUE), 0);
        assertEquals(-300, FastDecibels.amplitudeToDb(Math.nextUp(1e-15)), 2 * LOG_TOLERANCE_DB);
        assertEquals(-20, FastDecibels.amplitudeToDb(0.1), 2 * LOG_TOLERANCE_DB);
        assertEquals(-20, FastDecibels.powerToDb(0.01), LOG_TOLERANCE_DB);
        assertEquals(20 * Math.log10(Float.MAX_VALUE), FastDecibels.amplitudeToDb(Float.MAX_VALUE), 2 * LOG_TOLERANCE_DB);
    }

    @Test
    void dbToGainMatchesPowOnEdgeCasesAndRandomValues() {
        List<Double> db = new ArrayList<>();
        double dbPerOctave = 20 * Math.log10(2);
        for (int k = -64 * 100; k <= 64 * 100; k++) { // every 1/64-octave step of +-100 octaves, and next to it
            double at = k * dbPerOctave / 64;
            db.add(at);
            db.add(Math.nextUp(at));
            db.add(Math.nextDown(at));
            db.add(at + dbPerOctave / 128); // halfway between steps: the rounding flips here
            db.add(Math.nextDown(at + dbPerOctave / 128));
        }
        Random random = new Random(12);
        for (int i = 0; i < 1_000_000; i++) {
            db.add(i % 2 == 0 ? -600 + 1200 * random.nextDouble() : -100 + 130 * random.nextDouble());
        }
        for (double d : db) {
            double error = gainErrorDb(d);
            worstExpErrorDb = Math.max(worstExpErrorDb, error);
            if (!(error < EXP_TOLERANCE_DB)) {
                throw new AssertionError("10^(" + d + "/20) off by " + error + " dB");
            }
        }
        assertEquals(1.0, FastDecibels.dbToGain(0), 0.0, "0 dB is a gain of exactly 1");
        assertEquals(1.0, FastDecibels.dbToGain(-0.0), 0.0);
    }

    @Test
    void dbToGainSaturatesFarOutsideAnyAudioRange() {
        assertEquals(Math.scalb(1.0, 1000), FastDecibels.dbToGain(1e6), 0.0);
        assertEquals(Math.scalb(1.0, -1000), FastDecibels.dbToGain(-1e6), 0.0);
        assertEquals(Math.scalb(1.0, -1000), FastDecibels.dbToGain(Double.NEGATIVE_INFINITY), 0.0);
        assertEquals(Math.scalb(1.0, 1000), FastDecibels.dbToGain(Double.POSITIVE_INFINITY), 0.0);
    }

    @AfterAll
    static void report() {
        System.out.printf("FastDecibels: worst log error %.2e dB, worst gain error %.2e dB%n",
                worstLogErrorDb, worstExpErrorDb);
    }
}
