package io.mixai.dsp.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixai.audio.AudioBlock;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Skipping chunks below a floor changes no result above it, and no per-channel peak. */
class TruePeakSkippingTest {

    @Test
    void peakAboveMatchesPeakWhereItExceedsTheFloor() {
        Random random = new Random(11);
        for (int rate : new int[] {44100, 96000}) {
            TruePeakInterpolator exact = TruePeakInterpolator.forSampleRate(rate);
            TruePeakInterpolator skipping = TruePeakInterpolator.forSampleRate(rate);
            float[] x = programme(random, 60000);
            int checkedAbove = 0;
            for (int done = 0; done < x.length; ) {
                int n = Math.min(1 + random.nextInt(1500), x.length - done);
                float floor = (float) (random.nextDouble() * 0.9);
                float full = exact.peak(x, done, n);
                float gated = skipping.peakAbove(x, done, n, floor);
                if (full > floor) {
                    assertEquals(full, gated, "range at " + done);
                    checkedAbove++;
                } else {
                    assertTrue(gated <= floor, "range at " + done + ": " + gated + " above the floor " + floor);
                }
                done += n;
            }
            assertTrue(checkedAbove > 10, "too few ranges above the floor to say anything: " + checkedAbove);
            assertEquals(exact.tailPeak(), skipping.tailPeak(), "the history is kept while skipping");
        }
    }

    @Test
    void loudnessMeterTruePeaksAreThoseOfTheUngatedMeter() {
        Random random = new Random(12);
        int rate = 48000;
        float[][] audio = {programme(random, 5 * rate), programme(random, 5 * rate)};
        LoudnessMeter meter = new LoudnessMeter(rate, 2);
        TruePeakMeter reference = new TruePeakMeter(rate, 2);
        for (int done = 0; done < audio[0].length; ) {
            int n = Math.min(1 + random.nextInt(4000), audio[0].length - done);
            meter.process(new AudioBlock(audio, done, n));
            reference.process(new AudioBlock(audio, done, n));
            done += n;
        }
        assertEquals(reference.truePeakLinear(), Math.pow(10, meter.result().truePeakDbtp().orElseThrow() / 20), 1e-6);
    }

    /** Quiet music-like audio with loud bursts, so that some chunks can be skipped and some cannot. */
    private static float[] programme(Random random, int frames) {
        float[] x = new float[frames];
        double level = 0.05;
        for (int n = 0; n < frames; n++) {
            if (n % 2000 == 0) {
                level = random.nextInt(4) == 0 ? 0.8 : 0.05 + 0.2 * random.nextDouble();
            }
            x[n] = (float) (level * (Math.sin(2 * Math.PI * 0.01 * n) + 0.3 * random.nextGaussian()));
        }
        return x;
    }
}
