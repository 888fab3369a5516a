package io.mixai.dsp.spatial;

import io.mixai.audio.AudioBlock;
import io.mixai.dsp.effect.AbstractEffect;
import io.mixai.dsp.effect.LinearRamp;
import io.mixai.param.ParameterSet;
import io.mixai.process.ProcessSpec;

/**
 * Scales the side signal, ramping the factor. Computed in double, where the sum and difference
 * of two floats are exact, so a factor of 1 gives back the input bits.
 */
final class WidthEffect extends AbstractEffect {

    private final LinearRamp sideGain = new LinearRamp();

    WidthEffect(ParameterSet parameters) {
        super(parameters);
    }

    @Override
    protected void onPrepare(ProcessSpec spec, ParameterSet p) {
        sideGain.prepare(LinearRamp.samplesFor(spec.sampleRate(), LinearRamp.DEFAULT_RAMP_MS),
                p.get("width_percent") / 100);
    }

    @Override
    protected void onParameters(ParameterSet p) {
        sideGain.setTarget(p.get("width_percent") / 100);
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
            double mid = ((double) l[i] + r[i]) * 0.5;
            double side = ((double) l[i] - r[i]) * 0.5 * sideGain.next();
            l[i] = clean(mid + side);
            r[i] = clean(mid - side);
        }
    }

    @Override
    protected void onReset() {
        sideGain.finish();
    }
}
