package io.mixai.dsp;

import io.mixai.audio.AudioBlock;
import io.mixai.process.ProcessSpec;
import io.mixai.spi.Effect;
import io.mixai.spi.EffectRegistry;
import java.util.Map;
import java.util.Random;

/** Small helpers shared by the effect tests. */
public final class EffectTesting {

    public static final EffectRegistry REGISTRY = EffectRegistry.discover();

    private EffectTesting() {
    }

    /** A prepared effect from the registry. */
    public static Effect prepared(String type, Map<String, ? extends Number> params, int rate, int blockSize,
            int channels) {
        Effect e = REGISTRY.create(type, params);
        e.prepare(new ProcessSpec(rate, blockSize, channels));
        return e;
    }

    /** Processes a copy of {@code input} in blocks. */
    public static float[][] process(Effect effect, int blockSize, float[][] input) {
        float[][] x = new float[input.length][];
        for (int c = 0; c < input.length; c++) {
            x[c] = input[c].clone();
        }
        AudioBlock block = new AudioBlock(x, 0, 0);
        for (int pos = 0; pos < x[0].length; pos += blockSize) {
            effect.process(block.moveTo(pos, Math.min(blockSize, x[0].length - pos)));
        }
        return x;
    }

    /** Independent uniform noise in [-0.5, 0.5) per channel. */
    public static float[][] noise(int channels, int frames, long seed) {
        Random random = new Random(seed);
        float[][] x = new float[channels][frames];
        for (float[] ch : x) {
            for (int i = 0; i < frames; i++) {
                ch[i] = (float) (random.nextDouble() - 0.5);
            }
        }
        return x;
    }
}
