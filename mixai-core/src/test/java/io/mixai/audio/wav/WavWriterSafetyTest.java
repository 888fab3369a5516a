package io.mixai.audio.wav;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixai.audio.AudioBuffer;
import io.mixai.audio.AudioFile;
import io.mixai.audio.AudioFileException;
import io.mixai.audio.SampleFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

/** Atomic publication of WAV files, and the refusal to overwrite inputs. */
class WavWriterSafetyTest {

    @TempDir
    Path dir;

    @Test
    void nothingAppearsBeforeCloseAndTheTemporaryFileIsNextToTheTarget() throws IOException {
        Path target = dir.resolve("mix.wav");
        WavWriter out = WavWriter.create(target, 48000, 2, SampleFormat.PCM_24);
        out.write(new float[2][1000], 0, 1000);
        List<String> during = listing();
        assertEquals(1, during.size(), during.toString());
        assertTrue(during.get(0).startsWith(".mix.wav.") && during.get(0).endsWith(".tmp"), during.toString());
        out.close();
        assertEquals(List.of("mix.wav"), listing());
        assertEquals(1000, AudioFile.read(target).frames());
    }

    @Test
    void failureMidWriteLeavesNeitherTargetNorTemporaryFile() throws IOException {
        Path target = dir.resolve("broken.wav");
        WavWriter out = WavWriter.create(target, 44100, 1, SampleFormat.PCM_16);
        RuntimeException failure = assertThrows(RuntimeException.class, () -> {
            try {
                out.write(new float[1][4096], 0, 4096);
                throw new RuntimeException("effect failed halfway (simulated)");
            } catch (RuntimeException e) {
                out.abort();
                throw e;
            }
        });
        assertEquals("effect failed halfway (simulated)", failure.getMessage());
        out.close(); // after abort: does nothing
        assertEquals(List.of(), listing());
        assertThrows(IllegalStateException.class, () -> out.write(new float[1][1], 0, 1));
    }

    @Test
    void abortKeepsThePreviousVersionOfTheTarget() throws IOException {
        Path target = dir.resolve("song.wav");
        AudioBuffer first = AudioBuffer.wrap(new float[][] {{0.25f, -0.25f}}, 8000);
        AudioFile.write(first, target, SampleFormat.FLOAT_32);
        byte[] before = Files.readAllBytes(target);
        WavWriter out = WavWriter.create(target, 8000, 1, SampleFormat.FLOAT_32);
        out.write(new float[][] {{0.9f, 0.9f, 0.9f}}, 0, 3);
        out.abort();
        assertArrayEquals(before, Files.readAllBytes(target));
        assertEquals(List.of("song.wav"), listing());
    }

    @Test
    void exceedingTheRiffSizeLimitAbortsWithoutLeavingAFile() throws IOException {
        Path target = dir.resolve("huge.wav");
        // The real limit is 4 GiB (a RIFF size field has 32 bits); a 1000-byte limit exercises the same path.
        WavWriter out = WavWriter.create(target, 48000, 2, SampleFormat.PCM_16, WavWriteOptions.defaults(), 1000);
        out.write(new float[2][200], 0, 200); // 44 + 800 bytes: fits
        AudioFileException e = assertThrows(AudioFileException.class, () -> out.write(new float[2][50], 0, 50));
        assertTrue(e.problem().contains("4 GiB"), e.getMessage());
        assertEquals(List.of(), listing());
        out.close(); // already aborted: nothing happens
        assertEquals(List.of(), listing());
    }

