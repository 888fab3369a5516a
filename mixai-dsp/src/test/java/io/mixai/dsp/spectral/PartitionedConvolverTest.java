package io.mixai.dsp.spectral;

import static io.mixai.dsp.testing.ReferenceConvolution.gaussianNoise;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixai.dsp.testing.EffectHarness;
import io.mixai.dsp.testing.ReferenceConvolution;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The convolver against direct time-domain convolution, across block sizes and filter swaps. */
class PartitionedConvolverTest {

    /** A small partition keeps the direct reference cheap; the algorithm does not depend on P. */
    private static final int P = 64;
    private static final int SIGNAL = 2000;

    /** {@code x} followed by silence, long enough to hold the whole convolution after the latency. */
    private static float[] padded(float[] x, int irLength) {
        float[] input = new float[x.length + irLength - 1 + P];
        System.arraycopy(x, 0, input, 0, x.length);
        return input;
    }

    private static double[] convolveUnrounded(PartitionedConvolver convolver, float[] input, int blockSize) {
        double[] output = new double[input.length];
        for (int start = 0; start < input.length; start += blockSize) {
            int n = Math.min(blockSize, input.length - start);
            convolver.process(input, start, output, start, n);
        }
        return output;
    }

    private static float[] convolveInPlace(PartitionedConvolver convolver, float[] input, int[] blockSizes) {
        float[] samples = input.clone();
        int start = 0;
        for (int b = 0; start < samples.length; b++) {
            int n = Math.min(blockSizes[b % blockSizes.length], samples.length - start);
            convolver.process(samples, start, n);
            start += n;
        }
        return samples;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, P - 1, P, P + 1, 10 * P})
    void equalsDirectConvolutionDelayedByOnePartition(int irLength) {
        float[] x = gaussianNoise(SIGNAL, irLength);
        float[] h = gaussianNoise(irLength, -irLength);
        PartitionedFilter filter = PartitionedFilter.of(h, P);
        assertEquals(Math.max(1, (irLength + P - 1) / P), filter.partitions());
        PartitionedConvolver convolver = new PartitionedConvolver(filter);
        assertEquals(P, convolver.latencySamples());

        double[] y = convolveUnrounded(convolver, padded(x, irLength), 37);
        for (int n = 0; n < P; n++) {
            assertEquals(0.0, y[n], "before the latency, sample " + n);
        }
        double[] reference = ReferenceConvolution.direct(x, h);
        double error = ReferenceConvolution.relativeError(y, P, reference, 0, reference.length);
        assertTrue(error < 1e-12, "IR of " + irLength + ": relative error " + error);
    }

    @Test
    void inPlaceFloatOutputIsTheUnroundedOutputRoundedAndDoesNotDependOnBlockSizes() {
        float[] h = gaussianNoise(3 * P + 5, 1);
        float[] input = padded(gaussianNoise(SIGNAL, 2), h.length);
        double[] unrounded = convolveUnrounded(new PartitionedConvolver(PartitionedFilter.of(h, P)), input, input.length);
        float[] expected = new float[input.length];
        for (int i = 0; i < expected.length; i++) {
            expected[i] = (float) unrounded[i];
        }
        int[][] blockings = {{1}, {P}, {P - 1}, {P + 1}, {input.length}, {3, 200, 1, 64, 17, 0, 129}};
        for (int[] blocks : blockings) {
            float[] actual = convolveInPlace(new PartitionedConvolver(PartitionedFilter.of(h, P)), input, blocks);
            assertArrayEquals(expected, actual, "blocks " + Arrays.toString(blocks));
        }
    }

    @Test
    void aSwappedFilterTakesOverAtTheNextPartitionBoundary() {
        float[] x = gaussianNoise(SIGNAL, 3);
        float[] before = gaussianNoise(2 * P, 4);
        float[] after = gaussianNoise(2 * P - 10, 5); // shorter taps, same partition count
        PartitionedConvolver convolver = new PartitionedConvolver(PartitionedFilter.of(before, P));
        PartitionedFilter next = PartitionedFilter.of(after, P);
        float[] input = padded(x, before.length);
        double[] y = new double[input.length];
        int swapAt = 10 * P + 23; // mid-partition: partition 10 is still being gathered
        convolver.process(input, 0, y, 0, swapAt);
        convolver.setFilter(next);
        convolver.process(input, swapAt, y, swapAt, input.length - swapAt);

        int boundary = 11 * P; // the first output computed after the swap, in output time
        double errorBefore = ReferenceConvolution.relativeError(y, P, ReferenceConvolution.direct(x, before), 0, boundary - P);
        double errorAfter = ReferenceConvolution.relativeError(y, P, ReferenceConvolution.direct(x, after), boundary - P, x.length + after.length - 1);
        assertTrue(errorBefore < 1e-12, "old filter before the boundary: " + errorBefore);
        assertTrue(errorAfter < 1e-12, "new filter from the boundary: " + errorAfter);
    }

    @Test
    void aFilterOfAnotherShapeIsRefused() {
        PartitionedConvolver convolver = new PartitionedConvolver(PartitionedFilter.of(new double[2 * P], P));
        assertThrows(IllegalArgumentException.class, () -> convolver.setFilter(PartitionedFilter.of(new double[3 * P], P)));
        assertThrows(IllegalArgumentException.class, () -> convolver.setFilter(PartitionedFilter.of(new double[2 * P], 2 * P)));
        assertThrows(IllegalArgumentException.class, () -> PartitionedFilter.of(new double[10], 48));
        assertThrows(IllegalArgumentException.class, () -> PartitionedFilter.of(new double[0], P));
    }

    @Test
    void resetForgetsThePastAndKeepsTheFilter() {
        float[] h = gaussianNoise(P + 3, 6);
        float[] input = padded(gaussianNoise(500, 7), h.length);
        PartitionedConvolver used = new PartitionedConvolver(PartitionedFilter.of(h, P));
        convolveUnrounded(used, gaussianNoise(777, 8), 100);
        used.reset();
        double[] fresh = convolveUnrounded(new PartitionedConvolver(PartitionedFilter.of(h, P)), input, 100);
        assertArrayEquals(fresh, convolveUnrounded(used, input, 100));
    }

    @Test
    void nanAndInfinityEnterAsSilence() {
        float[] h = gaussianNoise(2 * P, 9);
        float[] clean = gaussianNoise(SIGNAL, 10);
        clean[300] = 0;
        clean[900] = 0;
        float[] dirty = clean.clone();
        dirty[300] = Float.NaN;
        dirty[900] = Float.NEGATIVE_INFINITY;
        int[] blocks = {P};
        float[] expected = convolveInPlace(new PartitionedConvolver(PartitionedFilter.of(h, P)), padded(clean, h.length), blocks);
        float[] actual = convolveInPlace(new PartitionedConvolver(PartitionedFilter.of(h, P)), padded(dirty, h.length), blocks);
        assertArrayEquals(expected, actual);
    }

    @Test
    void processingAndSwappingAllocateNothing() {
        PartitionedFilter first = PartitionedFilter.of(gaussianNoise(5 * P, 11), P);
        PartitionedFilter second = PartitionedFilter.of(gaussianNoise(5 * P, 12), P);
        PartitionedConvolver convolver = new PartitionedConvolver(first);
        float[] samples = gaussianNoise(4096, 13);
        double[] output = new double[samples.length];
        Runnable work = () -> {
            for (int i = 0; i < 8; i++) {
                convolver.setFilter(i % 2 == 0 ? second : first);
                convolver.process(samples, 0, 1000);
                convolver.process(samples, 0, output, 0, samples.length);
            }
        };
        work.run(); // warm up
        assertEquals(0, EffectHarness.allocatedBytes(work));
    }
}
