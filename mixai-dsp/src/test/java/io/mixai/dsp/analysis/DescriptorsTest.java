package io.mixai.dsp.analysis;

import static io.mixai.dsp.analysis.Signals.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixai.audio.AudioBlock;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Crest factor, PLR, PSR and loudness over time, each on a signal whose answer is known. */
class DescriptorsTest {

    private static final int FS = 48_000;

    /** PLR of a full-scale 997 Hz sine in one channel: 0 dBTP − (−3.01 LUFS) = 3.01 dB (BS.1770 §2.1). */
    @Test
    void plrOfFullScaleSine() {
        float[][] x = {TruePeakMeterTest.sine(FS, 997, 1.0, 0, 5 * FS)};
        LoudnessResult r = Signals.meter(x, FS).result();
        assertEquals(3.01, r.peakToLoudnessRatioDb().getAsDouble(), 0.02);
    }

    /**
     * PSR: a 1 kHz sine at −20 dBFS with one −6 dBFS click on a zero crossing at 5 s. Windows
     * that hold the click have PSR = −6.02 − S (≈ 14 dB); the others, peak = level, PSR ≈ 0.
     */
    @Test
    void psrSeesAClickOnlyInTheWindowsThatHoldIt() {
        float[][] x = new Signals.Builder(FS, 2).sine(1000, 12, -20).build();
        int click = 5 * FS; // 1 kHz at 48 kHz is at phase 0 here
        x[0][click] = 0.5f;
        LoudnessMeter meter = new LoudnessMeter(FS, 2);
        LoudnessTimeline timeline = LoudnessTimeline.attachTo(meter);
        Signals.feed(x, 3000, meter::process);
        double loudness = value(meter.shortTermLufs(), "S");
        assertEquals(20 * Math.log10(0.5) - loudness, value(timeline.maxPsrDb(), "max PSR"), 0.05);
        assertEquals(0.0, value(timeline.minPsrDb(), "min PSR"), 0.05);
        for (LoudnessTimeline.Point p : timeline.points()) {
            if (p.timeSeconds() >= 3.0) {
                boolean holdsClick = p.timeSeconds() > 5.0 && p.timeSeconds() - 3.0 <= 5.0;
                assertEquals(holdsClick ? 14.0 : 0.0, value(p.psrDb(), "PSR at " + p.timeSeconds()), 0.1,
                        "PSR at " + p.timeSeconds());
            } else {
                assertTrue(p.psrDb().isEmpty());
            }
        }
    }

    /**
     * Short-term loudness over time for a step from −30 to −20 dBFS at 10 s: −30 until 10 s,
     * 10 log10((1.5·10^-3 + 1.5·10^-2)/3) = −22.6 at 11.5 s (half the window each side), −20
     * from 13 s on; one point per 100 ms and, every second, the whole-second points.
     */
    @Test
    void shortTermSeriesFollowsALevelStep() {
        float[][] x = new Signals.Builder(FS, 2).sine(1000, 10, -30).sine(1000, 10, -20).build();
        LoudnessMeter meter = new LoudnessMeter(FS, 2);
        LoudnessTimeline timeline = LoudnessTimeline.attachTo(meter);
        Signals.feed(x, 777, meter::process);
        assertEquals(200, timeline.size());
        List<LoudnessTimeline.Point> points = timeline.points();
        for (int i = 0; i < points.size(); i++) {
            LoudnessTimeline.Point p = points.get(i);
            assertEquals((i + 1) / 10.0, p.timeSeconds(), 1e-9);
            double t = p.timeSeconds();
            if (t < 3.0 - 1e-9) {
                assertTrue(p.shortTermLufs().isEmpty(), "no 3 s window yet at " + t);
            } else if (t <= 10.0 + 1e-9) {
                assertEquals(-30.0, value(p.shortTermLufs(), "S"), 0.05, "S at " + t);
            } else if (t >= 13.0 - 1e-9) {
                assertEquals(-20.0, value(p.shortTermLufs(), "S"), 0.05, "S at " + t);
            }
        }
        assertEquals(10 * Math.log10((1.5e-3 + 1.5e-2) / 3), value(points.get(114).shortTermLufs(), "S at 11.5 s"), 0.05);
        List<LoudnessTimeline.Point> seconds = timeline.everySecond();
        assertEquals(20, seconds.size());
        assertEquals(7.0, seconds.get(6).timeSeconds(), 1e-9);
        assertEquals(-30.0, value(seconds.get(6).shortTermLufs(), "S at 7 s"), 0.05);
        assertEquals(-20.0, value(seconds.get(19).momentaryLufs(), "M at 20 s"), 0.05);
    }
}
