package io.mixai.dsp.master;

import io.mixai.audio.AudioBlock;
import io.mixai.chain.EffectChain;
import io.mixai.process.AudioProcessor;
import io.mixai.process.ProcessSpec;
import io.mixai.spi.Effect;
import java.util.List;

/**
 * Runs an effect chain exactly as {@link EffectChain#process} does (each effect over the whole
 * block, in order), and meters the last effect (the limiter) from outside for its gain
 * reduction. The audio is the chain's, bit for bit.
 */
final class MeteredChain implements AudioProcessor {

    private final EffectChain chain;
    private final List<Effect> effects;
    private GainReductionMeter meter;
    /** Per-frame peaks of the limiter's input in the current block. */
    private float[] inputPeaks;
    /** The block's channel arrays. */
    private float[][] planes;

    MeteredChain(EffectChain chain) {
        this.chain = chain;
        this.effects = chain.effects();
    }

    @Override
    public void prepare(ProcessSpec spec) {
        chain.prepare(spec);
        meter = new GainReductionMeter(spec.sampleRate(), effects.get(effects.size() - 1).latencySamples());
        inputPeaks = new float[spec.maxBlockFrames()];
        planes = new float[spec.channels()][];
    }

    @Override
    public void process(AudioBlock block) {
        int last = effects.size() - 1;
        for (int e = 0; e < last; e++) {
            effects.get(e).process(block);
        }
        // Record the limiter's input frame by frame, then its output for the same frames.
        for (int c = 0; c < planes.length; c++) {
            planes[c] = block.channel(c);
        }
        int n = block.frames();
        int offset = block.offset();
        for (int i = 0; i < n; i++) {
            float m = 0;
            for (float[] ch : planes) {
                m = Math.max(m, Math.abs(ch[offset + i]));
            }
            inputPeaks[i] = m;
        }
        effects.get(last).process(block);
        for (int i = 0; i < n; i++) {
            meter.input(inputPeaks[i]);
            meter.output(planes, offset, i);
        }
    }

    @Override
    public void reset() {
        chain.reset();
    }

    @Override
    public int latencySamples() {
        return chain.latencySamples();
    }

    @Override
    public int tailSamples() {
        return chain.tailSamples();
    }

    double[] gainReductionDb() {
        return meter.values();
    }
}
