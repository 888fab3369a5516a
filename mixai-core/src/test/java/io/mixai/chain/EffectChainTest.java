package io.mixai.chain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixai.audio.AudioBlock;
import io.mixai.audio.AudioBuffer;
import io.mixai.param.InvalidParameterException;
import io.mixai.process.ProcessSpec;
import io.mixai.spi.EffectRegistry;
import io.mixai.spi.UnknownEffectException;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EffectChainTest {

    private static final EffectRegistry REGISTRY = EffectRegistry.discover();

    static AudioBuffer noise(int channels, int frames, long seed) {
        Random random = new Random(seed);
        AudioBuffer b = AudioBuffer.allocate(channels, frames, 48000);
        for (int c = 0; c < channels; c++) {
            for (int i = 0; i < frames; i++) {
                b.channel(c)[i] = (float) (random.nextDouble() * 2 - 1) * 0.5f;
            }
        }
        return b;
    }

    private static EffectChain delays() {
        return EffectChain.builder(REGISTRY)
                .add("test_delay", Map.of("delay_samples", 37))
                .add("test_delay", Map.of("delay_samples", 1000, "gain_db", 0))
                .add("test_delay", Map.of("delay_samples", 4100))
                .build();
    }

    @Test
    void latencyIsTheSumOfTheEffectsLatencies() {
        EffectChain chain = delays();
        chain.prepare(new ProcessSpec(48000, 512, 2));
        assertEquals(37 + 1000 + 4100, chain.latencySamples());
        assertEquals(37 + 1000 + 4100, chain.tailSamples());
    }

    @Test
    void renderCompensatesLatencySoOutputLinesUpWithInput() {
        // Pure delays: after compensation the output must equal the input sample for sample.
        AudioBuffer in = noise(2, 10_000, 1);
        AudioBuffer out = delays().render(in);
        assertEquals(in.frames(), out.frames());
        assertEquals(in.channelCount(), out.channelCount());
        for (int c = 0; c < 2; c++) {
            assertArrayEquals(in.channel(c), out.channel(c));
        }
    }

    @Test
    void renderWithTailKeepsTheRingOut() {
        // An 8-sample-delay with a tail of 8: the last input samples must appear in the tail region.
        EffectChain chain = EffectChain.builder(REGISTRY).add("test_delay", Map.of("delay_samples", 8)).build();
        AudioBuffer in = noise(1, 100, 2);
        AudioBuffer out = chain.renderWithTail(in);
        assertEquals(108, out.frames());
        for (int i = 0; i < 100; i++) {
            assertEquals(in.channel(0)[i], out.channel(0)[i]);
        }
        for (int i = 100; i < 108; i++) {
            assertEquals(0f, out.channel(0)[i]);
        }
    }

    @Test
    void gainAndPolarityParametersReachTheAudio() {
        AudioBuffer in = noise(1, 3000, 3);
        AudioBuffer out = EffectChain.builder(REGISTRY)
                .add("test_delay", Map.of("delay_samples", 5, "gain_db", -6.0, "polarity", 1))
                .build().render(in);
        float g = (float) -Math.pow(10, -6.0 / 20);
        for (int i = 0; i < in.frames(); i++) {
            assertEquals(in.channel(0)[i] * g, out.channel(0)[i], 1e-7, "sample " + i);
        }
    }

    @Test
    void processingInAnyBlockSizeGivesTheSameBits() {
        AudioBuffer in = noise(2, 5000, 4);
        EffectChain chain = delays();
        float[][] reference = null;
        for (int blockSize : new int[] {4096, 1, 17, 512}) {
            AudioBuffer work = in.copy();
            chain.prepare(new ProcessSpec(48000, blockSize, 2));
            chain.reset();
            AudioBlock block = work.block(0, 0);
            for (int pos = 0; pos < work.frames(); pos += blockSize) {
                chain.process(block.moveTo(pos, Math.min(blockSize, work.frames() - pos)));
            }
            if (reference == null) {
                reference = work.planar();
            } else {
                assertArrayEquals(reference, work.planar(), "block size " + blockSize);
            }
        }
    }

    @Test
    void theBuilderChecksEachEffectWhenItIsAdded() {
        EffectChain.Builder builder = EffectChain.builder(REGISTRY);
        assertThrows(UnknownEffectException.class, () -> builder.add("no_such_effect", Map.of()));
        InvalidParameterException e = assertThrows(InvalidParameterException.class,
                () -> builder.add("test_delay", Map.of("gain_db", 99)));
        assertEquals("gain_db", e.parameterId());
        builder.add("test_delay");
        assertEquals(1, builder.build().effects().size());
        IllegalStateException twice = assertThrows(IllegalStateException.class, builder::build);
        assertTrue(twice.getMessage().contains("already built"), twice.getMessage());
    }

    @Test
    void specsDescribeEveryParameterWithChoicesByNameAndTogglesAsBooleans() {
        EffectChain chain = EffectChain.builder(REGISTRY)
                .add(EffectSpec.of("test_delay", Map.of("polarity", "inverted", "mute", true)))
                .build();
        EffectSpec spec = chain.specs().get(0);
        assertEquals("test_delay", spec.type());
        assertEquals(java.util.List.of("delay_samples", "gain_db", "polarity", "mute", "unused_hz"),
                java.util.List.copyOf(spec.params().keySet()));
        assertEquals("inverted", spec.params().get("polarity"));
        assertEquals(Boolean.TRUE, spec.params().get("mute"));
        assertEquals(1000.0, spec.params().get("unused_hz"));
    }
}
