package io.mixai.dsp.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Loudness over time: attached to a {@link LoudnessMeter} as its
 * {@link LoudnessMeter.HopListener}, it records every 100 ms hop the momentary and short-term
 * loudness and the true peak of the last 3 s, from which the PSR (peak-to-short-term-loudness
 * ratio) follows. Memory grows with the programme, by 24 bytes per hop (under 1 MB per hour).
 *
 * <pre>{@code
 * LoudnessMeter meter = new LoudnessMeter(48_000, 2);
 * LoudnessTimeline timeline = LoudnessTimeline.attachTo(meter);
 * // feed meter.process(block) ...
 * List<LoudnessTimeline.Point> perSecond = timeline.everySecond();
 * }</pre>
 */
public final class LoudnessTimeline implements LoudnessMeter.HopListener {

    /** One reading, {@code timeSeconds} after the start of the programme (the end of the windows). */
    public record Point(double timeSeconds, OptionalDouble momentaryLufs, OptionalDouble shortTermLufs,
            OptionalDouble shortTermTruePeakDbtp) {

        /** PSR: short-term true peak minus short-term loudness, in dB; empty if either is. */
        public OptionalDouble psrDb() {
            return shortTermTruePeakDbtp.isPresent() && shortTermLufs.isPresent()
                    ? OptionalDouble.of(shortTermTruePeakDbtp.getAsDouble() - shortTermLufs.getAsDouble())
                    : OptionalDouble.empty();
        }
    }

    /** Hops per second (the meter's gating hop is 100 ms). */
    public static final int HOPS_PER_SECOND = 10;

    // Parallel columns; NaN marks "not measurable" internally and never leaves this class.
    private double[] time = new double[64];
    private double[] momentary = new double[64];
    private double[] shortTerm = new double[64];
    private double[] peak = new double[64];
    private int size;

    /** An empty timeline; pass it to {@link LoudnessMeter#setHopListener} (or use {@link #attachTo}). */
    public LoudnessTimeline() {
        // Columns start small and double as hops arrive.
    }

    /** A timeline that is the meter's hop listener from now on. */
    public static LoudnessTimeline attachTo(LoudnessMeter meter) {
        LoudnessTimeline timeline = new LoudnessTimeline();
        meter.setHopListener(timeline);
        return timeline;
    }

    @Override
    public void onHop(LoudnessMeter meter) {
        if (size == time.length) {
            int n = size * 2;
            time = Arrays.copyOf(time, n);
            momentary = Arrays.copyOf(momentary, n);
            shortTerm = Arrays.copyOf(shortTerm, n);
            peak = Arrays.copyOf(peak, n);
        }
        time[size] = meter.frames() / (double) meter.sampleRate();
        momentary[size] = meter.momentaryLufs().orElse(Double.NaN);
        shortTerm[size] = meter.shortTermLufs().orElse(Double.NaN);
        peak[size] = meter.shortTermTruePeakDbtp().orElse(Double.NaN);
        size++;
    }

    /** Number of hops recorded. */
    public int size() {
        return size;
    }

    /** Forgets the recorded points (call with the meter's reset). */
    public void clear() {
        size = 0;
    }

    /** The reading at hop {@code i} (0 = 100 ms into the programme). */
    public Point point(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("hop " + i + " of " + size);
        }
        return new Point(time[i], opt(momentary[i]), opt(shortTerm[i]), opt(peak[i]));
    }

    /** Every reading, one per 100 ms. */
    public List<Point> points() {
        List<Point> list = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            list.add(point(i));
        }
        return Collections.unmodifiableList(list);
    }

    /** One reading per whole second of programme (1 s, 2 s, ...). */
    public List<Point> everySecond() {
        List<Point> list = new ArrayList<>(size / HOPS_PER_SECOND + 1);
        for (int i = HOPS_PER_SECOND - 1; i < size; i += HOPS_PER_SECOND) {
            list.add(point(i));
        }
        return Collections.unmodifiableList(list);
    }

    /** The largest PSR over the programme, in dB; empty if never measurable. */
    public OptionalDouble maxPsrDb() {
        return extremePsr(true);
    }

    /** The smallest PSR over the programme (its most compressed 3 s), in dB; empty if never measurable. */
    public OptionalDouble minPsrDb() {
        return extremePsr(false);
    }

    private OptionalDouble extremePsr(boolean max) {
        double best = Double.NaN;
        for (int i = 0; i < size; i++) {
            double psr = peak[i] - shortTerm[i];
            if (!Double.isNaN(psr) && (Double.isNaN(best) || (max ? psr > best : psr < best))) {
                best = psr;
            }
        }
        return opt(best);
    }

    private static OptionalDouble opt(double v) {
        return Double.isNaN(v) ? OptionalDouble.empty() : OptionalDouble.of(v);
    }
}
