package io.mixai.dsp.filter;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Butterworth low- and high-pass filters of even order as cascades of second-order sections.
 *
 * <p>An order-n Butterworth filter has its analog poles evenly spaced on the unit circle at
 * angles {@code (2i + 1) pi / (2n)} from the negative real axis; each conjugate pair is a
 * section with {@code Q = 1 / (2 cos((2i + 1) pi / (2n)))}. With every section pre-warped to the
 * same cutoff the bilinear transform gives
 * {@code |H|² = 1 / (1 + (tan(pi f/fs) / tan(pi fc/fs))^(2n))} (low-pass). Order n rolls off at
 * 6n dB per octave: 12, 24, 36 and 48 dB/octave are orders 2, 4, 6 and 8.
 */
public final class ButterworthCascade {

    /** The highest order supported (48 dB/octave). */
    public static final int MAX_ORDER = 8;

    private ButterworthCascade() {
    }

    /** The order for a slope of 12, 24, 36 or 48 dB per octave. */
    public static int orderForSlope(double slopeDbPerOctave) {
        int order = (int) Math.rint(slopeDbPerOctave / 6.0);
        if (order * 6.0 != slopeDbPerOctave) {
            checkOrder(-1);
        }
        checkOrder(order);
        return order;
    }

    /** The Q of section {@code index} (0-based) of an order-{@code order} Butterworth filter. */
    public static double sectionQ(int order, int index) {
        checkOrder(order);
        if (index < 0 || index >= order / 2) {
            throw new IllegalArgumentException("section " + index + " does not exist in order " + order);
        }
        return 1.0 / (2.0 * Math.cos((2 * index + 1) * Math.PI / (2.0 * order)));
    }

    /** The sections of an order-{@code order} Butterworth low-pass at {@code cutoffHz}. */
    public static List<BiquadCoefficients> lowPass(double sampleRate, double cutoffHz, int order) {
        checkOrder(order);
        List<BiquadCoefficients> sections = new ArrayList<>();
        for (int i = 0; i < order / 2; i++) {
            sections.add(BiquadCoefficients.lowPass(sampleRate, cutoffHz, sectionQ(order, i)));
        }
        return Collections.unmodifiableList(sections);
    }

    /** The sections of an order-{@code order} Butterworth high-pass at {@code cutoffHz}. */
    public static List<BiquadCoefficients> highPass(double sampleRate, double cutoffHz, int order) {
        checkOrder(order);
        List<BiquadCoefficients> sections = new ArrayList<>();
        for (int i = 0; i < order / 2; i++) {
            sections.add(BiquadCoefficients.highPass(sampleRate, cutoffHz, sectionQ(order, i)));
        }
        return Collections.unmodifiableList(sections);
    }

    private static void checkOrder(int order) {
        if (order < 2 || order > MAX_ORDER || (order & 1) != 0) {
            throw new IllegalArgumentException("Butterworth order must be 2, 4, 6 or 8 (12..48 dB/octave), got "
                    + (order < 0 ? "a slope that is not a multiple of 6 dB/octave" : order));
        }
    }
}
