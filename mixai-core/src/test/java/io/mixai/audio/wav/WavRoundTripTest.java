package io.mixai.audio.wav;

import static io.mixai.audio.wav.RiffBytes.PCM;
import static io.mixai.audio.wav.RiffBytes.FLOAT;
import static io.mixai.audio.wav.RiffBytes.chunkBody;
import static io.mixai.audio.wav.RiffBytes.fmt;
import static io.mixai.audio.wav.RiffBytes.fmtEx;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixai.audio.AudioBuffer;
import io.mixai.audio.AudioFile;
import io.mixai.audio.SampleFormat;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** file → float → file round trips, the header layout the writer chooses, and block-size independence. */
class WavRoundTripTest {

    private static final WavWriteOptions NO_DITHER = WavWriteOptions.builder().dither(false).build();

    @TempDir
    Path dir;

    @Test
    void pcm16FileThroughFloatBackToPcm16IsByteIdentical() throws IOException {
        // Every 16-bit code, in stereo; the writer's plain 44-byte header matches the hand-built one exactly.
        int[] codes = new int[65536 * 2];
        for (int i = 0; i < 65536; i++) {
            codes[2 * i] = i - 32768;
            codes[2 * i + 1] = 32767 - i;
        }
        byte[] original = RiffBytes.wave().chunk("fmt ", fmt(PCM, 2, 44100, 16)).chunk("data", RiffBytes.s16(codes))
                .bytes();
        byte[] copy = roundTrip(original, SampleFormat.PCM_16);
        assertArrayEquals(original, copy);
    }

    @Test
    void pcmU8FileRoundTripsBitExactlyWithItsPadByte() throws IOException {
        int[] codes = new int[257]; // odd length: the data chunk needs a pad byte
        for (int i = 0; i < codes.length; i++) {
            codes[i] = i & 0xff;
        }
        byte[] original = RiffBytes.wave().chunk("fmt ", fmt(PCM, 1, 8000, 8)).chunk("data", RiffBytes.u8(codes)).bytes();
        byte[] copy = roundTrip(original, SampleFormat.PCM_U8);
        assertArrayEquals(original, copy);
        assertEquals(0, copy.length % 2, "RIFF files have even length");
    }

    @Test
    void pcm24FileRoundTripsBitExactly() throws IOException {
        Random random = new Random(24);
        int[] codes = new int[2 * 20_000];
        for (int i = 0; i < codes.length; i++) {
            codes[i] = random.nextInt(1 << 24) - (1 << 23);
        }
        codes[0] = -(1 << 23);
        codes[1] = (1 << 23) - 1;
        byte[] data = RiffBytes.s24(codes);
        byte[] copy = roundTrip(RiffBytes.wave().chunk("fmt ", fmt(PCM, 2, 48000, 24)).chunk("data", data).bytes(),
                SampleFormat.PCM_24);
        assertArrayEquals(data, chunkBody(copy, "data"));
    }

    @Test
    void pcm32RoundTripsBitExactlyForEveryCodeAFloatHolds() throws IOException {
        // A float has a 24-bit significand: codes with at most 24 significant bits survive exactly,
        // and so do the extremes (2^31 - 1 reads as 1.0f and saturates back to 2^31 - 1).
        Random random = new Random(32);
        int[] codes = new int[3 * 10_000];
        for (int i = 0; i < codes.length; i++) {
            int significant = random.nextInt(1 << 24) - (1 << 23);
            codes[i] = significant << random.nextInt(9); // 0..8 bit shift: up to 32 bits total
        }
        codes[0] = Integer.MIN_VALUE;
        codes[1] = Integer.MAX_VALUE;
        codes[2] = 1;
        byte[] data = RiffBytes.s32(codes);
        byte[] copy = roundTrip(RiffBytes.wave().chunk("fmt ", fmt(PCM, 3, 48000, 32)).chunk("data", data).bytes(),
                SampleFormat.PCM_32);
        assertArrayEquals(data, chunkBody(copy, "data"));
    }

