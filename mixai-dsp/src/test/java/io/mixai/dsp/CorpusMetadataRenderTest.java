package io.mixai.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixai.audio.AudioBuffer;
import io.mixai.chain.EffectChain;
import io.mixai.chain.EffectSpec;
import io.mixai.settings.MetadataJson;
import io.mixai.settings.MixMetadata;
import io.mixai.settings.StemSettings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The dataset's real metadata files (copies of the corpus's) become chains of the effects this
 * module provides (EQ, compressor, reverb, gain, pan), which render every stem: output as long
 * as the input, finite, never silent, and the chain lines its latency up with the input.
 */
class CorpusMetadataRenderTest {

    @ParameterizedTest
    @ValueSource(strings = {"pub01_rock_metadata.json", "pub02_pop_ballad_metadata.json"})
    void everyStemOfTheCorpusMetadataRendersThroughRealEffects(String resource) throws IOException {
        MixMetadata metadata;
        try (InputStream in = getClass().getResourceAsStream(resource)) {
            metadata = MetadataJson.read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        assertEquals(4, metadata.stems().size());
        for (Map.Entry<String, StemSettings> stem : metadata.stems().entrySet()) {
            List<EffectSpec> specs = stem.getValue().toEffectSpecs();
            assertTrue(specs.stream().anyMatch(s -> s.type().equals("eq")), stem.getKey() + " has an EQ");
            assertTrue(specs.stream().anyMatch(s -> s.type().equals("compressor")), stem.getKey() + " has a compressor");
            EffectChain chain = EffectChain.of(EffectTesting.REGISTRY, specs);
            float[][] noise = EffectTesting.noise(2, 44100, stem.getKey().hashCode());
            AudioBuffer out = chain.render(AudioBuffer.wrap(noise, 44100));
            assertEquals(44100, out.frames());
            double energy = 0;
            for (int c = 0; c < 2; c++) {
                for (float v : out.channel(c)) {
                    assertTrue(Float.isFinite(v), stem.getKey() + ": non-finite output");
                    energy += v * v;
                }
            }
            assertTrue(energy > 1e-3, stem.getKey() + ": silent output");
        }
    }
}