    @Test
    void withRf64AllowedAFileBeyondTheLimitBecomesRf64AndReadsBack() throws IOException {
        WavWriteOptions rf64 = WavWriteOptions.builder().rf64WhenNeeded(true).dither(false).build();
        float[][] audio = new float[2][300];
        for (int i = 0; i < 300; i++) {
            audio[0][i] = (i - 150) / 256f;
            audio[1][i] = (150 - i) / 256f; // not -audio[0][i]: -0f comes back from integers as +0f
        }
        for (SampleFormat format : new SampleFormat[] {SampleFormat.PCM_16, SampleFormat.FLOAT_32}) {
            Path small = dir.resolve("small-" + format + ".wav");
            Path big = dir.resolve("big-" + format + ".wav");
            try (WavWriter out = WavWriter.create(small, 48000, 2, format, rf64, 100_000)) {
                out.write(audio, 0, 300); // under the limit: plain RIFF with a JUNK placeholder
            }
            try (WavWriter out = WavWriter.create(big, 48000, 2, format, rf64, 1000)) {
                out.write(audio, 0, 300); // 1200+ bytes: over the (lowered) limit
            }
            byte[] smallBytes = Files.readAllBytes(small);
            byte[] bigBytes = Files.readAllBytes(big);
            assertEquals("RIFF", new String(smallBytes, 0, 4, java.nio.charset.StandardCharsets.US_ASCII));
            assertEquals("JUNK", RiffBytes.chunkIds(smallBytes).get(0));
            assertEquals("RF64", new String(bigBytes, 0, 4, java.nio.charset.StandardCharsets.US_ASCII));
            java.nio.ByteBuffer ds64 = java.nio.ByteBuffer.wrap(RiffBytes.chunkBody(bigBytes, "ds64"))
                    .order(java.nio.ByteOrder.LITTLE_ENDIAN);
            long dataBytes = 300L * 2 * format.bytesPerSample();
            assertEquals(bigBytes.length - 8, ds64.getLong(0), "ds64 RIFF size");
            assertEquals(dataBytes, ds64.getLong(8), "ds64 data size");
            assertEquals(300, ds64.getLong(16), "ds64 sample count");
            for (Path file : List.of(small, big)) {
                AudioBuffer back = AudioFile.read(file);
                assertArrayEquals(audio[0], back.channel(0), file.toString());
                assertArrayEquals(audio[1], back.channel(1), file.toString());
            }
        }
    }

    @Test
    void overwritingAProtectedInputIsRefused() throws IOException {
        Path input = dir.resolve("input.wav");
        AudioBuffer audio = AudioBuffer.wrap(new float[][] {{0.5f, 0.25f}}, 44100);
        AudioFile.write(audio, input, SampleFormat.PCM_16);
        byte[] original = Files.readAllBytes(input);
        // The same file under another spelling is still the same file.
        Path sameFile = dir.resolve("sub").resolve("..").resolve("input.wav");
        Files.createDirectory(dir.resolve("sub"));
        WavWriteOptions protect = WavWriteOptions.builder().protectedInputs(List.of(input)).build();
        AudioFileException e = assertThrows(AudioFileException.class,
                () -> WavWriter.create(sameFile, 44100, 1, SampleFormat.PCM_16, protect));
        assertTrue(e.problem().contains("refusing to overwrite the input file"), e.getMessage());
        assertThrows(AudioFileException.class,
                () -> AudioFile.write(audio, input, SampleFormat.PCM_24, protect));
        assertArrayEquals(original, Files.readAllBytes(input));
        assertEquals(List.of("input.wav", "sub"), listing());

        // Another target is fine, and so is an explicit in-place edit.
        AudioFile.write(audio, dir.resolve("other.wav"), SampleFormat.PCM_16, protect);
        AudioFile.write(audio, input, SampleFormat.PCM_24, protect.toBuilder().allowOverwriteInput(true).build());
        assertEquals(SampleFormat.PCM_24, WavReader.open(input).format().sampleFormat());
    }

    @Test
    void symlinkToAProtectedInputIsRefused() throws IOException {
        Path input = dir.resolve("take.wav");
        AudioFile.write(AudioBuffer.wrap(new float[][] {{0.1f}}, 8000), input, SampleFormat.PCM_16);
        Path link;
        try {
            link = Files.createSymbolicLink(dir.resolve("link.wav"), input);
        } catch (UnsupportedOperationException | IOException e) {
            throw new TestAbortedException("file system without symbolic links: nothing to check", e);
        }
        WavWriteOptions protect = WavWriteOptions.builder().protectedInput(input).build();
        assertThrows(AudioFileException.class, () -> WavWriter.create(link, 8000, 1, SampleFormat.PCM_16, protect));
    }

    private List<String> listing() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        }
    }
}
