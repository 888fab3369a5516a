package io.mixai.dsp.utility;

import io.mixai.audio.AudioBlock;
import io.mixai.dsp.effect.AbstractEffect;
import io.mixai.dsp.effect.LinearRamp;
import io.mixai.param.ParameterSet;
import io.mixai.process.ProcessSpec;

/** Multiplies every channel by 10^(gain_db/20), ramping linearly in amplitude when the gain changes. */
final class GainEffect extends AbstractEffect {

    private final LinearRamp gain = new LinearRamp();

    GainEffect(ParameterSet parameters) {
        super(parameters);
    }

    static double amplitude(ParameterSet p) {
        return Math.pow(10, p.get("gain_db") / 20);
    }

    @Override
    protected void onPrepare(ProcessSpec spec, ParameterSet parameters) {
        gain.prepare(LinearRamp.samplesFor(spec.sampleRate(), LinearRamp.DEFAULT_RAMP_MS), amplitude(parameters));
    }

    @Override
    protected void onParameters(ParameterSet parameters) {
        gain.setTarget(amplitude(parameters));
    }

    @Override
    protected void processBlock(AudioBlock block) {
        int channels = block.channelCount();
        int offset = block.offset();
        if (!gain.isRamping()) {
            double g = gain.current();
            for (int c = 0; c < channels; c++) {
                float[] x = block.channel(c);
                for (int i = offset, end = offset + block.frames(); i < end; i++) {
                    x[i] = clean(x[i] * g);
                }
            }
            return;
        }
        for (int i = 0; i < block.frames(); i++) {
            double g = gain.next();
            for (int c = 0; c < channels; c++) {
                float[] x = block.channel(c);
                x[offset + i] = clean(x[offset + i] * g);
            }
        }
    }

    @Override
    protected void onReset() {
        gain.finish();
    }
}
