package io.mixai.dsp.spatial;

import io.mixai.audio.AudioBlock;
import io.mixai.dsp.effect.AbstractEffect;
import io.mixai.dsp.effect.LinearRamp;
import io.mixai.param.ParameterSet;
import io.mixai.process.ProcessSpec;

/**
 * Splits the side signal S = (L - R) / 2 into three bands that add up to S exactly
 * (complementary: low = B1(S), rest = S - low, mid = B2(rest), high = rest - mid, where B is
 * a 2nd-order Butterworth state-variable filter's low-pass plus half its damped band-pass, a
 * topology-preserving-transform SVF as in Zavalishin, "The Art of VA Filter Design", ch. 4).
 * Exact reconstruction means the bands overlap: two octaves from a crossover a band's own gain
 * is met within a few percent. Each band is scaled and the output rebuilt as L = M + S',
 * R = M - S'. The mid M = (L + R) / 2 is never filtered. With all three widths at 100 % the
 * output is the input bit for bit (the effect passes it through untouched).
 */
final class MultibandWidthEffect extends AbstractEffect {

    private static final double BUTTERWORTH_DAMPING = Math.sqrt(2.0); // 2R = 1/Q with Q = 1/sqrt(2)

    private final LinearRamp low = new LinearRamp();
    private final LinearRamp mid = new LinearRamp();
    private final LinearRamp high = new LinearRamp();
    private final Svf lowSplit = new Svf();
    private final Svf highSplit = new Svf();

    MultibandWidthEffect(ParameterSet parameters) {
        super(parameters);
    }

    @Override
    protected void onPrepare(ProcessSpec spec, ParameterSet p) {
        int ramp = LinearRamp.samplesFor(spec.sampleRate(), LinearRamp.DEFAULT_RAMP_MS);
        low.prepare(ramp, p.get("low_width_percent") / 100);
        mid.prepare(ramp, p.get("mid_width_percent") / 100);
        high.prepare(ramp, p.get("high_width_percent") / 100);
        designSplits(spec.sampleRate(), p);
        onReset();
    }

    private void designSplits(int rate, ParameterSet p) {
        double nyquistGuard = 0.45 * rate;
        lowSplit.design(Math.min(p.get("low_crossover_hz"), nyquistGuard), rate);
        highSplit.design(Math.min(p.get("high_crossover_hz"), nyquistGuard), rate);
    }

    @Override
    protected void onParameters(ParameterSet p) {
        low.setTarget(p.get("low_width_percent") / 100);
        mid.setTarget(p.get("mid_width_percent") / 100);
        high.setTarget(p.get("high_width_percent") / 100);
        designSplits(spec().sampleRate(), p);
    }

    @Override
    protected void processBlock(AudioBlock block) {
        if (block.channelCount() < 2) {
            cleanChannel(block, 0);
            return;
        }
        for (int c = 2; c < block.channelCount(); c++) {
            cleanChannel(block, c);
        }
        float[] l = block.channel(0);
        float[] r = block.channel(1);
        int offset = block.offset();
        for (int i = offset, end = offset + block.frames(); i < end; i++) {
            double left = finite(l[i]);
            double right = finite(r[i]);
            double m = (left + right) * 0.5;
            double s = (left - right) * 0.5;
            // The filters run even when the output is the input, so a later change starts from the right state.
            double sLow = lowSplit.lowBand(s);
            double rest = s - sLow;
            double sMid = highSplit.lowBand(rest);
            double sHigh = rest - sMid;
            double gl = low.next();
            double gm = mid.next();
            double gh = high.next();
            // Decided per sample, so the output does not depend on where a ramp ends within a block.
            if (gl == 1.0 && gm == 1.0 && gh == 1.0) {
                l[i] = clean(left);
                r[i] = clean(right);
            } else {
                double side = gl * sLow + gm * sMid + gh * sHigh;
                l[i] = clean(m + side);
                r[i] = clean(m - side);
            }
        }
    }

    private static double finite(float x) {
        return Float.isFinite(x) ? x : 0.0;
    }

    @Override
    protected void onReset() {
        low.finish();
        mid.finish();
        high.finish();
        lowSplit.clear();
        highSplit.clear();
    }

    /** A TPT state-variable filter, Butterworth damping, giving the low half of a complementary split. */
    private static final class Svf {
        private double g;
        private double a1;
        private double s1;
        private double s2;

        void design(double freqHz, int rate) {
            g = Math.tan(Math.PI * freqHz / rate);
            a1 = 1.0 / (1.0 + BUTTERWORTH_DAMPING * g + g * g);
        }

        double lowBand(double x) {
            double hp = (x - (BUTTERWORTH_DAMPING + g) * s1 - s2) * a1;
            double v1 = g * hp;
            double bp = v1 + s1;
            s1 = flush(bp + v1);
            double v2 = g * bp;
            double lp = v2 + s2;
            s2 = flush(lp + v2);
            // lp + R bp: with hp + 2R bp + lp = x this splits x into two halves that share the
            // band-pass part equally, which keeps the leakage of each band into the other lower
            // (quadrature, 6 dB/octave) than the plain low-pass complement would.
            return lp + 0.5 * BUTTERWORTH_DAMPING * bp;
        }

        void clear() {
            s1 = 0;
            s2 = 0;
        }

        private static double flush(double v) {
            return Math.abs(v) < DENORMAL_THRESHOLD ? 0.0 : v;
        }
    }
}