    @Test
    void pcm32WithMoreThan24SignificantBitsIsWithinOneFloatUlp() throws IOException {
        Random random = new Random(33);
        int[] codes = new int[4000];
        for (int i = 0; i < codes.length; i++) {
            codes[i] = random.nextInt();
        }
        byte[] copy = roundTrip(RiffBytes.wave().chunk("fmt ", fmt(PCM, 1, 48000, 32))
                .chunk("data", RiffBytes.s32(codes)).bytes(), SampleFormat.PCM_32);
        ByteBuffer back = ByteBuffer.wrap(chunkBody(copy, "data")).order(ByteOrder.LITTLE_ENDIAN);
        for (int code : codes) {
            long error = Math.abs((long) back.getInt() - code);
            // Reading rounds to the nearest float: at most half a float ulp, which for |code| in
            // [2^k, 2^(k+1)) is 2^(k-23) / 2 codes (0 when k < 24: such codes are exact).
            long bound = Long.highestOneBit(Math.abs((long) code)) >> 24;
            assertTrue(error <= bound, code + " came back with error " + error);
        }
    }

    @Test
    void float32FileRoundTripsBitExactlyIncludingSubnormalsAndOvers() throws IOException {
        Random random = new Random(3232);
        float[] values = new float[10_000];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextGaussian() * 2f;
        }
        values[0] = Float.MIN_VALUE;
        values[1] = -0f;
        values[2] = 1e-40f;
        values[3] = 123.5f;
        byte[] data = RiffBytes.f32(values);
        byte[] copy = roundTrip(RiffBytes.wave().chunk("fmt ", fmtEx(FLOAT, 2, 44100, 32))
                .chunk("fact", RiffBytes.le32(values.length / 2)).chunk("data", data).bytes(), SampleFormat.FLOAT_32);
        assertArrayEquals(data, chunkBody(copy, "data"));
        assertArrayEquals(RiffBytes.le32(values.length / 2), chunkBody(copy, "fact"));
    }

    @Test
    void float64FileOfFloatValuesRoundTripsBitExactly() throws IOException {
        Random random = new Random(64);
        double[] values = new double[5000];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextGaussian();
        }
        byte[] data = RiffBytes.f64(values);
        byte[] copy = roundTrip(RiffBytes.wave().chunk("fmt ", fmtEx(FLOAT, 1, 96000, 64))
                .chunk("fact", RiffBytes.le32(values.length)).chunk("data", data).bytes(), SampleFormat.FLOAT_64);
        assertArrayEquals(data, chunkBody(copy, "data"));
    }

    @Test
    void headerLayoutFollowsTheMicrosoftRecommendation() throws IOException {
        assertLayout(SampleFormat.PCM_16, 2, 0, List.of("fmt ", "data"), 16, 1);
        assertLayout(SampleFormat.PCM_U8, 1, 0, List.of("fmt ", "data"), 16, 1);
        assertLayout(SampleFormat.PCM_16, 3, 0, List.of("fmt ", "data"), 40, 0xFFFE);
        assertLayout(SampleFormat.PCM_16, 2, 0x3, List.of("fmt ", "data"), 40, 0xFFFE);
        assertLayout(SampleFormat.PCM_24, 1, 0, List.of("fmt ", "data"), 40, 0xFFFE);
        assertLayout(SampleFormat.PCM_32, 2, 0, List.of("fmt ", "data"), 40, 0xFFFE);
        assertLayout(SampleFormat.FLOAT_32, 2, 0, List.of("fmt ", "fact", "data"), 18, 3);
        assertLayout(SampleFormat.FLOAT_64, 1, 0, List.of("fmt ", "fact", "data"), 18, 3);
        assertLayout(SampleFormat.FLOAT_32, 6, 0x3F, List.of("fmt ", "fact", "data"), 40, 0xFFFE);
    }

    private void assertLayout(SampleFormat format, int channels, long mask, List<String> chunks, int fmtSize, int tag)
            throws IOException {
        Path file = dir.resolve("layout.wav");
        int frames = 5;
        try (WavWriter out = WavWriter.create(file, 48000, channels, format,
                WavWriteOptions.builder().channelMask(mask).build())) {
            out.write(new float[channels][frames], 0, frames);
        }
        byte[] bytes = Files.readAllBytes(file);
        String what = format + " x" + channels + " mask " + mask;
        assertEquals(chunks, RiffBytes.chunkIds(bytes), what);
        ByteBuffer fmtBody = ByteBuffer.wrap(chunkBody(bytes, "fmt ")).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(fmtSize, fmtBody.capacity(), what);
        assertEquals(tag, fmtBody.getShort(0) & 0xffff, what);
        assertEquals(bytes.length - 8, ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getInt(4), "RIFF size");
        assertEquals(frames * channels * format.bytesPerSample(), chunkBody(bytes, "data").length, what);
        if (chunks.contains("fact")) {
            assertArrayEquals(RiffBytes.le32(frames), chunkBody(bytes, "fact"), what);
        }
        try (WavReader in = WavReader.open(file)) {
            assertEquals(format, in.format().sampleFormat());
            assertEquals(tag == 0xFFFE, in.format().extensible());
            assertEquals(frames, in.frames());
            assertTrue(in.warnings().isEmpty(), in.warnings().toString());
            if (mask != 0) {
                assertEquals(mask, in.format().channelMask());
            }
        }
    }

    @Test
    void outputDoesNotDependOnBlockSizeEvenWithDither() throws IOException {
        int frames = 30_011;
        float[][] audio = new float[2][frames];
        Random random = new Random(7);
        for (int c = 0; c < 2; c++) {
            for (int i = 0; i < frames; i++) {
                audio[c][i] = (float) (0.3 * Math.sin(i * 0.01 * (c + 1)) + 1e-3 * random.nextGaussian());
            }
        }
        for (SampleFormat format : new SampleFormat[] {SampleFormat.PCM_16, SampleFormat.PCM_24, SampleFormat.PCM_U8}) {
            byte[] reference = null;
            for (int blockSize : new int[] {frames, 1, 64, 4099}) {
                Path file = dir.resolve("blocks-" + blockSize + ".wav");
                try (WavWriter out = WavWriter.create(file, 44100, 2, format)) {
                    for (int pos = 0; pos < frames; pos += blockSize) {
                        out.write(audio, pos, Math.min(blockSize, frames - pos));
                    }
                }
                byte[] bytes = Files.readAllBytes(file);
                if (reference == null) {
                    reference = bytes;
                } else {
                    assertArrayEquals(reference, bytes, format + ", block size " + blockSize);
                }
            }
        }
    }

    @Test
    void writingNonFiniteSamplesWritesZero() throws IOException {
        float[][] audio = {{0.5f, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, -0.5f}};
        for (SampleFormat format : SampleFormat.values()) {
            Path file = dir.resolve("nan-" + format + ".wav");
            try (WavWriter out = WavWriter.create(file, 8000, 1, format, NO_DITHER)) {
                out.write(audio, 0, 5);
                assertEquals(3, out.nonFiniteSamples());
            }
            AudioBuffer back = AudioFile.read(file);
            assertArrayEquals(new float[] {0.5f, 0f, 0f, 0f, -0.5f}, back.channel(0), format.toString());
        }
    }

    @Test
    void differentSeedsGiveDifferentDitherAndEqualSeedsTheSame() throws IOException {
        AudioBuffer audio = AudioBuffer.allocate(1, 2000, 48000);
        for (int i = 0; i < 2000; i++) {
            audio.channel(0)[i] = (float) (0.01 * Math.sin(i * 0.05));
        }
        byte[] a = writeBytes(audio, "a.wav", WavWriteOptions.builder().ditherSeed(1).build());
        byte[] b = writeBytes(audio, "b.wav", WavWriteOptions.builder().ditherSeed(1).build());
        byte[] c = writeBytes(audio, "c.wav", WavWriteOptions.builder().ditherSeed(2).build());
        byte[] d = writeBytes(audio, "d.wav", WavWriteOptions.defaults());
        assertArrayEquals(a, b);
        assertFalse(Arrays.equals(a, c));
        AudioFile.write(audio, dir.resolve("e.wav"), SampleFormat.PCM_16);
        assertArrayEquals(d, Files.readAllBytes(dir.resolve("e.wav")), "AudioFile.write uses the default seed");
    }

    private byte[] writeBytes(AudioBuffer audio, String name, WavWriteOptions options) throws IOException {
        Path file = dir.resolve(name);
        AudioFile.write(audio, file, SampleFormat.PCM_16, options);
        return Files.readAllBytes(file);
    }

    /** Reads {@code original} as float, writes it back without dither, returns the new file's bytes. */
    private byte[] roundTrip(byte[] original, SampleFormat format) throws IOException {
        Path in = Files.write(dir.resolve("in.wav"), original);
        Path out = dir.resolve("out.wav");
        AudioBuffer audio = AudioFile.read(in);
        AudioFile.write(audio, out, format, NO_DITHER);
        return Files.readAllBytes(out);
    }
}
