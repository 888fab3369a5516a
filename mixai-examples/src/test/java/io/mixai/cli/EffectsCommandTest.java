package io.mixai.cli;

import static io.mixai.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mixai.param.ParameterDescriptor;
import io.mixai.spi.EffectProvider;
import io.mixai.spi.EffectRegistry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EffectsCommandTest {

    @Test
    void listsEveryDiscoveredEffectWithItsParameters() {
        CliRun r = run("effects");
        assertEquals(0, r.code(), r.err());
        for (EffectProvider p : EffectRegistry.discover().providers()) {
            assertTrue(r.out().contains(p.type() + " - " + p.description()), p.type() + " missing:\n" + r.out());
            for (ParameterDescriptor d : p.parameters()) {
                assertTrue(r.out().contains("  " + d.id() + " "), d.id() + " missing:\n" + r.out());
            }
        }
        assertTrue(r.out().contains("[-100.0, 40.0] dB"), r.out());
        assertTrue(r.out().contains("[1.0, 40.0] Hz (logarithmic)"), r.out());
    }

    @Test
    void jsonListsTypesParametersAndRangesMatchingTheDescriptors() throws Exception {
        CliRun r = run("effects", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode effects = new ObjectMapper().readTree(r.out());
        assertTrue(effects.isArray());
        EffectRegistry registry = EffectRegistry.discover();
        List<String> types = new ArrayList<>();
        effects.forEach(e -> types.add(e.get("type").asText()));
        assertEquals(registry.types(), types);
        for (JsonNode e : effects) {
            EffectProvider p = registry.provider(e.get("type").asText());
            JsonNode params = e.get("parameters");
            assertEquals(p.parameters().size(), params.size());
            for (int i = 0; i < params.size(); i++) {
                ParameterDescriptor d = p.parameters().get(i);
                JsonNode j = params.get(i);
                assertEquals(d.id(), j.get("id").asText());
                assertEquals(d.unit().symbol(), j.get("unit").asText());
                assertEquals(d.min(), j.get("min").asDouble());
                assertEquals(d.max(), j.get("max").asDouble());
                assertEquals(d.defaultValue(), j.get("default").asDouble());
                assertEquals(d.scale().name().toLowerCase(java.util.Locale.ROOT), j.get("scale").asText());
                assertEquals(!d.choices().isEmpty(), j.has("choices"));
            }
        }
        JsonNode gain = effects.get(types.indexOf("gain")).get("parameters").get(0);
        assertEquals("gain_db", gain.get("id").asText());
        assertEquals("dB", gain.get("unit").asText());
        assertEquals(-100.0, gain.get("min").asDouble());
        assertEquals(40.0, gain.get("max").asDouble());
        assertEquals(0.0, gain.get("default").asDouble());
        assertEquals("logarithmic",
                effects.get(types.indexOf("dc_blocker")).get("parameters").get(0).get("scale").asText());
    }

    @Test
    void anUnknownOptionIsAUsageError() {
        CliRun r = run("effects", "--yaml");
        assertEquals(MixaiCli.EXIT_USAGE, r.code());
        assertTrue(r.err().startsWith("mixai: Unknown option: '--yaml'"), r.err());
    }

    @Test
    void badSettingsAreBadInput() {
        assertEquals(MixaiCli.EXIT_BAD_INPUT, MixaiCli.exitCodeOf(new io.mixai.settings.SettingsException("$.x", "bad")));
    }
}
