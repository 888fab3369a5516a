package io.mixai.dsp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mixai.audio.AudioBuffer;
import io.mixai.chain.EffectChain;
import io.mixai.settings.ChainJson;
import io.mixai.settings.MetadataJson;
import io.mixai.settings.StemSettings;
import org.junit.jupiter.api.Test;

/**
 * Metadata → chain → audio end to end, for the stages this module implements (polarity, gains,
 * width, pan), and the chain's JSON rebuilding bit-identical audio with real effects.
 */
class StemChainRenderTest {

    private static final String METADATA = """
            {
              "lead": {
                "polarity_invert": true,
                "input_gain_db": 6.0,
                "gain_db": -9.5,
                "width_percent": 50,
                "pan": -0.2
              }
            }
            """;

    @Test
    void theMetadataStagesApplyTheDocumentedGainsInOrder() {
        StemSettings lead = MetadataJson.read(METADATA).stem("lead");
        EffectChain chain = EffectChain.of(EffectTesting.REGISTRY, lead.toEffectSpecs());
        float[][] in = EffectTesting.noise(2, 2000, 9);
        AudioBuffer out = chain.render(AudioBuffer.wrap(in, 44100));
        double g = -Math.pow(10, (6.0 - 9.5) / 20); // inverted polarity, input gain then fader
        double gl = Math.sqrt(2) * Math.cos((-0.2 + 1) * Math.PI / 4);
        double gr = Math.sqrt(2) * Math.sin((-0.2 + 1) * Math.PI / 4);
        for (int i = 0; i < 2000; i++) {
            double mid = (in[0][i] + in[1][i]) / 2 * g;
            double side = (in[0][i] - in[1][i]) / 2 * g * 0.5;
            assertEquals((mid + side) * gl, out.channel(0)[i], 1e-6, "left " + i);
            assertEquals((mid - side) * gr, out.channel(1)[i], 1e-6, "right " + i);
        }
    }

    @Test
    void aChainOfRealEffectsRebuiltFromJsonRendersTheSameBits() {
        EffectChain chain = EffectChain.of(EffectTesting.REGISTRY, MetadataJson.read(METADATA).stem("lead")
                .toEffectSpecs());
        String json = ChainJson.toJson(chain);
        EffectChain rebuilt = ChainJson.read(json, EffectTesting.REGISTRY);
        assertEquals(json, ChainJson.toJson(rebuilt));
        AudioBuffer in = AudioBuffer.wrap(EffectTesting.noise(2, 5000, 10), 48000);
        assertArrayEquals(chain.render(in).planar(), rebuilt.render(in).planar());
    }
}
