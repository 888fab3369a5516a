package io.mixai.audio.wav;

import static io.mixai.audio.wav.RiffBytes.EXTENSIBLE;
import static io.mixai.audio.wav.RiffBytes.FLOAT;
import static io.mixai.audio.wav.RiffBytes.PCM;
import static io.mixai.audio.wav.RiffBytes.concat;
import static io.mixai.audio.wav.RiffBytes.f32;
import static io.mixai.audio.wav.RiffBytes.f64;
import static io.mixai.audio.wav.RiffBytes.fmt;
import static io.mixai.audio.wav.RiffBytes.fmtEx;
import static io.mixai.audio.wav.RiffBytes.fmtExtensible;
import static io.mixai.audio.wav.RiffBytes.le64;
import static io.mixai.audio.wav.RiffBytes.s16;
import static io.mixai.audio.wav.RiffBytes.s24;
import static io.mixai.audio.wav.RiffBytes.s32;
import static io.mixai.audio.wav.RiffBytes.u8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixai.audio.AudioBlock;
import io.mixai.audio.AudioBuffer;
import io.mixai.audio.AudioFile;
import io.mixai.audio.AudioFileException;
import io.mixai.audio.SampleFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Reading hand-built WAV files: every header variant, the sample values, and every kind of bad file. */
class WavReaderTest {

    @TempDir
    Path dir;

