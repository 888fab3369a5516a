package io.mixai.dsp.master;

/**
 * The limiter's gain reduction over time, measured from outside: per 100 ms window of output,
 * the largest output magnitude over the largest input magnitude that produced it (the input
 * delayed by the limiter's latency), in dB (0 or negative). For a brickwall limiter this is
 * the reduction applied at the window's loudest peak. Constant memory apart from the timeline.
 */
final class GainReductionMeter {

    static final double STEP_SECONDS = 0.1;

    private final float[] delay;
    private final int windowFrames;
    private final int latency;
    private final DoubleList values = new DoubleList();
    private long frames;
    private int fill;
    private double maxIn;
    private double maxOut;

    GainReductionMeter(int sampleRate, int latency) {
        this.latency = latency;
        this.delay = new float[latency + 1];
        this.windowFrames = Math.max(1, (int) Math.round(sampleRate * STEP_SECONDS));
    }

    /** Before the limiter: the frame's largest magnitude over the channels. */
    void input(float largestMagnitude) {
        delay[(int) (frames % delay.length)] = largestMagnitude;
    }

    /** After the limiter, same frame index as the last {@link #input}. */
    void output(float[][] block, int offset, int i) {
        float delayedIn = delay[(int) ((frames + delay.length - latency) % delay.length)];
        frames++;
        if (frames <= latency) {
            return; // the limiter's warm-up: nothing of the programme has come out yet
        }
        float m = 0;
        for (float[] ch : block) {
            m = Math.max(m, Math.abs(ch[offset + i]));
        }
        maxIn = Math.max(maxIn, delayedIn);
        maxOut = Math.max(maxOut, m);
        if (++fill == windowFrames) {
            values.add(maxIn > 1e-9 ? Math.min(0, 20 * Math.log10(Math.max(maxOut, 1e-12) / maxIn)) : 0);
            fill = 0;
            maxIn = 0;
            maxOut = 0;
        }
    }

    double[] values() {
        return values.toArray();
    }
}
