package io.mixai.dsp.dynamics;

/**
 * An upper bound of {@code |sum_i e[i] x[i]|} (an FIR filter's output, less an optional straight
 * line through two of its inputs) from two cheap quantities: the largest {@code |x|} and the
 * largest {@code |x[i+2] - 2 x[i+1] + x[i]|} (second difference) among the filter's inputs.
 *
 * <p>Summation by parts twice (Abel), with {@code E[i] = e[0] + ... + e[i]} and
 * {@code G[i] = E[0] + ... + E[i]}, is an identity for any {@code N} inputs:
 * <pre>
 *   sum e[i] x[i] = E[N-1] x[N-1] - G[N-2] (x[N-1] - x[N-2])
 *                 + sum_{i=0}^{N-3} G[i] (x[i+2] - 2 x[i+1] + x[i])
 * </pre>
 * so {@code |sum| <= (|E[N-1]| + 2 |G[N-2]|) max|x| + sum|G| max|second difference|}. For the
 * filters used here {@code E[N-1]} and {@code G[N-2]} are nearly zero (no response at DC and
 * none to a ramp), so the bound follows the second differences, which are small for smooth,
 * mostly low-frequency programme: a sine of frequency f has them
 * {@code 4 sin^2(pi f / fs)} times its amplitude (0.017 at 1 kHz, 48 kHz). For full-band or
 * near-Nyquist content the bound is loose, and the caller computes the exact value instead.
 *
 * <p>Rounding: the coefficients below are rounded (prefix sums of up to 127 doubles), as are
 * the filter's own output and the second differences; a relative slack on both gains and an
 * absolute term of {@value #LEVEL_SLACK} x max|x| (-140 dB) cover all of these many times over.
 */
public final class SecondDifferenceBound {

    private static final double RELATIVE_SLACK = 1e-9;
    private static final double LEVEL_SLACK = 1e-7;

    /** Multiplies max|x|. */
    private final double levelGain;
    /** Multiplies max|second difference|. */
    private final double curvatureGain;

    /**
     * For {@code filter} less {@code atCentre} x its centre input ({@code filter.length / 2 - 1},
     * i.e. x[n0] of the interpolators) and {@code afterCentre} x the next one.
     */
    public SecondDifferenceBound(double[] filter, double atCentre, double afterCentre) {
        int n = filter.length;
        int centre = n / 2 - 1;
        double prefix = 0; // E[i]
        double prefixOfPrefix = 0; // G[i]
        double curvature = 0;
        double lastG = 0;
        for (int i = 0; i < n; i++) {
            double e = filter[i] - (i == centre ? atCentre : 0) - (i == centre + 1 ? afterCentre : 0);
            prefix += e;
            if (i < n - 1) {
                prefixOfPrefix += prefix;
                if (i < n - 2) {
                    curvature += Math.abs(prefixOfPrefix);
                } else {
                    lastG = prefixOfPrefix; // G[N-2]
                }
            }
        }
        this.levelGain = (Math.abs(prefix) + 2 * Math.abs(lastG)) * (1 + RELATIVE_SLACK) + LEVEL_SLACK;
        this.curvatureGain = curvature * (1 + RELATIVE_SLACK);
    }

    private SecondDifferenceBound(double levelGain, double curvatureGain) {
        this.levelGain = levelGain;
        this.curvatureGain = curvatureGain;
    }

    /**
     * A bound for every phase {@code j >= 1} of a polyphase interpolator, less the straight line
     * between its two centre inputs at the fraction {@code j / phases.length} (phase j
     * interpolates that far after the centre input).
     */
    public static SecondDifferenceBound forInterpolator(double[][] phases) {
        int factor = phases.length;
        SecondDifferenceBound bound = null;
        for (int j = 1; j < factor; j++) {
            double fraction = j / (double) factor;
            SecondDifferenceBound b = new SecondDifferenceBound(phases[j], 1 - fraction, fraction);
            bound = bound == null ? b : bound.max(b);
        }
        return bound;
    }

    /** A bound that holds for both filters (e.g. every phase of an interpolator). */
    public SecondDifferenceBound max(SecondDifferenceBound other) {
        return new SecondDifferenceBound(Math.max(levelGain, other.levelGain),
                Math.max(curvatureGain, other.curvatureGain));
    }

    /** The bound, given the largest |second difference| and the largest |x| among the inputs. */
    public double bound(double largestSecondDifference, double largestMagnitude) {
        return curvatureGain * largestSecondDifference + levelGain * largestMagnitude;
    }
}
