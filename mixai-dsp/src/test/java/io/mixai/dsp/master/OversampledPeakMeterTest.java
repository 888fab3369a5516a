package io.mixai.dsp.master;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The 16x meter's skipping is exact: it reports what interpolating every point reports. */
class OversampledPeakMeterTest {

    /** Every point of every phase, naively, with the meter's own filter (the skipping is what is under test). */
    private static double bruteForce(float[][] x) {
        double[][] phases = OversampledPeakMeter.interpolatingPhases();
        int taps = phases[0].length;
        int half = taps / 2;
        double peak = 0;
        for (float[] channel : x) {
            double[] padded = new double[channel.length + half];
            for (int i = 0; i < channel.length; i++) {
                padded[i] = channel[i];
            }
            for (int end = taps - 1; end < padded.length; end++) {
                int start = end - taps + 1;
                peak = Math.max(peak, Math.max(Math.abs(padded[start + half - 1]), Math.abs(padded[start + half])));
                for (double[] phase : phases) {
                    double acc = 0;
                    for (int k = 0; k < taps; k++) {
                        acc += phase[k] * padded[start + k];
                    }
                    peak = Math.max(peak, Math.abs(acc));
                }
            }
        }
        return peak;
    }

    @Test
    void skippingGivesTheSamePeakAsInterpolatingEverything() {
        Random random = new Random(3);
        for (int trial = 0; trial < 6; trial++) {
            int frames = 3000 + random.nextInt(3000);
            float[][] x = new float[2][frames];
            for (int n = 0; n < frames; n++) {
                // quiet music-like content with a few loud events (one near Nyquist) at random places
                double t = n / 44100.0;
                x[0][n] = (float) (0.1 * Math.sin(2 * Math.PI * 220 * t) + 0.02 * random.nextGaussian());
                x[1][n] = (float) (0.1 * Math.sin(2 * Math.PI * 330 * t + 1) + 0.02 * random.nextGaussian());
            }
            for (int e = 0; e < 3; e++) {
                int at = random.nextInt(frames - 100);
                int c = random.nextInt(2);
                for (int k = 0; k < 40; k++) {
                    x[c][at + k] += (float) ((k % 2 == 0 ? 1 : -1) * (0.5 + 0.4 * random.nextDouble()));
                }
            }
            OversampledPeakMeter meter = new OversampledPeakMeter(2);
            int done = 0;
            while (done < frames) {
                int n = Math.min(1 + random.nextInt(700), frames - done);
                meter.process(x, done, n);
                done += n;
            }
            meter.finish();
            double expected = bruteForce(x);
            assertEquals(20 * Math.log10(expected), meter.peakDbtp(), 1e-9, "trial " + trial);
        }
    }

    @Test
    void readsTheAmplitudeOfAToneBetweenSamples() {
        // a 0.5 amplitude tone at fs/4 sampled at 45 degrees: samples reach 0.354, the signal 0.5
        // (slow raised-cosine fades: an abrupt start or end would ring above the amplitude)
        int frames = 8000;
        int fade = 2000;
        float[][] x = new float[1][frames];
        for (int n = 0; n < frames; n++) {
            int edge = Math.min(n, frames - 1 - n);
            double envelope = edge >= fade ? 1 : 0.5 - 0.5 * Math.cos(Math.PI * edge / fade);
            x[0][n] = (float) (envelope * 0.5 * Math.sin(Math.PI * n / 2 + Math.PI / 4));
        }
        OversampledPeakMeter meter = new OversampledPeakMeter(1);
        meter.process(x, 0, frames);
        meter.finish();
        assertEquals(20 * Math.log10(0.5), meter.peakDbtp(), 0.01);
    }
}
