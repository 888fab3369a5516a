package io.mixai.dsp.spatial;

import io.mixai.audio.AudioBlock;
import io.mixai.dsp.effect.AbstractEffect;
import io.mixai.dsp.effect.LinearRamp;
import io.mixai.param.ParameterSet;
import io.mixai.process.ProcessSpec;

/** Scales channel 0 by gL and channel 1 by gR (see {@link PanProvider}), ramping both gains. */
final class PanEffect extends AbstractEffect {

    private final LinearRamp left = new LinearRamp();
    private final LinearRamp right = new LinearRamp();

    PanEffect(ParameterSet parameters) {
        super(parameters);
    }

    /**
     * √2·cos((p+1)π/4) expanded with the angle-sum identity to cos(pπ/4) − sin(pπ/4), which is
     * exactly 1 at p = 0 in floating point.
     */
    static double leftGain(double pan) {
        double a = pan * Math.PI / 4;
        return Math.cos(a) - Math.sin(a);
    }

    /** √2·sin((p+1)π/4) = cos(pπ/4) + sin(pπ/4). */
    static double rightGain(double pan) {
        double a = pan * Math.PI / 4;
        return Math.cos(a) + Math.sin(a);
    }

    @Override
    protected void onPrepare(ProcessSpec spec, ParameterSet p) {
        int ramp = LinearRamp.samplesFor(spec.sampleRate(), LinearRamp.DEFAULT_RAMP_MS);
        left.prepare(ramp, leftGain(p.get("pan")));
        right.prepare(ramp, rightGain(p.get("pan")));
    }

    @Override
    protected void onParameters(ParameterSet p) {
        left.setTarget(leftGain(p.get("pan")));
        right.setTarget(rightGain(p.get("pan")));
    }

    @Override
    protected void processBlock(AudioBlock block) {
        if (block.channelCount() < 2) {
            cleanChannel(block, 0); // no balance or width in mono: pass through, without denormals
            return;
        }
        float[] l = block.channel(0);
        float[] r = block.channel(1);
        int offset = block.offset();
        for (int i = offset, end = offset + block.frames(); i < end; i++) {
            l[i] = clean(l[i] * left.next());
            r[i] = clean(r[i] * right.next());
        }
    }

    @Override
    protected void onReset() {
        left.finish();
        right.finish();
    }
}
