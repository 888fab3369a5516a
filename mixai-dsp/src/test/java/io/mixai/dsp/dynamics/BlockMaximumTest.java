package io.mixai.dsp.dynamics;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class BlockMaximumTest {

    /** Never below the exact maximum of the window, never above that of window + 2 BLOCK - 1 values. */
    @Test
    void liesBetweenTheWindowMaximumAndASlightlyLongerOne() {
        Random random = new Random(11);
        for (int window : new int[] {1, 2, 15, 16, 17, 46, 125, 127}) {
            BlockMaximum maximum = new BlockMaximum(window);
            double[] values = new double[3000];
            for (int n = 0; n < values.length; n++) {
                // bursts and quiet stretches, so that the maximum moves both ways
                values[n] = random.nextDouble() * ((n / 50) % 3 == 0 ? 1.0 : 0.01);
                double bound = maximum.push(values[n]);
                double exact = 0;
                for (int i = Math.max(0, n - window + 1); i <= n; i++) {
                    exact = Math.max(exact, values[i]);
                }
                double longer = 0;
                for (int i = Math.max(0, n - window - 2 * BlockMaximum.BLOCK + 2); i <= n; i++) {
                    longer = Math.max(longer, values[i]);
                }
                assertTrue(bound >= exact && bound <= longer,
                        "window " + window + ", value " + n + ": " + bound + " not in [" + exact + ", " + longer + "]");
            }
        }
    }
}
