package io.mixai.cli;

import static io.mixai.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mixai.audio.AudioBuffer;
import io.mixai.audio.AudioFile;
import io.mixai.audio.SampleFormat;
import io.mixai.audio.wav.WavWriteOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoudnessCommandTest {

    private static final int SR = 48000;

    @TempDir
    Path dir;

    /** A 1 kHz sine of the given peak level in dBFS in each of the first {@code active} channels. */
    private Path sine(String name, int channels, int active, double seconds, double dbfs, long channelMask)
            throws IOException {
        int frames = (int) Math.round(seconds * SR);
        float[][] planar = new float[channels][frames];
        double amplitude = Math.pow(10, dbfs / 20);
        for (int c = 0; c < active; c++) {
            for (int i = 0; i < frames; i++) {
                planar[c][i] = (float) (amplitude * Math.sin(2 * Math.PI * 1000.0 * i / SR));
            }
        }
        Path file = dir.resolve(name);
        WavWriteOptions options = WavWriteOptions.builder().channelMask(channelMask).build();
        AudioFile.write(AudioBuffer.wrap(planar, SR), file, SampleFormat.FLOAT_32, options);
        return file;
    }

    private static JsonNode json(CliRun r) throws IOException {
        return new ObjectMapper().readTree(r.out());
    }

    @Test
    void ebuTech3341Case1ReadsMinus23Lufs() throws IOException {
        // Tech 3341 case 1: stereo 1 kHz sine at -23 dBFS: integrated -23.0 +/- 0.1 LUFS.
        Path file = sine("case1.wav", 2, 2, 10, -23, 0);
        CliRun r = run("loudness", "--json", file.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode result = json(r).get(0);
        assertEquals(file.toString(), result.get("file").asText());
        assertEquals(-23.0, result.get("integrated_lufs").asDouble(), 0.1);
        assertEquals(-23.0, result.get("momentary_max_lufs").asDouble(), 0.1);
        assertEquals(-23.0, result.get("short_term_max_lufs").asDouble(), 0.1);
        assertEquals(0.0, result.get("loudness_range_lu").asDouble(), 0.1);
        assertEquals(-23.0, result.get("sample_peak_dbfs").asDouble(), 0.01);
        assertEquals(-23.0, result.get("true_peak_dbtp").asDouble(), 0.1);
    }

    @Test
    void theLfeChannelNamedByTheMaskIsNotCounted() throws IOException {
        // 5.1 (mask 0x3F): the same sine in L and R, a loud one in the LFE only.
        Path file = sine("surround.wav", 6, 2, 5, -23, 0x3F);
        AudioBuffer audio = AudioFile.read(file);
        for (int i = 0; i < audio.frames(); i++) {
            audio.channel(3)[i] = audio.channel(0)[i] * 10;
        }
        Path withLfe = dir.resolve("with-lfe.wav");
        AudioFile.write(audio, withLfe, SampleFormat.FLOAT_32, WavWriteOptions.builder().channelMask(0x3F).build());
        CliRun r = run("loudness", "--json", file.toString(), withLfe.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode results = json(r);
        assertEquals(2, results.size());
        assertEquals(results.get(0).get("integrated_lufs").asDouble(), results.get(1).get("integrated_lufs").asDouble(),
                1e-9);
        assertEquals(-23.0, results.get(0).get("integrated_lufs").asDouble(), 0.1);
    }

    @Test
    void silenceAndTooShortFilesGiveNullsNotCrashes() throws IOException {
        Path silence = sine("silence.wav", 2, 0, 4, -23, 0);
        Path tiny = sine("tiny.wav", 1, 1, 0.1, -6, 0);
        CliRun r = run("loudness", "--json", silence.toString(), tiny.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode results = json(r);
        assertTrue(results.get(0).get("integrated_lufs").isNull());
        assertTrue(results.get(0).get("true_peak_dbtp").isNull());
        assertTrue(results.get(0).get("sample_peak_dbfs").isNull());
        assertTrue(results.get(1).get("integrated_lufs").isNull(), "100 ms cannot be gated");
        assertTrue(results.get(1).get("short_term_max_lufs").isNull());
        assertEquals(-6.0, results.get(1).get("sample_peak_dbfs").asDouble(), 0.01);
    }

    @Test
    void aBadFileIsOneLineAndExit3WhileTheOthersAreStillMeasured() throws IOException {
        Path good = sine("good.wav", 1, 1, 1, -20, 0);
        Path bad = Files.write(dir.resolve("bad.wav"), new byte[] {'R', 'I', 'F', 'F', 1, 2});
        CliRun r = run("loudness", "--json", bad.toString(), good.toString());
        assertEquals(MixaiCli.EXIT_BAD_INPUT, r.code());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("bad.wav"), r.err());
        assertEquals(1, json(r).size());
        assertEquals(good.toString(), json(r).get(0).get("file").asText());

        CliRun text = run("loudness", good.toString());
        assertEquals(0, text.code(), text.err());
        assertTrue(text.out().contains("sample peak -20.00 dBFS"), text.out());
        assertEquals(MixaiCli.EXIT_USAGE, run("loudness").code(), "no FILE is a usage error");
    }
}
