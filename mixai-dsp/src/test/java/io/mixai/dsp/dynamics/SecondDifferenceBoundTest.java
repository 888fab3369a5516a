package io.mixai.dsp.dynamics;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The limiter skips work on the strength of this bound, so it must never be below the exact filter output. */
class SecondDifferenceBoundTest {

    /** Largest |x| and largest |x[i+2] - 2 x[i+1] + x[i]| of a window. */
    private static double[] extremes(double[] x) {
        double level = 0;
        double curvature = 0;
        for (int i = 0; i < x.length; i++) {
            level = Math.max(level, Math.abs(x[i]));
            if (i >= 2) {
                curvature = Math.max(curvature, Math.abs(x[i] - 2 * x[i - 1] + x[i - 2]));
            }
        }
        return new double[] {level, curvature};
    }

    private static double[] signal(Random random, int length, double frequency, double noise) {
        double[] x = new double[length];
        double phase = random.nextDouble() * 2 * Math.PI;
        for (int i = 0; i < length; i++) {
            x[i] = Math.sin(2 * Math.PI * frequency * i + phase) + noise * (2 * random.nextDouble() - 1);
        }
        return x;
    }

    @Test
    void boundsEveryFilterOutputLessTheStraightLine() {
        Random random = new Random(5);
        int checked = 0;
        for (int trial = 0; trial < 2000; trial++) {
            int taps = 2 + random.nextInt(130);
            double[] filter = new double[taps];
            for (int i = 0; i < taps; i++) {
                filter[i] = (2 * random.nextDouble() - 1) * Math.exp(-Math.abs(i - taps / 2.0) / 8);
            }
            double atCentre = random.nextBoolean() ? random.nextDouble() : 0;
            double afterCentre = random.nextBoolean() ? random.nextDouble() : 0;
            SecondDifferenceBound bound = new SecondDifferenceBound(filter, atCentre, afterCentre);
            // smooth (low tone), mixed and full-band inputs
            double frequency = new double[] {0.002, 0.02, 0.2, 0.49}[trial % 4];
            double[] x = signal(random, taps, frequency, trial % 3 == 0 ? 0 : 0.1 * (trial % 7));
            int centre = taps / 2 - 1;
            double residual = 0;
            for (int i = 0; i < taps; i++) {
                double e = filter[i] - (i == centre ? atCentre : 0) - (i == centre + 1 ? afterCentre : 0);
                residual += e * x[i];
            }
            double[] ex = extremes(x);
            double limit = bound.bound(ex[1], ex[0]);
            assertTrue(Math.abs(residual) <= limit, "trial " + trial + ": |residual| " + Math.abs(residual) + " > bound " + limit);
            checked++;
        }
        assertTrue(checked == 2000);
    }

    @Test
    void isTightForSmoothInputToAFilterWithoutResponseToRamps() {
        // a symmetric smoothing filter of unit DC gain, less its centre sample: no response to
        // a constant or a ramp, so on a low tone the bound follows the tiny second differences
        double[] filter = {0.25, 0.5, 0.25, 0};
        SecondDifferenceBound bound = new SecondDifferenceBound(filter, 1.0, 0);
        double[] x = signal(new Random(6), filter.length, 0.001, 0);
        double[] ex = extremes(x);
        double limit = bound.bound(ex[1], ex[0]);
        assertTrue(limit < 1e-3 * ex[0], "bound " + limit + " for largest |x| " + ex[0]);
    }
}
