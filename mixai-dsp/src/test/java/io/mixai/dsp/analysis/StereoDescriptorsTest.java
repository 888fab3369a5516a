package io.mixai.dsp.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixai.audio.AudioBuffer;
import org.junit.jupiter.api.Test;

/** Per-band correlation and width, and broadband correlation, on stereo pairs with known relations. */
class StereoDescriptorsTest {

    private static final int RATE = 48_000;

    private static LongTermSpectrum analyse(float[] left, float[] right) {
        return SpectrumAnalyzer.analyze(AudioBuffer.wrap(new float[][] {left, right}, RATE), 3);
    }

    private static LongTermSpectrum analyseMono(float[] x) {
        return SpectrumAnalyzer.analyze(AudioBuffer.wrap(new float[][] {x}, RATE), 3);
    }

    private static float[] scaled(float[] x, double gain) {
        float[] y = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = (float) (gain * x[i]);
        }
        return y;
    }

    @Test
    void identicalChannelsAreFullyCorrelatedWithNoSide() {
        float[] noise = SpectrumTestSignals.whiteNoise(0.1, 2 * RATE, 1);
        LongTermSpectrum spectrum = analyse(noise, noise.clone());
        LongTermSpectrum mono = analyseMono(noise);
        for (int i = 0; i < spectrum.bandCount(); i++) {
            assertEquals(1.0, spectrum.correlation(i), 1e-12);
            assertEquals(0.0, spectrum.sideShare(i));
            assertEquals(0.0, spectrum.sideToMidRatio(i));
            assertEquals(LongTermSpectrum.FLOOR_DB, spectrum.sideDb(i));
            // M = (L + R) / 2 = L.
            assertEquals(mono.midDb(i), spectrum.midDb(i), 1e-9);
        }
        assertEquals(1.0, spectrum.broadbandCorrelation(), 1e-12);
    }

    @Test
    void invertedChannelsAreAntiCorrelatedWithNoMid() {
        float[] noise = SpectrumTestSignals.whiteNoise(0.1, 2 * RATE, 2);
        LongTermSpectrum spectrum = analyse(noise, scaled(noise, -1));
        LongTermSpectrum mono = analyseMono(noise);
        for (int i = 0; i < spectrum.bandCount(); i++) {
            assertEquals(-1.0, spectrum.correlation(i), 1e-12);
            assertEquals(1.0, spectrum.sideShare(i));
            assertEquals(LongTermSpectrum.FLOOR_DB, spectrum.midDb(i));
            assertEquals(mono.midDb(i), spectrum.sideDb(i), 1e-9);
        }
        assertEquals(-1.0, spectrum.broadbandCorrelation(), 1e-12);
    }

    /**
     * Independent Gaussian noise in L and R. Per band the estimate Re(sum L R*) / sqrt(...) has
     * standard deviation sqrt(2.05 / (2 M K)) for M bins and K frames: each bin's Re(L R*) has
     * half the variance of |L|^2, with the same bin and frame correlations as the power estimate
     * ({@link SpectrumTestSignals#relativeSigma}). Allow 5 of them. Width: side share is
     * 1/2 - Re(sum L R*) / (sum |L|^2 + sum |R|^2), within |rho| / 2 of 1/2. The broadband
     * Pearson coefficient of n independent pairs has standard deviation 1 / sqrt(n).
     */
    @Test
    void independentNoiseIsUncorrelatedWithinStatisticalTolerance() {
        int length = 10 * RATE;
        LongTermSpectrum spectrum = analyse(SpectrumTestSignals.whiteNoise(0.1, length, 3),
                SpectrumTestSignals.whiteNoise(0.1, length, 4));
        double binHz = RATE / (double) spectrum.frameSize();
        int checked = 0;
        for (int i = 0; i < spectrum.bandCount(); i++) {
            double bins = (spectrum.bands().upperEdge(i) - spectrum.bands().lowerEdge(i)) / binHz;
            double sigma = SpectrumTestSignals.relativeSigma(bins, spectrum.segments()) / Math.sqrt(2);
            assertEquals(0.0, spectrum.correlation(i), 5 * sigma, "band " + spectrum.bands().centre(i));
            assertEquals(0.5, spectrum.sideShare(i), 2.5 * sigma + 1e-12, "band " + spectrum.bands().centre(i));
            checked++;
        }
        assertTrue(checked > 25);
        assertEquals(0.0, spectrum.broadbandCorrelation(), 5 / Math.sqrt(length));
    }

    /**
     * A mono source panned by constant-power angle theta: L = cos(theta) n, R = sin(theta) n.
     * The channels are coherent (correlation exactly 1 in every band and broadband); mid is
     * (cos + sin)/2 n and side (cos - sin)/2 n, so side share = (1 - sin 2 theta) / 2 and the
     * mid level is the source's plus 10 log10((1 + sin 2 theta) / 4).
     */
    @Test
    void pannedMonoSourceHasKnownWidthAndFullCorrelation() {
        float[] source = SpectrumTestSignals.whiteNoise(0.1, 2 * RATE, 5);
        double theta = Math.toRadians(25);
        float[] left = scaled(source, Math.cos(theta));
        float[] right = scaled(source, Math.sin(theta));
        LongTermSpectrum spectrum = analyse(left, right);
        LongTermSpectrum mono = analyseMono(source);
        double expectedShare = (1 - Math.sin(2 * theta)) / 2;
        double midOffset = 10 * Math.log10((1 + Math.sin(2 * theta)) / 4);
        for (int i = 0; i < spectrum.bandCount(); i++) {
            // Float rounding of the scaled channels (relative 6e-8) bounds the deviations.
            assertEquals(1.0, spectrum.correlation(i), 1e-6);
            assertEquals(expectedShare, spectrum.sideShare(i), 1e-6);
            assertEquals(mono.midDb(i) + midOffset, spectrum.midDb(i), 1e-5);
        }
        assertEquals(1.0, spectrum.broadbandCorrelation(), 1e-6);
    }

    /**
     * L = a n1 + b n2, R = a n1 - b n2 with independent n1, n2: mid is exactly a n1 and side
     * exactly b n2, so the mid and side levels equal the mono analyses of the scaled sources and
     * the side share is their power ratio. The correlation's expectation is (a^2 - b^2) /
     * (a^2 + b^2) (0.6 for a = 2, b = 1), within the statistical tolerance of the estimate
     * (the cross terms a b Re(n1 n2*) have the independent-noise deviation, scaled by
     * 2 a b / (a^2 + b^2)).
     */
    @Test
    void midSideMixHasKnownLevelsWidthAndCorrelation() {
        int length = 10 * RATE;
        double a = 0.08;
        double b = 0.04;
        float[] n1 = SpectrumTestSignals.whiteNoise(1.0, length, 6);
        float[] n2 = SpectrumTestSignals.whiteNoise(1.0, length, 7);
        float[] left = new float[length];
        float[] right = new float[length];
        float[] mid = new float[length];
        float[] side = new float[length];
        for (int i = 0; i < length; i++) {
            mid[i] = (float) (a * n1[i]);
            side[i] = (float) (b * n2[i]);
            left[i] = mid[i] + side[i];
            right[i] = mid[i] - side[i];
        }
        LongTermSpectrum spectrum = analyse(left, right);
        LongTermSpectrum midAlone = analyseMono(mid);
        LongTermSpectrum sideAlone = analyseMono(side);
        double binHz = RATE / (double) spectrum.frameSize();
        for (int i = 0; i < spectrum.bandCount(); i++) {
            // The float sums L and R round at 6e-8 relative: mid and side are exact to ~1e-6 dB.
            assertEquals(midAlone.midDb(i), spectrum.midDb(i), 1e-5, "mid");
            assertEquals(sideAlone.midDb(i), spectrum.sideDb(i), 1e-5, "side");
            double pm = Math.pow(10, midAlone.midDb(i) / 10);
            double ps = Math.pow(10, sideAlone.midDb(i) / 10);
            assertEquals(ps / (pm + ps), spectrum.sideShare(i), 1e-6);
            double bins = (spectrum.bands().upperEdge(i) - spectrum.bands().lowerEdge(i)) / binHz;
            double sigma = SpectrumTestSignals.relativeSigma(bins, spectrum.segments()) / Math.sqrt(2);
            double expected = (a * a - b * b) / (a * a + b * b);
            // The power estimates' own scatter also moves the ratio: 5 sigma of both, combined.
            double tolerance = 5 * sigma * (2 * a * b / (a * a + b * b) + 1);
            assertEquals(expected, spectrum.correlation(i), tolerance, "band " + spectrum.bands().centre(i));
        }
        assertEquals((a * a - b * b) / (a * a + b * b), spectrum.broadbandCorrelation(), 5 * 2 / Math.sqrt(length));
    }

    @Test
    void hardPannedSourceHasZeroCorrelationAndHalfSideShare() {
        float[] noise = SpectrumTestSignals.whiteNoise(0.1, RATE, 8);
        LongTermSpectrum spectrum = analyse(noise, new float[RATE]);
        for (int i = 0; i < spectrum.bandCount(); i++) {
            // R silent: by definition no shared component; M = S = L/2.
            assertEquals(0.0, spectrum.correlation(i));
            assertEquals(0.5, spectrum.sideShare(i), 1e-12);
            assertEquals(1.0, spectrum.sideToMidRatio(i), 1e-12);
        }
        assertEquals(0.0, spectrum.broadbandCorrelation());
    }
}
