package io.mixai.dsp.spectral;

/**
 * The Kaiser window, used to design the windowed-sinc interpolators of the true-peak meter, the
 * limiter and the mastering report (J. F. Kaiser, "Nonrecursive digital filter design using the
 * I0-sinh window function", 1974). mixai-core's resampler keeps its own copy because core cannot
 * depend on this module.
 */
public final class KaiserWindow {

    private KaiserWindow() {
    }

    /**
     * The window at relative position {@code r} (0 at the centre, +-1 at the edges):
     * I0(beta sqrt(1 - r^2)) / I0(beta). Outside [-1, 1] it stays at its edge value 1 / I0(beta);
     * callers that want a hard edge cut there themselves.
     */
    public static double at(double r, double beta) {
        return besselI0(beta * Math.sqrt(Math.max(0.0, 1 - r * r))) / besselI0(beta);
    }

    /**
     * The modified Bessel function of the first kind, order 0, by its power series
     * sum_k ((x/2)^k / k!)^2, summed until a term no longer changes the double result.
     */
    public static double besselI0(double x) {
        double sum = 1.0;
        double term = 1.0;
        double q = x * x / 4.0;
        for (int k = 1; k < 500; k++) {
            term *= q / ((double) k * k);
            sum += term;
            if (term < sum * 1e-17) {
                break;
            }
        }
        return sum;
    }
}
