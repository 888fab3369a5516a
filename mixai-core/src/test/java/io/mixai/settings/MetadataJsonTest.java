package io.mixai.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MetadataJsonTest {

    /** A metadata file copied unchanged from the dataset (data/raw/metadata). */
    static String corpusFile() throws IOException {
        return resource("pub01_rock_metadata.json");
    }

    static String resource(String name) throws IOException {
        try (InputStream in = MetadataJsonTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theDatasetFileParses() throws IOException {
        MixMetadata m = MetadataJson.read(corpusFile());
        assertEquals(List.of("vocals", "drums", "bass", "other"), List.copyOf(m.stems().keySet()));
        StemSettings vocals = m.stem("vocals");
        assertEquals(-2.0, vocals.inputGainDb());
        assertEquals(135.0, vocals.eq().lowCutHz());
        assertEquals(14500.0, vocals.eq().highCutHz());
        assertEquals(12.0, vocals.eq().slopeDbPerOct());
        assertEquals(new EqBand(EqBand.Type.LOW_SHELF, 180, -5.0, 0.707), vocals.eq().bands().get(0));
        assertEquals(new EqBand(EqBand.Type.BELL, 420, -2.0, 1.1), vocals.eq().bands().get(1));
        assertEquals(4, vocals.eq().bands().size());
        assertEquals(new CompressionSettings(-19.5, 5.5, 7.0, 165.0, 3.0, 4.5, null), vocals.compression());
        assertEquals(new ReverbSettings(true, 53.0, 47.0, 58.0, 95.0, 20.0, -6.5), vocals.reverb());
        assertEquals(-5.1, vocals.gainDb());
        assertEquals(0.0, vocals.pan());
        assertNull(vocals.widthPercent());
        assertNull(vocals.polarityInvert());
        assertEquals(ReverbSettings.disabled(), m.stem("bass").reverb());
        assertEquals(-0.2, m.stem("other").pan());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> m.stem("piano"));
        assertTrue(e.getMessage().contains("vocals, drums, bass, other"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"pub01_rock_metadata.json", "pub02_pop_ballad_metadata.json"})
    void theDatasetFilesRoundTripAsText(String name) throws IOException {
        String text = resource(name);
        assertEquals(text.strip(), MetadataJson.toJson(MetadataJson.read(text)).strip());
    }

    @Test
    void theExtensionsRoundTrip() {
        String json = """
                {
                  "lead": {
                    "polarity_invert": true,
                    "eq": {
                      "filter_slope_db_per_oct": 24
                    },
                    "compression": {
                      "threshold": -30.25,
                      "ratio": 2.0,
                      "detection": "rms"
                    },
                    "reverb": {
                      "enabled": true
                    },
                    "width_percent": 150,
                    "pan": 0.5
                  }
                }
                """;
        MixMetadata m = MetadataJson.read(json);
        assertEquals(Boolean.TRUE, m.stem("lead").polarityInvert());
        assertEquals(150.0, m.stem("lead").widthPercent());
        assertEquals("rms", m.stem("lead").compression().detection());
        assertEquals(json, MetadataJson.toJson(m));
    }

    private static SettingsException error(String json) {
        return assertThrows(SettingsException.class, () -> MetadataJson.read(json));
    }

    @Test
    void wrongTypesAreReportedWithTheirPath() {
        assertEquals("$.vocals.compression.ratio: expected a number, got \"four\"",
                error("{\"vocals\": {\"compression\": {\"threshold\": -20, \"ratio\": \"four\"}}}").getMessage());
        assertEquals("$.vocals.eq.bands[1].freq: expected a number, got null",
                error("{\"vocals\": {\"eq\": {\"bands\": [{\"type\": \"bell\", \"freq\": 100, \"gain_db\": 1, "
                        + "\"q\": 1}, {\"type\": \"bell\", \"freq\": null, \"gain_db\": 1, \"q\": 1}]}}}").getMessage());
        assertEquals("$.drums.reverb.enabled: expected true or false, got \"yes\"",
                error("{\"drums\": {\"reverb\": {\"enabled\": \"yes\"}}}").getMessage());
        assertEquals("$.drums: expected an object, got 3", error("{\"drums\": 3}").getMessage());
        assertEquals("$: expected an object of stems, got an array", error("[]").getMessage());
    }

    @Test
    void unknownKeysAreReportedWithTheirPath() {
        assertEquals("$.vocals.compression.treshold: unknown key; compression has: threshold, ratio, attack_ms, "
                + "release_ms, makeup_db, knee_db, detection",
                error("{\"vocals\": {\"compression\": {\"treshold\": -20, \"ratio\": 4}}}").getMessage());
        assertEquals("$.vocals.volume_db: unknown key; a stem has: polarity_invert, input_gain_db, eq, compression, "
                + "reverb, gain_db, width_percent, pan", error("{\"vocals\": {\"volume_db\": 1}}").getMessage());
        assertEquals("$[\"lead vox\"].eq.bands[0].width: unknown key; a band has: type, freq, gain_db, q",
                error("{\"lead vox\": {\"eq\": {\"bands\": [{\"width\": 1}]}}}").getMessage());
    }

    @Test
    void badValuesAreReportedWithTheirPath() {
        assertEquals("$.bass.eq.bands[0].type: unknown band type \"notch\"; expected bell, low_shelf or high_shelf",
                error("{\"bass\": {\"eq\": {\"bands\": [{\"type\": \"notch\", \"freq\": 1, \"gain_db\": 1, \"q\": 1}]}}}")
                        .getMessage());
        assertEquals("$.bass.pan: value 1.5 is outside the allowed range [-1.0, 1.0]",
                error("{\"bass\": {\"pan\": 1.5}}").getMessage());
        assertEquals("$.bass.compression.ratio: missing; compression needs it",
                error("{\"bass\": {\"compression\": {\"threshold\": -20}}}").getMessage());
        assertEquals("$.bass.eq.filter_slope_db_per_oct: expected one of [12, 24, 36, 48], got 18",
                error("{\"bass\": {\"eq\": {\"filter_slope_db_per_oct\": 18}}}").getMessage());
        assertEquals("$.bass.reverb.room_scale: set on a disabled reverb; remove it or set \"enabled\": true",
                error("{\"bass\": {\"reverb\": {\"enabled\": false, \"room_scale\": 40}}}").getMessage());
        assertEquals("$.bass.compression.detection: expected one of [peak, rms], got \"loud\"",
                error("{\"bass\": {\"compression\": {\"threshold\": -20, \"ratio\": 2, \"detection\": \"loud\"}}}")
                        .getMessage());
    }

    @Test
    void filesAreWrittenAndErrorsNameTheFile(@TempDir Path dir) throws IOException {
        MixMetadata m = MetadataJson.read(corpusFile());
        Path file = dir.resolve("song_metadata.json");
        MetadataJson.write(m, file);
        assertEquals(m, MetadataJson.read(file));
        Path bad = dir.resolve("bad_metadata.json");
        Files.writeString(bad, corpusFile().replace("\"ratio\": 5.5", "\"ratio\": \"5.5\""));
        SettingsException e = assertThrows(SettingsException.class, () -> MetadataJson.read(bad));
        assertEquals(bad + ": $.vocals.compression.ratio: expected a number, got \"5.5\"", e.getMessage());
        Path missing = dir.resolve("missing.json");
        SettingsException notThere = assertThrows(SettingsException.class, () -> MetadataJson.read(missing));
        assertTrue(notThere.getMessage().startsWith(missing + ": cannot read"), notThere.getMessage());
    }
}
