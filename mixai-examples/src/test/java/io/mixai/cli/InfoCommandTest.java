package io.mixai.cli;

import static io.mixai.cli.CliRun.run;
import static io.mixai.audio.wav.RiffBytes.FLOAT;
import static io.mixai.audio.wav.RiffBytes.PCM;
import static io.mixai.audio.wav.RiffBytes.fmt;
import static io.mixai.audio.wav.RiffBytes.fmtEx;
import static io.mixai.audio.wav.RiffBytes.fmtExtensible;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.mixai.audio.wav.RiffBytes;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code mixai info} through {@link MixaiCli#run}: JSON fields, text lines, exit codes and error lines. */
class InfoCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** A valid file and what info must report: rate, channels, frames, peak (linear) and format name. */
    record Valid(String name, byte[] bytes, String format, int rate, int channels, long frames, double peak) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Valid> validFiles() {
        return Stream.of(
                new Valid("pcm u8", RiffBytes.wave().chunk("fmt ", fmt(PCM, 1, 8000, 8))
                        .chunk("data", RiffBytes.u8(128, 192, 100)).bytes(), "PCM_U8", 8000, 1, 3, 0.5),
                new Valid("pcm 16 stereo", RiffBytes.wave().chunk("fmt ", fmt(PCM, 2, 44100, 16))
                        .chunk("data", RiffBytes.s16(0, 100, -16384, 5)).bytes(), "PCM_16", 44100, 2, 2, 0.5),
                new Valid("pcm 16, fmt 18", RiffBytes.wave().chunk("fmt ", fmtEx(PCM, 1, 22050, 16))
                        .chunk("data", RiffBytes.s16(-32768)).bytes(), "PCM_16", 22050, 1, 1, 1.0),
                new Valid("pcm 24", RiffBytes.wave().chunk("fmt ", fmt(PCM, 1, 48000, 24))
                        .chunk("data", RiffBytes.s24(1 << 21, -(1 << 20), 0, 7)).bytes(), "PCM_24", 48000, 1, 4, 0.25),
                new Valid("pcm 32", RiffBytes.wave().chunk("fmt ", fmt(PCM, 2, 96000, 32))
                        .chunk("data", RiffBytes.s32(1 << 29, -(1 << 27))).bytes(), "PCM_32", 96000, 2, 1, 0.25),
                new Valid("float 32 with fact", RiffBytes.wave().chunk("fmt ", fmtEx(FLOAT, 2, 44100, 32))
                        .chunk("fact", RiffBytes.le32(2)).chunk("data", RiffBytes.f32(0.1f, -2f, 0.3f, 0.4f)).bytes(),
                        "FLOAT_32", 44100, 2, 2, 2.0),
                new Valid("float 64", RiffBytes.wave().chunk("fmt ", fmtEx(FLOAT, 1, 48000, 64))
                        .chunk("fact", RiffBytes.le32(3)).chunk("data", RiffBytes.f64(0.125, -0.0625, 0)).bytes(),
                        "FLOAT_64", 48000, 1, 3, 0.125),
                new Valid("extensible pcm 24, 20 valid bits", RiffBytes.wave()
                        .chunk("fmt ", fmtExtensible(2, 48000, 24, 20, 0x3, PCM))
                        .chunk("data", RiffBytes.s24(1 << 22, 16, 32, 64)).bytes(), "PCM_24", 48000, 2, 2, 0.5),
                new Valid("extensible float, 6 channels", RiffBytes.wave()
                        .chunk("fmt ", fmtExtensible(6, 48000, 32, 32, 0x3F, FLOAT)).chunk("fact", RiffBytes.le32(1))
                        .chunk("data", RiffBytes.f32(0.1f, 0.2f, 0.3f, 0.4f, 0.5f, -0.6f)).bytes(),
                        "FLOAT_32", 48000, 6, 1, 0.6f),
                new Valid("odd unknown chunks", RiffBytes.wave().chunk("JUNK", new byte[3])
                        .chunk("fmt ", fmt(PCM, 1, 8000, 16)).chunk("LIST", new byte[5])
                        .chunk("data", RiffBytes.s16(8192, 1)).chunk("id3 ", new byte[1]).bytes(),
                        "PCM_16", 8000, 1, 2, 0.25),
                new Valid("RF64", RiffBytes.riff("RF64", "WAVE").chunk("ds64", java.nio.ByteBuffer.allocate(28)
                                .put(RiffBytes.le64(0)).put(RiffBytes.le64(4)).put(RiffBytes.le64(2)).array())
                        .chunk("fmt ", fmt(PCM, 1, 48000, 16)).chunk("data", 0xFFFFFFFFL, RiffBytes.s16(-8192, 0))
                        .bytes(), "PCM_16", 48000, 1, 2, 0.25));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validFiles")
    void jsonReportsEveryValidVariant(Valid v) throws IOException {
        Path file = Files.write(dir.resolve("in.wav"), v.bytes());
        CliRun run = run("info", "--json", file.toString());
        assertEquals(0, run.code(), run.err());
        assertEquals("", run.err());
        JsonNode o = JSON.readTree(run.out());
        assertTrue(o.isObject(), "one file: one object");
        assertEquals(file.toString(), o.get("file").asText());
        assertEquals(v.format(), o.get("format").asText());
        assertEquals(v.rate(), o.get("sample_rate").asInt());
        assertEquals(v.channels(), o.get("channels").asInt());
        assertEquals(v.frames(), o.get("frames").asLong());
        assertEquals(v.frames() / (double) v.rate(), o.get("duration_s").asDouble(), 1e-12);
        assertEquals(20 * Math.log10(v.peak()), o.get("sample_peak_dbfs").asDouble(), 1e-6);
    }

    /** Bad files; the message must name the file and contain the fragment. */
    static Stream<String[]> invalidFiles() {
        byte[] data = RiffBytes.s16(1, 2);
        return Stream.of(
                new String[] {"empty", "", "empty file"},
                new String[] {"not riff", latin1(RiffBytes.riff("OggS", "WAVE").chunk("fmt ", fmt(PCM, 1, 8000, 16))
                        .bytes()), "not a RIFF file"},
                new String[] {"no data", latin1(RiffBytes.wave().chunk("fmt ", fmt(PCM, 1, 8000, 16)).bytes()),
                        "missing data chunk"},
                new String[] {"no fmt", latin1(RiffBytes.wave().chunk("data", data).bytes()), "missing fmt chunk"},
                new String[] {"zero channels", latin1(file(fmt(PCM, 0, 8000, 16000, 2, 16), data)), "zero channels"},
                new String[] {"zero rate", latin1(file(fmt(PCM, 1, 0, 0, 2, 16), data)), "zero sample rate"},
                new String[] {"odd bits", latin1(file(fmt(PCM, 1, 8000, 16000, 2, 12), data)), "odd bit depth 12"},
                new String[] {"block align", latin1(file(fmt(PCM, 1, 8000, 24000, 3, 16), data)),
                        "inconsistent block align"},
                new String[] {"mp3", latin1(file(fmt(0x55, 2, 44100, 16000, 1, 0), data)), "0x0055"},
                new String[] {"adpcm", latin1(file(fmt(0x11, 1, 44100, 22000, 1024, 4), data)), "0x0011"},
                new String[] {"zero frames", latin1(file(fmt(PCM, 1, 8000, 16), new byte[0])), "no audio frames"});
    }

    private static byte[] file(byte[] fmtBody, byte[] data) {
        return RiffBytes.wave().chunk("fmt ", fmtBody).chunk("data", data).bytes();
    }

    private static String latin1(byte[] b) {
        return new String(b, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidFiles")
    void invalidFileExitsThreeWithOneLineNamingIt(String name, String bytes, String problem) throws IOException {
        Path file = Files.write(dir.resolve(name.replace(' ', '_') + ".wav"),
                bytes.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        for (String[] args : new String[][] {{"info", file.toString()}, {"info", "--json", file.toString()}}) {
            CliRun run = run(args);
            assertEquals(MixaiCli.EXIT_BAD_INPUT, run.code());
            assertEquals("", run.out());
            assertEquals(1, run.err().lines().count(), run.err());
            assertTrue(run.err().contains(file.toString()) && run.err().contains(problem), run.err());
        }
    }

    @Test
    void missingFileExitsThree() {
        CliRun run = run("info", dir.resolve("absent.wav").toString());
        assertEquals(MixaiCli.EXIT_BAD_INPUT, run.code());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().contains("absent.wav: no such file"), run.err());
    }

    @Test
    void severalFilesGiveAnArrayOfTheGoodOnesAndExitThreeIfAnyIsBad() throws IOException {
        Path a = Files.write(dir.resolve("a.wav"), RiffBytes.wave().chunk("fmt ", fmt(PCM, 1, 8000, 16))
                .chunk("data", RiffBytes.s16(0, 0, 0)).bytes());
        Path bad = Files.write(dir.resolve("bad.wav"), new byte[] {1, 2, 3});
        Path b = Files.write(dir.resolve("b.wav"), RiffBytes.wave().chunk("fmt ", fmt(PCM, 2, 16000, 16))
                .chunk("data", RiffBytes.s16(16384, 0)).bytes());

        CliRun good = run("info", "--json", a.toString(), b.toString());
        assertEquals(0, good.code());
        JsonNode array = JSON.readTree(good.out());
        assertTrue(array.isArray());
        assertEquals(2, array.size());
        assertTrue(array.get(0).get("sample_peak_dbfs").isNull(), "digital silence has no peak in dB");
        assertEquals(16000, array.get(1).get("sample_rate").asInt());

        CliRun mixed = run("info", "--json", a.toString(), bad.toString(), b.toString());
        assertEquals(MixaiCli.EXIT_BAD_INPUT, mixed.code());
        JsonNode partial = JSON.readTree(mixed.out());
        assertEquals(2, partial.size());
        assertEquals(a.toString(), partial.get(0).get("file").asText());
        assertEquals(b.toString(), partial.get(1).get("file").asText());
        assertEquals(1, mixed.err().lines().count(), mixed.err());
        assertTrue(mixed.err().contains("bad.wav"), mixed.err());
    }

    @Test
    void textOutputIsOneLinePerFile() throws IOException {
        Path a = Files.write(dir.resolve("a.wav"), RiffBytes.wave().chunk("fmt ", fmt(PCM, 2, 44100, 16))
                .chunk("data", RiffBytes.s16(16384, -8192, 0, 0)).bytes());
        Path silent = Files.write(dir.resolve("s.wav"), RiffBytes.wave().chunk("fmt ", fmtEx(FLOAT, 1, 48000, 32))
                .chunk("data", RiffBytes.f32(0f, 0f)).bytes());
        CliRun run = run("info", a.toString(), silent.toString());
        assertEquals(0, run.code(), run.err());
        String[] lines = run.out().split("\\R");
        assertEquals(2, lines.length, run.out());
        assertTrue(lines[0].startsWith(a + ": PCM_16, 44100 Hz, 2 ch, 2 frames"), lines[0]);
        assertTrue(lines[0].contains("sample peak -6.02 dBFS"), lines[0]);
        assertTrue(lines[1].contains("FLOAT_32, 48000 Hz, 1 ch") && lines[1].contains("digital silence"), lines[1]);
    }

    @Test
    void usageErrorsExitTwo() {
        assertEquals(MixaiCli.EXIT_USAGE, run("info").code());
        assertEquals(MixaiCli.EXIT_USAGE, run("info", "--bogus", "x.wav").code());
    }
}
