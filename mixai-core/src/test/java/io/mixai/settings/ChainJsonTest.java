package io.mixai.settings;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixai.audio.AudioBuffer;
import io.mixai.chain.EffectChain;
import io.mixai.chain.EffectSpec;
import io.mixai.spi.EffectRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChainJsonTest {

    private static final EffectRegistry REGISTRY = EffectRegistry.discover();

    /** Values whose shortest decimal form is long, to catch any loss of precision. */
    private static EffectChain awkwardChain() {
        return EffectChain.builder(REGISTRY)
                .add("test_delay", Map.of("delay_samples", 3, "gain_db", 0.1 + 0.2, "polarity", 1))
                .add("test_delay", Map.of("gain_db", -20.000000000000004, "mute", 0,
                        "unused_hz", 1000 * Math.sqrt(2)))
                .add("test_delay", Map.of("gain_db", Math.nextUp(-1.0 / 3)))
                .build();
    }

    @Test
    void jsonToChainToJsonGivesTheSameText() {
        String json = ChainJson.toJson(awkwardChain());
        EffectChain rebuilt = ChainJson.read(json, REGISTRY);
        assertEquals(json, ChainJson.toJson(rebuilt));
        assertTrue(json.contains("\"polarity\": \"inverted\""), json);
        assertTrue(json.contains("\"mute\": false"), json);
        assertTrue(json.contains("\"mixai_chain\": 1"), json);
    }

    @Test
    void doublesComeBackWithTheSameBits() {
        EffectChain rebuilt = ChainJson.read(ChainJson.toJson(awkwardChain()), REGISTRY);
        assertEquals(Double.doubleToRawLongBits(0.1 + 0.2),
                Double.doubleToRawLongBits(rebuilt.effects().get(0).parameters().get("gain_db")));
        assertEquals(Double.doubleToRawLongBits(1000 * Math.sqrt(2)),
                Double.doubleToRawLongBits(rebuilt.effects().get(1).parameters().get("unused_hz")));
        assertEquals(Double.doubleToRawLongBits(Math.nextUp(-1.0 / 3)),
                Double.doubleToRawLongBits(rebuilt.effects().get(2).parameters().get("gain_db")));
    }

    @Test
    void aChainRebuiltFromJsonRendersBitIdenticalAudio() {
        Random random = new Random(5);
        float[][] planar = new float[2][6000];
        for (float[] ch : planar) {
            for (int i = 0; i < ch.length; i++) {
                ch[i] = (float) random.nextGaussian() * 0.2f;
            }
        }
        AudioBuffer in = AudioBuffer.wrap(planar, 44100);
        EffectChain original = awkwardChain();
        AudioBuffer a = original.render(in);
        AudioBuffer b = ChainJson.read(ChainJson.toJson(original), REGISTRY).render(in);
        assertArrayEquals(a.planar(), b.planar());
    }

    @Test
    void handWrittenJsonMayLeaveParametersAtTheirDefaults() {
        EffectChain chain = ChainJson.read("""
                {"mixai_chain": 1, "effects": [
                  {"type": "test_delay", "params": {"polarity": "inverted", "delay_samples": 4}},
                  {"type": "test_delay"}
                ]}""", REGISTRY);
        assertEquals(List.of("test_delay", "test_delay"), chain.specs().stream().map(EffectSpec::type).toList());
        assertEquals(1.0, chain.effects().get(0).parameters().get("polarity"));
        assertEquals(4.0, chain.effects().get(0).parameters().get("delay_samples"));
        assertEquals(0.0, chain.effects().get(1).parameters().get("gain_db"));
    }

    private static SettingsException readError(String json) {
        return assertThrows(SettingsException.class, () -> ChainJson.read(json, REGISTRY));
    }

    @Test
    void aValueOfTheWrongKindIsReportedWithItsPath() {
        SettingsException e = readError("""
                {"mixai_chain": 1, "effects": [{"type": "test_delay"},
                  {"type": "test_delay", "params": {"gain_db": "four"}}]}""");
        assertEquals("$.effects[1].params.gain_db: expected a number, got \"four\"", e.getMessage());
        assertEquals("$.effects[1].params.gain_db", e.jsonPath());
        e = readError("""
                {"mixai_chain": 1, "effects": [{"type": "test_delay", "params": {"polarity": 1}}]}""");
        assertEquals("$.effects[0].params.polarity: expected a choice name, one of [normal, inverted], got 1",
                e.getMessage());
        e = readError("""
                {"mixai_chain": 1, "effects": [{"type": "test_delay", "params": {"mute": "yes"}}]}""");
        assertEquals("$.effects[0].params.mute: expected true or false, got \"yes\"", e.getMessage());
        e = readError("""
                {"mixai_chain": 1, "effects": [{"type": "test_delay", "params": {"mute": null}}]}""");
        assertTrue(e.getMessage().startsWith("$.effects[0].params.mute: expected a number, a choice name or a boolean,"
                + " got null"), e.getMessage());
    }

    @Test
    void unknownKeysAreReportedWithTheirPathNeverIgnored() {
        SettingsException e = readError("""
                {"mixai_chain": 1, "effects": [{"type": "test_delay", "params": {"gain_bd": 1}}]}""");
        assertEquals("$.effects[0].params.gain_bd: unknown parameter; test_delay has: delay_samples, gain_db, "
                + "polarity, mute, unused_hz", e.getMessage());
        e = readError("""
                {"mixai_chain": 1, "effects": [{"type": "test_delay", "parms": {}}]}""");
        assertEquals("$.effects[0].parms: unknown key; an effect has: type, params", e.getMessage());
        e = readError("""
                {"mixai_chain": 1, "effects": [], "comment": "x"}""");
        assertEquals("$.comment: unknown key; a chain document has: mixai_chain, effects", e.getMessage());
        e = readError("""
                {"mixai_chain": 1, "effects": [{"type": "tset_delay"}]}""");
        assertTrue(e.getMessage().startsWith("$.effects[0].type: unknown effect type 'tset_delay'; known types: "),
                e.getMessage());
        assertTrue(e.getMessage().contains("test_delay"), e.getMessage());
    }

    @Test
    void outOfRangeValuesNameTheRange() {
        SettingsException e = readError("""
                {"mixai_chain": 1, "effects": [{"type": "test_delay", "params": {"gain_db": 40}}]}""");
        assertEquals("$.effects[0].params.gain_db", e.jsonPath());
        assertTrue(e.getMessage().contains("[-24.0, 24.0] dB"), e.getMessage());
    }

    @Test
    void malformedDocumentsAreReported() {
        assertTrue(readError("{\"mixai_chain\": 1, \"effects\": [").getMessage().contains("not valid JSON at line 1"));
        assertTrue(readError("{\"mixai_chain\": 1, \"effects\": []} []").getMessage().contains("not valid JSON"));
        assertEquals("$: the document is empty", readError("  ").getMessage());
        assertEquals("$.mixai_chain: unsupported format version 2; this mixai reads version 1",
                readError("{\"mixai_chain\": 2, \"effects\": []}").getMessage());
        assertEquals("$.mixai_chain: missing; a chain document needs it",
                readError("{\"effects\": []}").getMessage());
        assertEquals("$.effects: expected an array, got an object",
                readError("{\"mixai_chain\": 1, \"effects\": {}}").getMessage());
        assertTrue(readError("{\"mixai_chain\": 1, \"mixai_chain\": 1, \"effects\": []}").getMessage()
                .contains("Duplicate field"));
    }

    @Test
    void aBinaryOrMissingSettingsFileIsNamedWithItsProblem(@TempDir Path dir) throws Exception {
        Path binary = Files.write(dir.resolve("song.wav"), new byte[] {'R', 'I', 'F', 'F', (byte) 0xFF, (byte) 0xFE, 0, 1});
        SettingsException e = assertThrows(SettingsException.class, () -> ChainJson.read(binary, REGISTRY));
        assertTrue(e.getMessage().startsWith(binary.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("not a JSON text file"), e.getMessage());
        SettingsException missing = assertThrows(SettingsException.class,
                () -> ChainJson.read(dir.resolve("none.json"), REGISTRY));
        assertTrue(missing.getMessage().contains("no such file"), missing.getMessage());
    }

    @Test
    void filesAreWrittenAndErrorsNameTheFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("chain.json");
        EffectChain chain = awkwardChain();
        ChainJson.write(chain, file);
        assertEquals(ChainJson.toJson(chain), Files.readString(file));
        assertEquals(ChainJson.toJson(chain), ChainJson.toJson(ChainJson.read(file, REGISTRY)));
        try (var listing = Files.list(dir)) {
            assertEquals(1, listing.count(), "no temporary file left behind");
        }
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"mixai_chain\": 1, \"effects\": [{\"type\": \"test_delay\", \"params\": "
                + "{\"gain_db\": true}}]}");
        SettingsException e = assertThrows(SettingsException.class, () -> ChainJson.read(bad, REGISTRY));
        assertEquals(bad + ": $.effects[0].params.gain_db: expected a number, got true", e.getMessage());
        assertEquals(bad, e.file());
    }
}
