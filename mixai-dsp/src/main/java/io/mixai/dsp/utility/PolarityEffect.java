package io.mixai.dsp.utility;

import io.mixai.audio.AudioBlock;
import io.mixai.dsp.effect.AbstractEffect;
import io.mixai.dsp.effect.LinearRamp;
import io.mixai.param.ParameterSet;
import io.mixai.process.ProcessSpec;

/** Multiplies channel 0 and 1 by ±1, ramping between the two. */
final class PolarityEffect extends AbstractEffect {

    private final LinearRamp left = new LinearRamp();
    private final LinearRamp right = new LinearRamp();

    PolarityEffect(ParameterSet parameters) {
        super(parameters);
    }

    private static double sign(ParameterSet p, String id) {
        return p.getBoolean(id) ? -1 : 1;
    }

    @Override
    protected void onPrepare(ProcessSpec spec, ParameterSet p) {
        int ramp = LinearRamp.samplesFor(spec.sampleRate(), LinearRamp.DEFAULT_RAMP_MS);
        left.prepare(ramp, sign(p, "invert_left"));
        right.prepare(ramp, sign(p, "invert_right"));
    }

    @Override
    protected void onParameters(ParameterSet p) {
        left.setTarget(sign(p, "invert_left"));
        right.setTarget(sign(p, "invert_right"));
    }

    @Override
    protected void processBlock(AudioBlock block) {
        apply(block, 0, left);
        if (block.channelCount() > 1) {
            apply(block, 1, right);
        }
    }

    private static void apply(AudioBlock block, int channel, LinearRamp ramp) {
        float[] x = block.channel(channel);
        int offset = block.offset();
        for (int i = 0; i < block.frames(); i++) {
            x[offset + i] = clean(x[offset + i] * ramp.next());
        }
    }

    @Override
    protected void onReset() {
        left.finish();
        right.finish();
    }
}
