package io.mixai.dsp.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixai.dsp.testing.ThreadAllocationMeter;
import io.mixai.audio.AudioBlock;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CrestFactorMeterTest {

    private static final int RATE = 48_000;

    private static CrestFactorMeter measure(float[][] signal, int blockSize) {
        CrestFactorMeter meter = new CrestFactorMeter(signal.length);
        AudioBlock block = new AudioBlock(signal, 0, 0);
        for (int start = 0; start < signal[0].length; start += blockSize) {
            meter.process(block.moveTo(start, Math.min(blockSize, signal[0].length - start)));
        }
        return meter;
    }

    /**
     * A 1 kHz sine at 48 kHz has a period of 48 samples, so whole periods are measured and the
     * sample at n = 12 hits the crest: peak A, RMS A / sqrt(2), crest 20 log10(sqrt 2) = 3.0103 dB.
     */
    @Test
    void sineHasCrestFactorOfThreeDecibels() {
        float[] sine = SpectrumTestSignals.sine(0.5, 1000.0, RATE, RATE);
        CrestFactor crest = measure(new float[][] {sine}, 4096).channel(0);
        assertEquals(0.5, crest.peak(), 1e-7);
        assertEquals(0.5 / Math.sqrt(2), crest.rms(), 1e-7);
        assertEquals(10 * Math.log10(2), crest.crestDb(), 1e-5);
        assertEquals(20 * Math.log10(0.5), crest.peakDb(), 1e-5);
    }

    @Test
    void squareWaveHasCrestFactorOfZero() {
        float[] square = new float[RATE];
        for (int i = 0; i < square.length; i++) {
            square[i] = (i / 24) % 2 == 0 ? 0.7f : -0.7f;
        }
        CrestFactor crest = measure(new float[][] {square}, 1000).channel(0);
        assertEquals(0.0, crest.crestDb(), 1e-9);
        assertEquals(20 * Math.log10(0.7), crest.rmsDb(), 1e-6);
    }

    /**
     * Overall: the peak over all channels and the RMS over all samples. A full-scale sine in L
     * and silence in R: peak 1, mean square (1/2 + 0) / 2 = 1/4, crest 20 log10(2) = 6.02 dB.
     */
    @Test
    void overallCombinesChannels() {
        float[] sine = SpectrumTestSignals.sine(1.0, 1000.0, RATE, RATE);
        CrestFactorMeter meter = measure(new float[][] {sine, new float[RATE]}, 512);
        assertEquals(10 * Math.log10(2), meter.channel(0).crestDb(), 1e-5);
        assertEquals(0.0, meter.channel(1).crestDb());
        assertEquals(LongTermSpectrum.FLOOR_DB, meter.channel(1).peakDb());
        assertEquals(20 * Math.log10(2), meter.overall().crestDb(), 1e-5);
        assertEquals(0.5, meter.overall().rms(), 1e-7);
    }

    @Test
    void bitIdenticalForAnyBlockSizeAndResettable() {
        Random random = new Random(3);
        float[][] signal = new float[2][50_001];
        for (float[] channel : signal) {
            for (int i = 0; i < channel.length; i++) {
                channel[i] = (float) (0.2 * random.nextGaussian());
            }
        }
        CrestFactorMeter whole = measure(signal, signal[0].length);
        for (int blockSize : new int[] {1, 3, 100, 4096}) {
            CrestFactorMeter blocks = measure(signal, blockSize);
            for (int c = 0; c < 2; c++) {
                assertEquals(whole.channel(c), blocks.channel(c));
            }
            assertEquals(whole.overall(), blocks.overall());
        }
        CrestFactorMeter reused = measure(new float[][] {{1f, 2f}, {3f, 4f}}, 2);
        reused.reset();
        reused.process(new AudioBlock(signal, 0, signal[0].length));
        assertEquals(whole.overall(), reused.overall());
    }

    @Test
    void nonFiniteSamplesCountAsZero() {
        float[] x = {0.5f, Float.NaN, -0.25f, Float.NEGATIVE_INFINITY};
        CrestFactor crest = measure(new float[][] {x}, 4).channel(0);
        assertEquals(0.5, crest.peak());
        assertEquals(Math.sqrt((0.25 + 0.0625) / 4), crest.rms(), 1e-12);
    }

    @Test
    void processAllocatesNothing() {
        float[][] signal = new float[2][RATE];
        CrestFactorMeter meter = new CrestFactorMeter(2);
        AudioBlock block = new AudioBlock(signal, 0, 0);
        Runnable run = () -> {
            for (int start = 0; start + 4096 <= RATE; start += 4096) {
                meter.process(block.moveTo(start, 4096));
            }
        };
        for (int i = 0; i < 2000; i++) {
            run.run();
        }
        ThreadAllocationMeter allocation = new ThreadAllocationMeter();
        long before = allocation.allocatedBytes();
        for (int i = 0; i < 200; i++) {
            run.run();
        }
        long allocated = allocation.allocatedBytes() - before;
        assertTrue(allocated < 1024, "process allocated " + allocated + " bytes");
    }

    @Test
    void rejectsMismatchedBlocks() {
        assertThrows(IllegalArgumentException.class, () -> new CrestFactorMeter(0));
        CrestFactorMeter meter = new CrestFactorMeter(2);
        assertThrows(IllegalArgumentException.class, () -> meter.process(AudioBlock.ofMono(new float[4])));
    }
}
