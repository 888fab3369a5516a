package io.mixai.dsp.utility;

import io.mixai.audio.AudioBlock;
import io.mixai.dsp.effect.AbstractEffect;
import io.mixai.param.ParameterSet;
import io.mixai.process.ProcessSpec;

/**
 * The classic DC blocker {@code y[n] = k·(x[n] − x[n−1]) + R·y[n−1]} with pole
 * {@code R = exp(−2π·fc/fs)} and {@code k = (1 + R)/2}, which makes the gain exactly 1 at
 * Nyquist: {@code H(z) = k·(1 − z⁻¹)/(1 − R·z⁻¹)}. For fc ≪ fs the −3 dB point is fc
 * (J. O. Smith, "Introduction to Digital Filters", DC blocker).
 */
final class DcBlockerEffect extends AbstractEffect {

    private double pole;
    private double k;
    private double[] previousInput = new double[0];
    private double[] previousOutput = new double[0];
    private int tail;

    DcBlockerEffect(ParameterSet parameters) {
        super(parameters);
    }

    static double pole(double cutoffHz, int sampleRate) {
        return Math.exp(-2 * Math.PI * cutoffHz / sampleRate);
    }

    @Override
    protected void onPrepare(ProcessSpec spec, ParameterSet parameters) {
        previousInput = new double[spec.channels()];
        previousOutput = new double[spec.channels()];
        // The slowest allowed corner sets the longest ring-out: until R^n falls below -120 dB.
        tail = (int) Math.ceil(Math.log(1e-6) / Math.log(pole(1, spec.sampleRate())));
        onParameters(parameters);
    }

    @Override
    protected void onParameters(ParameterSet parameters) {
        // A coefficient change of a one-pole filter is smooth enough to apply at a block start.
        pole = pole(parameters.get("cutoff_hz"), spec().sampleRate());
        k = (1 + pole) / 2;
    }

    @Override
    protected void processBlock(AudioBlock block) {
        int offset = block.offset();
        for (int c = 0; c < block.channelCount(); c++) {
            float[] x = block.channel(c);
            double x1 = previousInput[c];
            double y1 = previousOutput[c];
            for (int i = offset, end = offset + block.frames(); i < end; i++) {
                double in = x[i];
                double y = k * (in - x1) + pole * y1;
                if (!(Math.abs(y) < 1e30)) {
                    y = 0; // NaN or runaway input: restart rather than poison the state forever
                    in = 0;
                } else if (Math.abs(y) < DENORMAL_THRESHOLD) {
                    y = 0;
                }
                x1 = in;
                y1 = y;
                x[i] = clean(y);
            }
            previousInput[c] = x1;
            previousOutput[c] = y1;
        }
    }

    @Override
    protected void onReset() {
        java.util.Arrays.fill(previousInput, 0);
        java.util.Arrays.fill(previousOutput, 0);
    }

    @Override
    public int tailSamples() {
        return tail;
    }
}
