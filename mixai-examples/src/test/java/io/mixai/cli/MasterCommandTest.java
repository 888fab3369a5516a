package io.mixai.cli;

import static io.mixai.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mixai.audio.AudioBuffer;
import io.mixai.audio.AudioFile;
import io.mixai.audio.SampleFormat;
import io.mixai.dsp.analysis.LoudnessMeter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mixai master} and {@code mixai render-chain}: outputs, bit-identical re-render, exit codes. */
class MasterCommandTest {

    private static final int SR = 44100;

    @TempDir
    Path dir;

    /** Four seconds of stereo: a decaying 60 Hz beat, a chord and some noise, about -22 LUFS. */
    private Path music(String name) throws IOException {
        return music(name, 1.0);
    }

    /** {@link #music(String)} scaled by {@code gain}. */
    private Path music(String name, double gain) throws IOException {
        int n = 4 * SR;
        float[][] x = new float[2][n];
        Random random = new Random(11);
        for (int i = 0; i < n; i++) {
            double t = i / (double) SR;
            double beat = t % 0.5;
            double kick = 0.2 * Math.sin(2 * Math.PI * 60 * beat) * Math.exp(-beat * 15);
            double chord = 0.03 * (Math.sin(2 * Math.PI * 261.6 * t) + Math.sin(2 * Math.PI * 392 * t));
            double noise = 0.01 * random.nextGaussian();
            x[0][i] = (float) (gain * (kick + chord + noise));
            x[1][i] = (float) (gain * (kick + 0.8 * chord - noise));
        }
        Path file = dir.resolve(name);
        AudioFile.write(AudioBuffer.wrap(x, SR), file, SampleFormat.PCM_24);
        return file;
    }

    @Test
    void mastersWritesReportAndSettingsAndRenderChainReproducesTheFileBitForBit() throws IOException {
        Path in = music("in.wav");
        Path out = dir.resolve("out.wav");
        Path settings = dir.resolve("settings.json");
        Path report = dir.resolve("report");
        CliRun r = run("master", in.toString(), out.toString(), "--preset", "apple_music", "--bits", "16",
                "--report", report.toString(), "--settings-out", settings.toString());
        assertEquals(0, r.code(), r.err());
        AudioBuffer mastered = AudioFile.read(out);
        assertEquals(SR, mastered.sampleRate());
        assertEquals(-16, LoudnessMeter.measure(mastered).integratedLufs().orElseThrow(), 0.5);

        Path again = dir.resolve("again.wav");
        CliRun rc = run("render-chain", in.toString(), settings.toString(), again.toString(), "--bits", "16");
        assertEquals(0, rc.code(), rc.err());
        assertArrayEquals(Files.readAllBytes(out), Files.readAllBytes(again), "render-chain must reproduce the master");

        JsonNode json = new ObjectMapper().readTree(report.resolve("report.json").toFile());
        assertEquals("apple_music", json.get("target").get("name").asText());
        String html = Files.readString(report.resolve("report.html"));
        assertTrue(html.contains("<svg") && html.contains("Limiter gain reduction"));
        assertFalse(html.contains("<script") || html.contains("https://"));
        assertTrue(Files.isRegularFile(report.resolve("settings.json")));
    }

    @Test
    void referenceModeFromTheCommandLine() throws IOException {
        Path in = music("track.wav");
        // The reference is 6 dB quieter than the track, so matching its loudness is a real change.
        Path ref = music("ref.wav", 0.5);
        Path out = dir.resolve("m.wav");
        CliRun r = run("master", in.toString(), out.toString(), "--reference", ref.toString(),
                "--match", "tonal=50,loudness=100,width=0,dynamics=0", "--bits", "32f");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("tonal distance"), r.out());
        double refLufs = LoudnessMeter.measure(AudioFile.read(ref)).integratedLufs().orElseThrow();
        double inLufs = LoudnessMeter.measure(AudioFile.read(in)).integratedLufs().orElseThrow();
        assertEquals(refLufs + 20 * Math.log10(2), inLufs, 0.05, "the track starts 6 dB above the reference");
        assertEquals(refLufs, LoudnessMeter.measure(AudioFile.read(out)).integratedLufs().orElseThrow(), 0.5);
    }

    @Test
    void exitCodes() throws IOException {
        Path in = music("x.wav");
        Path out = dir.resolve("y.wav");
        assertEquals(3, run("master", dir.resolve("missing.wav").toString(), out.toString()).code());
        assertEquals(2, run("master", in.toString(), out.toString(), "--bits", "12").code());
        assertEquals(2, run("master", in.toString(), out.toString(), "--preset", "nonesuch").code());
        assertEquals(2, run("master", in.toString(), out.toString(), "--preset", "streaming", "--target-lufs", "-10")
                .code());
        assertEquals(2, run("master", in.toString(), out.toString(), "--ceiling-dbtp", "1").code());
        assertEquals(2, run("master", in.toString(), out.toString(), "--match", "tonal=150").code());
        assertEquals(2, run("master", in.toString()).code());
        byte[] before = Files.readAllBytes(in);
        assertEquals(3, run("master", in.toString(), in.toString()).code(), "must refuse to overwrite its input");
        assertArrayEquals(before, Files.readAllBytes(in));
        assertFalse(Files.exists(out), "no output after failures");

        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"mixai_chain\": 1, \"effects\": [{\"type\": \"nonesuch\"}]}");
        assertEquals(3, run("render-chain", in.toString(), bad.toString(), out.toString()).code());
        assertEquals(3, run("render-chain", dir.resolve("missing.wav").toString(), bad.toString(), out.toString())
                .code());
        assertFalse(Files.exists(out));
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().startsWith(".")), "no temporary files left");
        }
    }
}