    /**
     * A valid file variant: its bytes and what must be read from them (rate, channels, frames,
     * interleaved expected samples, format details).
     */
    record Valid(String name, byte[] bytes, SampleFormat format, int rate, int channels, float[] interleaved,
            int validBits, long mask, boolean extensible) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Valid> validFiles() {
        return Stream.of(
                new Valid("pcm u8 mono, fmt 16",
                        RiffBytes.wave().chunk("fmt ", fmt(PCM, 1, 8000, 8)).chunk("data", u8(0, 128, 255, 64)).bytes(),
                        SampleFormat.PCM_U8, 8000, 1, new float[] {-1f, 0f, 127 / 128f, -0.5f}, 8, 0, false),
                new Valid("pcm 16 stereo, fmt 16",
                        RiffBytes.wave().chunk("fmt ", fmt(PCM, 2, 44100, 16))
                                .chunk("data", s16(0, -32768, 32767, 16384, -1, 1)).bytes(),
                        SampleFormat.PCM_16, 44100, 2,
                        new float[] {0f, -1f, 32767 / 32768f, 0.5f, -1 / 32768f, 1 / 32768f}, 16, 0, false),
                new Valid("pcm 16 mono, fmt 18 (WAVEFORMATEX)",
                        RiffBytes.wave().chunk("fmt ", fmtEx(PCM, 1, 22050, 16)).chunk("data", s16(100, -100)).bytes(),
                        SampleFormat.PCM_16, 22050, 1, new float[] {100 / 32768f, -100 / 32768f}, 16, 0, false),
                new Valid("pcm 24 mono",
                        RiffBytes.wave().chunk("fmt ", fmt(PCM, 1, 48000, 24))
                                .chunk("data", s24(-8388608, 8388607, 1, -4194304)).bytes(),
                        SampleFormat.PCM_24, 48000, 1,
                        new float[] {-1f, 8388607 / 8388608f, 1 / 8388608f, -0.5f}, 24, 0, false),
                new Valid("pcm 32 stereo",
                        RiffBytes.wave().chunk("fmt ", fmt(PCM, 2, 96000, 32))
                                .chunk("data", s32(Integer.MIN_VALUE, 1 << 30, -(1 << 29), 256)).bytes(),
                        SampleFormat.PCM_32, 96000, 2, new float[] {-1f, 0.5f, -0.25f, 0x1p-23f}, 32, 0, false),
                new Valid("float 32 stereo, fmt 18 + fact",
                        RiffBytes.wave().chunk("fmt ", fmtEx(FLOAT, 2, 44100, 32)).chunk("fact", RiffBytes.le32(2))
                                .chunk("data", f32(0.25f, -1.5f, 1e-30f, 2f)).bytes(),
                        SampleFormat.FLOAT_32, 44100, 2, new float[] {0.25f, -1.5f, 1e-30f, 2f}, 32, 0, false),
                new Valid("float 32 mono, fmt 16 without fact",
                        RiffBytes.wave().chunk("fmt ", fmt(FLOAT, 1, 32000, 32)).chunk("data", f32(0.125f)).bytes(),
                        SampleFormat.FLOAT_32, 32000, 1, new float[] {0.125f}, 32, 0, false),
                new Valid("float 64 mono",
                        RiffBytes.wave().chunk("fmt ", fmtEx(FLOAT, 1, 48000, 64)).chunk("fact", RiffBytes.le32(3))
                                .chunk("data", f64(0.1, -0.75, 1.0 / 3)).bytes(),
                        SampleFormat.FLOAT_64, 48000, 1, new float[] {0.1f, -0.75f, (float) (1.0 / 3)}, 64, 0, false),
                new Valid("extensible pcm 24 stereo, 20 valid bits, mask 0x3",
                        RiffBytes.wave().chunk("fmt ", fmtExtensible(2, 48000, 24, 20, 0x3, PCM))
                                .chunk("data", s24(16, -16, 1 << 22, -(1 << 23))).bytes(),
                        SampleFormat.PCM_24, 48000, 2, new float[] {16 / 8388608f, -16 / 8388608f, 0.5f, -1f},
                        20, 0x3, true),
                new Valid("extensible float 32, 6 channels, mask 0x3F",
                        RiffBytes.wave().chunk("fmt ", fmtExtensible(6, 48000, 32, 32, 0x3F, FLOAT))
                                .chunk("fact", RiffBytes.le32(1)).chunk("data", f32(0.1f, 0.2f, 0.3f, 0.4f, 0.5f, 0.6f))
                                .bytes(),
                        SampleFormat.FLOAT_32, 48000, 6, new float[] {0.1f, 0.2f, 0.3f, 0.4f, 0.5f, 0.6f}, 32, 0x3F, true),
                new Valid("extensible pcm 16 mono, valid bits 0 (taken as 16)",
                        RiffBytes.wave().chunk("fmt ", fmtExtensible(1, 8000, 16, 0, 0x4, PCM))
                                .chunk("data", s16(-2, 2)).bytes(),
                        SampleFormat.PCM_16, 8000, 1, new float[] {-2 / 32768f, 2 / 32768f}, 16, 0x4, true),
                new Valid("extensible pcm 8",
                        RiffBytes.wave().chunk("fmt ", fmtExtensible(1, 8000, 8, 8, 0, PCM)).chunk("data", u8(0, 255))
                                .bytes(),
                        SampleFormat.PCM_U8, 8000, 1, new float[] {-1f, 127 / 128f}, 8, 0, true),
                new Valid("unknown chunks with odd sizes before, between and after",
                        RiffBytes.wave().chunk("JUNK", new byte[7]).chunk("fmt ", fmt(PCM, 1, 8000, 16))
                                .chunk("LIST", "INFOISFT\u0003\0\0\0ab\0".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1))
                                .chunk("bext", new byte[1]).chunk("data", s16(7, -7, 700)).chunk("id3 ", new byte[3])
                                .bytes(),
                        SampleFormat.PCM_16, 8000, 1, new float[] {7 / 32768f, -7 / 32768f, 700 / 32768f}, 16, 0, false),
                new Valid("odd-sized data chunk (padded) followed by a chunk",
                        RiffBytes.wave().chunk("fmt ", fmt(PCM, 1, 11025, 8)).chunk("data", u8(1, 2, 3))
                                .chunk("LIST", new byte[4]).bytes(),
                        SampleFormat.PCM_U8, 11025, 1, new float[] {-127 / 128f, -126 / 128f, -125 / 128f}, 8, 0, false),
                new Valid("data chunk before fmt chunk",
                        RiffBytes.wave().chunk("data", s16(1000, 2000)).chunk("fmt ", fmt(PCM, 2, 44100, 16)).bytes(),
                        SampleFormat.PCM_16, 44100, 2, new float[] {1000 / 32768f, 2000 / 32768f}, 16, 0, false),
                new Valid("RF64 with ds64 and a -1 data size",
                        RiffBytes.riff("RF64", "WAVE").riffSize(0xFFFFFFFFL)
                                .chunk("ds64", concat(le64(0), le64(8), le64(2), new byte[4]))
                                .chunk("fmt ", fmt(PCM, 1, 48000, 32)).chunk("data", 0xFFFFFFFFL, s32(1 << 30, -(1 << 30)))
                                .riffSize(0xFFFFFFFFL).bytes(),
                        SampleFormat.PCM_32, 48000, 1, new float[] {0.5f, -0.5f}, 32, 0, false),
                new Valid("BW64 with ds64",
                        RiffBytes.riff("BW64", "WAVE")
                                .chunk("ds64", concat(le64(0), le64(4), le64(2), new byte[4]))
                                .chunk("fmt ", fmt(PCM, 2, 48000, 8)).chunk("data", 0xFFFFFFFFL, u8(0, 255, 128, 192))
                                .riffSize(0xFFFFFFFFL).bytes(),
                        SampleFormat.PCM_U8, 48000, 2, new float[] {-1f, 127 / 128f, 0f, 0.5f}, 8, 0, false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validFiles")
    void readsEveryValidVariant(Valid v) throws IOException {
        Path file = write("valid.wav", v.bytes());
        int frames = v.interleaved().length / v.channels();
        try (WavReader in = WavReader.open(file)) {
            assertEquals(v.rate(), in.sampleRate());
            assertEquals(v.channels(), in.channelCount());
            assertEquals(frames, in.frames());
            WavFormat f = in.format();
            assertEquals(v.format(), f.sampleFormat());
            assertEquals(v.validBits(), f.validBitsPerSample());
            assertEquals(v.mask(), f.channelMask());
            assertEquals(v.extensible(), f.extensible());
            float[][] planar = new float[v.channels()][frames + 3];
            assertEquals(frames, in.read(planar, 2, frames + 1));
            assertEquals(0, in.read(planar, 0, 1), "end of data");
            for (int i = 0; i < v.interleaved().length; i++) {
                assertEquals(v.interleaved()[i], planar[i % v.channels()][2 + i / v.channels()], 0f,
                        "sample " + i);
            }
        }
        AudioBuffer whole = AudioFile.read(file);
        assertEquals(frames, whole.frames());
        assertEquals(v.rate(), whole.sampleRate());
        assertEquals(v.interleaved()[0], whole.channel(0)[0], 0f);
    }

    /** A bad file: its bytes and a fragment the message must contain. */
    record Invalid(String name, byte[] bytes, String problem) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Invalid> invalidFiles() {
        byte[] pcm16 = fmt(PCM, 2, 44100, 16);
        byte[] data = s16(1, 2, 3, 4);
        return Stream.of(
                new Invalid("empty file", new byte[0], "empty file"),
                new Invalid("truncated RIFF header", "RIFF\0\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                        "too short for a RIFF header"),
                new Invalid("not RIFF (Ogg)", RiffBytes.riff("OggS", "WAVE").chunk("fmt ", pcm16).bytes(),
                        "not a RIFF file (starts with 'OggS'"),
                new Invalid("RIFX big-endian", RiffBytes.riff("RIFX", "WAVE").chunk("fmt ", pcm16).bytes(),
                        "not a RIFF file"),
                new Invalid("RIFF but not WAVE", RiffBytes.riff("RIFF", "AVI ").chunk("fmt ", pcm16).bytes(),
                        "not a WAVE file (RIFF form type 'AVI '"),
                new Invalid("missing fmt", RiffBytes.wave().chunk("data", data).bytes(), "missing fmt chunk"),
                new Invalid("missing data", RiffBytes.wave().chunk("fmt ", pcm16).chunk("LIST", new byte[4]).bytes(),
                        "missing data chunk"),
                new Invalid("header only, no chunks", RiffBytes.wave().bytes(), "missing fmt chunk"),
                new Invalid("truncated fmt chunk", RiffBytes.wave().raw("fmt ".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                        .raw(RiffBytes.le32(16)).raw(new byte[6]).bytes(), "truncated"),
                new Invalid("fmt chunk of 14 bytes", RiffBytes.wave().chunk("fmt ", java.util.Arrays.copyOf(pcm16, 14))
                        .chunk("data", data).bytes(), "fmt chunk too short (14 bytes"),
                new Invalid("zero channels", file(fmt(PCM, 0, 44100, 0, 0, 16), data), "zero channels"),
                new Invalid("absurd channel count", file(fmt(PCM, 300, 44100, 44100L * 600, 600, 16), data),
                        "absurd channel count 300"),
                new Invalid("zero sample rate", file(fmt(PCM, 2, 0, 0, 4, 16), data), "zero sample rate"),
                new Invalid("zero bit depth", file(fmt(PCM, 2, 44100, 0, 0, 0), data), "zero bits per sample"),
                new Invalid("odd bit depth 12", file(fmt(PCM, 1, 44100, 88200, 2, 12), data), "odd bit depth 12"),
                new Invalid("PCM of 40 bits", file(fmt(PCM, 1, 44100, 44100 * 5, 5, 40), data),
                        "unsupported PCM bit depth 40"),
                new Invalid("float of 16 bits", file(fmt(FLOAT, 1, 44100, 88200, 2, 16), data),
                        "unsupported float bit depth 16"),
                new Invalid("inconsistent block align", file(fmt(PCM, 2, 44100, 44100 * 6, 6, 16), data),
                        "inconsistent block align 6"),
                new Invalid("MP3", file(fmt(0x0055, 2, 44100, 16000, 1, 0), data), "MPEG Layer 3 (MP3) (format tag 0x0055)"),
                new Invalid("MS ADPCM", file(fmt(0x0002, 2, 44100, 44100, 2048, 4), data),
                        "Microsoft ADPCM (format tag 0x0002)"),
                new Invalid("IMA ADPCM", file(fmt(0x0011, 1, 44100, 22000, 1024, 4), data),
                        "IMA ADPCM (format tag 0x0011)"),
                new Invalid("unknown format tag", file(fmt(0x1234, 1, 44100, 16), data),
                        "unknown format (format tag 0x1234)"),
                new Invalid("extensible with ADPCM subformat", file(fmtExtensible(1, 44100, 16, 16, 0, 0x0002), data),
                        "Microsoft ADPCM (format tag 0x0002)"),
                new Invalid("extensible with foreign GUID", file(concat(java.util.Arrays.copyOf(
                        fmtExtensible(1, 44100, 16, 16, 0, PCM), 24), new byte[16]), data), "subformat GUID"),
                new Invalid("extensible fmt of 18 bytes", file(fmtEx(EXTENSIBLE, 1, 44100, 16), data),
                        "WAVE_FORMAT_EXTENSIBLE fmt chunk too short"),
                new Invalid("valid bits above container", file(fmtExtensible(1, 44100, 16, 24, 0, PCM), data),
                        "valid bits per sample 24 exceed the container's 16"),
                new Invalid("zero frames", file(pcm16, new byte[0]), "no audio frames"),
                new Invalid("less than one frame", file(pcm16, new byte[3]), "no audio frames"),
                new Invalid("RF64 without ds64", RiffBytes.riff("RF64", "WAVE").chunk("fmt ", pcm16).chunk("data", data)
                        .bytes(), "without a ds64 chunk"));
    }

    private static byte[] file(byte[] fmtBody, byte[] data) {
        return RiffBytes.wave().chunk("fmt ", fmtBody).chunk("data", data).bytes();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidFiles")
    void rejectsEveryInvalidVariant(Invalid v) throws IOException {
        Path file = write("bad-" + v.name().replaceAll("[^a-zA-Z0-9]+", "_") + ".wav", v.bytes());
        AudioFileException e = assertThrows(AudioFileException.class, () -> WavReader.open(file).close());
        assertEquals(file, e.file());
        assertTrue(e.getMessage().startsWith(file.toString() + ": "), e.getMessage());
        assertTrue(e.problem().contains(v.problem()), () -> "expected '" + v.problem() + "' in: " + e.getMessage());
        assertThrows(AudioFileException.class, () -> AudioFile.read(file));
    }

    @Test
    void missingFileAndDirectoryAreAudioFileExceptions() {
        Path missing = dir.resolve("nope.wav");
        AudioFileException e = assertThrows(AudioFileException.class, () -> WavReader.open(missing));
        assertTrue(e.getMessage().contains("nope.wav") && e.problem().contains("no such file"), e.getMessage());
        AudioFileException d = assertThrows(AudioFileException.class, () -> WavReader.open(dir));
        assertTrue(d.problem().contains("directory"), d.getMessage());
    }

    @Test
    void headerClaimingFourGibOfDataReadsTheFramesPresentWithoutAllocatingThem() throws IOException {
        int frames = 2500; // 10 000 bytes of 16-bit stereo
        short[] codes = new short[2 * frames];
        Random random = new Random(4);
        for (int i = 0; i < codes.length; i++) {
            codes[i] = (short) random.nextInt();
        }
        int[] asInts = new int[codes.length];
        for (int i = 0; i < codes.length; i++) {
            asInts[i] = codes[i];
        }
        byte[] bytes = RiffBytes.wave().chunk("fmt ", fmt(PCM, 2, 44100, 16))
                .chunk("data", 0xFFFF_FFF0L, s16(asInts)).riffSize(0xFFFF_FFF8L).bytes();
        Path file = write("liar.wav", bytes);

        AllocationMeter meter = new AllocationMeter();
        long before = meter.allocatedBytes();
        AudioBuffer audio = AudioFile.read(file);
        long allocated = meter.allocatedBytes() - before;

        assertEquals(frames, audio.frames());
        // The buffer itself is 20 kB; the read buffer 64 kB. Nothing near 4 GiB (or even 1 MB).
        assertTrue(allocated < 1_000_000, "allocated " + allocated + " bytes");
        for (int i = 0; i < codes.length; i++) {
            assertEquals(codes[i] / 32768f, audio.channel(i % 2)[i / 2], 0f);
        }
        try (WavReader in = WavReader.open(file)) {
            assertEquals(frames, in.frames());
            List<String> warnings = in.warnings();
            assertTrue(warnings.stream().anyMatch(w -> w.contains("claims 4294967280 bytes but only 10000")),
                    warnings.toString());
        }
    }

    @Test
    void nanAndInfinityInFloatFilesBecomeZeroWithAWarning() throws IOException {
        float[] samples = {0.5f, Float.NaN, Float.POSITIVE_INFINITY, -0.25f, Float.NEGATIVE_INFINITY, 0.75f};
        Path f32 = write("nan32.wav", RiffBytes.wave().chunk("fmt ", fmtEx(FLOAT, 2, 48000, 32))
                .chunk("data", f32(samples)).bytes());
        Path f64 = write("nan64.wav", RiffBytes.wave().chunk("fmt ", fmtEx(FLOAT, 2, 48000, 64))
                .chunk("data", f64(0.5, Double.NaN, Double.POSITIVE_INFINITY, -0.25, 1e300, 0.75)).bytes());
        for (Path file : List.of(f32, f64)) {
            try (WavReader in = WavReader.open(file)) {
                assertTrue(in.warnings().isEmpty());
                float[][] planar = new float[2][3];
                assertEquals(3, in.read(planar, 0, 3));
                assertArrayEquals(new float[] {0.5f, 0f, 0f}, planar[0], file.toString());
                assertArrayEquals(new float[] {0f, -0.25f, 0.75f}, planar[1], file.toString());
                assertEquals(3, in.nonFiniteSamples());
                assertTrue(in.warnings().stream().anyMatch(w -> w.startsWith("3 non-finite")), in.warnings().toString());
            }
        }
    }

    @Test
    void streamingInOddBlockSizesEqualsTheWholeRead() throws IOException {
        int channels = 3;
        int frames = 100_003;
        int[] codes = new int[channels * frames];
        Random random = new Random(11);
        for (int i = 0; i < codes.length; i++) {
            codes[i] = random.nextInt(1 << 24) - (1 << 23);
        }
        Path file = write("long24.wav", RiffBytes.wave().chunk("fmt ", fmtExtensible(channels, 48000, 24, 24, 0, PCM))
                .chunk("data", s24(codes)).bytes());
        AudioBuffer whole = AudioFile.read(file);
        for (int c = 0; c < channels; c++) {
            for (int f = 0; f < frames; f += 997) {
                assertEquals(codes[f * channels + c] / 8388608f, whole.channel(c)[f], 0f);
            }
        }
        for (int blockSize : new int[] {1, 7, 333, 4097, 65_537}) {
            try (WavReader in = WavReader.open(file)) {
                float[][] streamed = new float[channels][frames + 5]; // room to ask past the end
                int pos = 0;
                for (int n; (n = in.read(streamed, pos, Math.min(blockSize, frames - pos + 5))) > 0; ) {
                    pos += n;
                }
                assertEquals(frames, pos);
                for (int c = 0; c < channels; c++) {
                    assertArrayEquals(whole.channel(c), java.util.Arrays.copyOf(streamed[c], frames), "block size " + blockSize + ", channel " + c);
                }
            }
        }
        try (WavReader in = WavReader.open(file)) {
            float[][] backing = new float[channels][1000];
            AudioBlock block = new AudioBlock(backing, 10, 123);
            in.seek(50_000);
            assertEquals(123, in.read(block));
            for (int c = 0; c < channels; c++) {
                for (int i = 0; i < 123; i++) {
                    assertEquals(whole.channel(c)[50_000 + i], backing[c][10 + i], 0f);
                }
                assertEquals(0f, backing[c][9], 0f);
                assertEquals(0f, backing[c][133], 0f);
            }
            assertEquals(50_123, in.position());
        }
    }

    @Test
    void riffSizeLargerThanTheFileIsAWarningNotAnError() throws IOException {
        Path file = write("short.wav", RiffBytes.wave().chunk("fmt ", fmt(PCM, 1, 8000, 16)).chunk("data", s16(5, 6))
                .riffSize(1000).bytes());
        try (WavReader in = WavReader.open(file)) {
            assertEquals(2, in.frames());
            assertFalse(in.warnings().isEmpty());
        }
    }

    @Test
    void dataWithATrailingPartialFrameIgnoresItWithAWarning() throws IOException {
        Path file = write("partial.wav", RiffBytes.wave().chunk("fmt ", fmt(PCM, 2, 8000, 16))
                .chunk("data", concat(s16(1, 2, 3, 4), new byte[3])).bytes());
        try (WavReader in = WavReader.open(file)) {
            assertEquals(2, in.frames());
            assertTrue(in.warnings().stream().anyMatch(w -> w.contains("partial frame")), in.warnings().toString());
        }
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }
}
