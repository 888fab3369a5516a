package io.mixai.dsp.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixai.dsp.testing.ThreadAllocationMeter;
import io.mixai.audio.AudioBlock;
import org.junit.jupiter.api.Test;

/** Block-size independence, resumable results, reset and allocation-free processing. */
class SpectrumAnalyzerStreamingTest {

    private static final int RATE = 44_100;

    private static float[][] stereoSignal(int length) {
        float[] left = SpectrumTestSignals.whiteNoise(0.1, length, 21);
        float[] right = SpectrumTestSignals.whiteNoise(0.1, length, 22);
        float[] tone = SpectrumTestSignals.sine(0.3, 440.0, RATE, length);
        for (int i = 0; i < length; i++) {
            left[i] += tone[i];
            right[i] += 0.5f * tone[i];
        }
        return new float[][] {left, right};
    }

    private static LongTermSpectrum analyseInBlocks(float[][] signal, int blockSize) {
        SpectrumAnalyzer analyzer = new SpectrumAnalyzer(RATE, signal.length, 3);
        feed(analyzer, signal, 0, signal[0].length, blockSize);
        return analyzer.result();
    }

    private static void feed(SpectrumAnalyzer analyzer, float[][] signal, int from, int to, int blockSize) {
        AudioBlock block = new AudioBlock(signal, from, 0);
        for (int start = from; start < to; start += blockSize) {
            analyzer.process(block.moveTo(start, Math.min(blockSize, to - start)));
        }
    }

    private static void assertIdentical(LongTermSpectrum expected, LongTermSpectrum actual) {
        assertArrayEquals(expected.midDb(), actual.midDb());
        assertArrayEquals(expected.sideDb(), actual.sideDb());
        assertArrayEquals(expected.correlation(), actual.correlation());
        assertArrayEquals(expected.sideShare(), actual.sideShare());
        assertEquals(expected.broadbandCorrelation(), actual.broadbandCorrelation());
        assertEquals(expected.segments(), actual.segments());
        assertEquals(expected.samples(), actual.samples());
    }

    @Test
    void resultIsBitIdenticalForAnyBlockSize() {
        // 3.3 s: several full frames of 32768 and a tail frame.
        float[][] signal = stereoSignal(145_531);
        LongTermSpectrum whole = analyseInBlocks(signal, signal[0].length);
        for (int blockSize : new int[] {1, 7, 64, 1000, 4096, 16_384, 32_768, 40_000}) {
            assertIdentical(whole, analyseInBlocks(signal, blockSize));
        }
        // Zero-length blocks change nothing.
        SpectrumAnalyzer analyzer = new SpectrumAnalyzer(RATE, 2, 3);
        AudioBlock block = new AudioBlock(signal, 0, 0);
        for (int start = 0; start < signal[0].length; start += 5000) {
            analyzer.process(block.moveTo(start, 0));
            analyzer.process(block.moveTo(start, Math.min(5000, signal[0].length - start)));
        }
        assertIdentical(whole, analyzer.result());
    }

    @Test
    void resultMidStreamDoesNotDisturbTheAnalysis() {
        float[][] signal = stereoSignal(100_000);
        SpectrumAnalyzer analyzer = new SpectrumAnalyzer(RATE, 2, 3);
        feed(analyzer, signal, 0, 50_001, 4096);
        LongTermSpectrum partial = analyzer.result();
        feed(analyzer, signal, 50_001, 100_000, 4096);
        assertIdentical(analyseInBlocks(signal, 4096), analyzer.result());
        assertEquals(50_001, partial.samples());
    }

    @Test
    void resetForgetsEverything() {
        float[][] signal = stereoSignal(80_000);
        SpectrumAnalyzer analyzer = new SpectrumAnalyzer(RATE, 2, 3);
        feed(analyzer, stereoSignal(70_000), 0, 70_000, 3000);
        analyzer.process(new AudioBlock(new float[][] {{1f, -1f, 1f}, {0f, 0f, 0f}}, 0, 3));
        analyzer.reset();
        feed(analyzer, signal, 0, 80_000, 3000);
        assertIdentical(analyseInBlocks(signal, 80_000), analyzer.result());
    }

    @Test
    void processAllocatesNothing() {
        float[][] signal = stereoSignal(4 * RATE);
        SpectrumAnalyzer analyzer = new SpectrumAnalyzer(RATE, 2, 3);
        AudioBlock block = new AudioBlock(signal, 0, 0);
        Runnable run = () -> {
            for (int start = 0; start + 4096 <= signal[0].length; start += 4096) {
                analyzer.process(block.moveTo(start, 4096));
            }
        };
        for (int i = 0; i < 20; i++) {
            run.run(); // warm-up: let the JIT compile the hot path
        }
        ThreadAllocationMeter allocation = new ThreadAllocationMeter();
        long before = allocation.allocatedBytes();
        for (int i = 0; i < 10; i++) {
            run.run();
        }
        long allocated = allocation.allocatedBytes() - before;
        // 10 x 43 blocks, about 50 frames of two 32768-point FFTs: not one byte per call.
        assertTrue(allocated < 1024, "process allocated " + allocated + " bytes");
    }
}
