package io.mixai.dsp.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The limiter's sliding windows: their O(1) "push a run of 1.0" equals pushing the 1.0s one by one. */
class SlidingWindowsTest {

    @Test
    void minimumEqualsTheNaiveMinimumAndPushOnesEqualsSinglePushes() {
        Random random = new Random(7);
        for (int window : new int[] {1, 2, 5, 16, 32, 237}) {
            SlidingMinimum stepwise = new SlidingMinimum(window);
            SlidingMinimum bulk = new SlidingMinimum(window);
            double[] recent = new double[window];
            long pushed = 0;
            int ones = 0;
            for (int round = 0; round < 400; round++) {
                assertEquals(ones >= window, stepwise.isAllOnes(), "window " + window + ": all ones?");
                assertEquals(ones >= window, bulk.isAllOnes(), "window " + window + ": all ones after pushOnes?");
                if (ones >= window && random.nextBoolean()) {
                    int count = 1 + random.nextInt(3 * window + 70);
                    for (int i = 0; i < count; i++) {
                        stepwise.push(1.0);
                        recent[(int) (pushed++ % window)] = 1.0;
                    }
                    bulk.pushOnes(count);
                    ones += count;
                    continue;
                }
                int count = 1 + random.nextInt(2 * window + 3);
                for (int i = 0; i < count; i++) {
                    double value = random.nextInt(4) == 0 ? 0.5 + 0.5 * random.nextDouble() : 1.0;
                    recent[(int) (pushed++ % window)] = value;
                    double expected = Double.POSITIVE_INFINITY;
                    for (long k = Math.max(0, pushed - window); k < pushed; k++) {
                        expected = Math.min(expected, recent[(int) (k % window)]);
                    }
                    assertEquals(expected, stepwise.push(value), "window " + window);
                    assertEquals(expected, bulk.push(value), "window " + window + " after pushOnes");
                    ones = value == 1.0 ? ones + 1 : 0;
                }
            }
        }
    }

    @Test
    void meanPushOnesEqualsSinglePushesBitForBit() {
        Random random = new Random(8);
        for (int window : new int[] {1, 3, 16, 220}) {
            SlidingMean stepwise = new SlidingMean(window);
            SlidingMean bulk = new SlidingMean(window);
            for (int round = 0; round < 300; round++) {
                if (stepwise.isAllOnes() && random.nextBoolean()) {
                    int count = 1 + random.nextInt(2 * window + 70);
                    for (int i = 0; i < count; i++) {
                        assertEquals(1.0, stepwise.push(1.0));
                    }
                    bulk.pushOnes(count);
                    continue;
                }
                int count = 1 + random.nextInt(2 * window);
                for (int i = 0; i < count; i++) {
                    double value = random.nextInt(3) == 0 ? random.nextDouble() : 1.0;
                    assertEquals(Double.doubleToRawLongBits(stepwise.push(value)),
                            Double.doubleToRawLongBits(bulk.push(value)), "window " + window);
                }
            }
        }
    }
}
