package io.mixai.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixai.audio.wav.WavWriteOptions;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioFormat.Encoding;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AudioStreamsTest {

    @TempDir
    Path dir;

    /** Random audio on the grid of {@code format} (exactly representable), 2 channels. */
    private static AudioBuffer gridAudio(SampleFormat format, int frames, long seed) {
        Random random = new Random(seed);
        AudioBuffer audio = AudioBuffer.allocate(2, frames, 44100);
        for (int c = 0; c < 2; c++) {
            for (int i = 0; i < frames; i++) {
                float x;
                if (format.isFloat()) {
                    x = (float) random.nextGaussian();
                } else {
                    int bits = Math.min(format.bitsPerSample(), 24);
                    x = (random.nextInt(1 << bits) - (1 << (bits - 1))) / (float) (1 << (bits - 1));
                }
                audio.channel(c)[i] = x;
            }
        }
        audio.channel(0)[0] = -1f;
        return audio;
    }

    @Test
    void roundTripThroughAudioInputStreamIsExactForEveryFormat() throws IOException {
        for (SampleFormat format : SampleFormat.values()) {
            AudioBuffer audio = gridAudio(format, 70_001, format.ordinal()); // more than one 64 KiB chunk
            AudioInputStream stream = AudioStreams.toAudioInputStream(audio, format, false);
            AudioFormat af = stream.getFormat();
            assertEquals(format.isFloat() ? Encoding.PCM_FLOAT
                    : format == SampleFormat.PCM_U8 ? Encoding.PCM_UNSIGNED : Encoding.PCM_SIGNED, af.getEncoding());
            assertEquals(format.bitsPerSample(), af.getSampleSizeInBits());
            assertFalse(af.isBigEndian());
            assertEquals(70_001, stream.getFrameLength());
            AudioBuffer back = AudioStreams.fromAudioInputStream(stream);
            assertEquals(44100, back.sampleRate());
            for (int c = 0; c < 2; c++) {
                assertArrayEquals(audio.channel(c), back.channel(c), format.toString());
            }
        }
    }

    @Test
    void defaultConversionIsDitheredLikeAudioFileWrite() throws IOException {
        AudioBuffer audio = AudioBuffer.allocate(1, 4000, 48000);
        for (int i = 0; i < 4000; i++) {
            audio.channel(0)[i] = (float) (0.001 * Math.sin(i * 0.03));
        }
        byte[] streamed = AudioStreams.toAudioInputStream(audio, SampleFormat.PCM_16).readAllBytes();
        Path file = dir.resolve("d.wav");
        AudioFile.write(audio, file, SampleFormat.PCM_16);
        byte[] wav = Files.readAllBytes(file);
        assertArrayEquals(java.util.Arrays.copyOfRange(wav, 44, wav.length), streamed);
        byte[] plain = AudioStreams.toAudioInputStream(audio, SampleFormat.PCM_16, false).readAllBytes();
        assertFalse(java.util.Arrays.equals(plain, streamed));
    }

    @Test
    void readsBigEndianSignedAndUnsignedIntegers() throws IOException {
        int[] codes16 = {0, -32768, 32767, 1234, -1};
        ByteBuffer be16 = ByteBuffer.allocate(10).order(ByteOrder.BIG_ENDIAN);
        ByteBuffer ube16 = ByteBuffer.allocate(10).order(ByteOrder.BIG_ENDIAN);
        for (int k : codes16) {
            be16.putShort((short) k);
            ube16.putShort((short) (k + 32768));
        }
        float[] expected16 = new float[codes16.length];
        for (int i = 0; i < codes16.length; i++) {
            expected16[i] = codes16[i] / 32768f;
        }
        assertArrayEquals(expected16, mono(stream(be16.array(), Encoding.PCM_SIGNED, 16, true)));
        assertArrayEquals(expected16, mono(stream(ube16.array(), Encoding.PCM_UNSIGNED, 16, true)));

        byte[] be24 = {(byte) 0x80, 0, 0, 0x7F, (byte) 0xFF, (byte) 0xFF, 0, 0, 1};
        assertArrayEquals(new float[] {-1f, 8388607 / 8388608f, 1 / 8388608f},
                mono(stream(be24, Encoding.PCM_SIGNED, 24, true)));
        byte[] be32 = ByteBuffer.allocate(8).putInt(1 << 30).putInt(Integer.MIN_VALUE).array();
        assertArrayEquals(new float[] {0.5f, -1f}, mono(stream(be32, Encoding.PCM_SIGNED, 32, true)));
        byte[] s8 = {-128, 0, 64, 127};
        assertArrayEquals(new float[] {-1f, 0f, 0.5f, 127 / 128f}, mono(stream(s8, Encoding.PCM_SIGNED, 8, true)));
        byte[] u8 = {0, (byte) 128, (byte) 192, (byte) 255};
        assertArrayEquals(new float[] {-1f, 0f, 0.5f, 127 / 128f}, mono(stream(u8, Encoding.PCM_UNSIGNED, 8, false)));
    }

    @Test
    void readsBigEndianFloatsAndZeroesNonFiniteOnes() throws IOException {
        byte[] f32 = ByteBuffer.allocate(16).putFloat(0.75f).putFloat(Float.NaN).putFloat(-2f)
                .putFloat(Float.NEGATIVE_INFINITY).array();
        assertArrayEquals(new float[] {0.75f, 0f, -2f, 0f}, mono(stream(f32, Encoding.PCM_FLOAT, 32, true)));
        byte[] f64 = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putDouble(0.5).putDouble(Double.NaN)
                .array();
        assertArrayEquals(new float[] {0.5f, 0f}, mono(stream(f64, Encoding.PCM_FLOAT, 64, false)));
    }

    @Test
    void decodesMuLawThroughTheJdk() throws IOException {
        // G.711 mu-law: 0xFF and 0x7F are zero, 0x80 / 0x00 the largest magnitudes (±32124).
        byte[] ulaw = {(byte) 0xFF, 0x7F, (byte) 0x80, 0x00};
        assertArrayEquals(new float[] {0f, 0f, 32124 / 32768f, -32124 / 32768f},
                mono(stream(ulaw, Encoding.ULAW, 8, false)));
    }

    @Test
    void streamOfUnknownLengthLongerThanTheInitialCapacity() throws IOException {
        int frames = (1 << 20) + 3;
        ByteBuffer le = ByteBuffer.allocate(2 * frames).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < frames; i++) {
            le.putShort((short) (i * 7));
        }
        AudioFormat af = new AudioFormat(Encoding.PCM_SIGNED, 8000, 16, 1, 2, 8000, false);
        AudioBuffer audio = AudioStreams.fromAudioInputStream(
                new AudioInputStream(new ByteArrayInputStream(le.array()), af, AudioSystem.NOT_SPECIFIED));
        assertEquals(frames, audio.frames());
        for (int i = 0; i < frames; i += 4099) {
            assertEquals((short) (i * 7) / 32768f, audio.channel(0)[i], 0f);
        }
    }

    @Test
    void rejectsWhatItCannotConvert() {
        AudioFileException e = assertThrows(AudioFileException.class,
                () -> AudioStreams.fromAudioInputStream(stream(new byte[6], Encoding.PCM_SIGNED, 12, false)));
        assertTrue(e.getMessage().startsWith("<stream>: ") && e.problem().contains("12 bits"), e.getMessage());
        AudioFileException empty = assertThrows(AudioFileException.class,
                () -> AudioStreams.fromAudioInputStream(stream(new byte[0], Encoding.PCM_SIGNED, 16, false)));
        assertTrue(empty.problem().contains("no audio frames"), empty.getMessage());
        AudioFormat fractional = new AudioFormat(Encoding.PCM_SIGNED, 44100.5f, 16, 1, 2, 44100.5f, false);
        assertThrows(AudioFileException.class, () -> AudioStreams.fromAudioInputStream(
                new AudioInputStream(new ByteArrayInputStream(new byte[4]), fractional, 2)));
    }

    @Test
    void jdkWavWriterAndMixaiReaderAgree() throws IOException {
        // Cross-check against an independent implementation: the JDK's own WAV writer and reader.
        AudioBuffer audio = gridAudio(SampleFormat.PCM_16, 5000, 99);
        Path jdkFile = dir.resolve("jdk.wav");
        AudioSystem.write(AudioStreams.toAudioInputStream(audio, SampleFormat.PCM_16, false), AudioFileFormat.Type.WAVE,
                jdkFile.toFile());
        AudioBuffer readByMixai = AudioFile.read(jdkFile);
        assertArrayEquals(audio.channel(0), readByMixai.channel(0));
        assertArrayEquals(audio.channel(1), readByMixai.channel(1));

        Path mixaiFile = dir.resolve("mixai.wav");
        AudioFile.write(audio, mixaiFile, SampleFormat.PCM_16, WavWriteOptions.builder().dither(false).build());
        try (AudioInputStream jdk = AudioSystem.getAudioInputStream(mixaiFile.toFile())) {
            AudioBuffer readByJdk = AudioStreams.fromAudioInputStream(jdk);
            assertArrayEquals(audio.channel(1), readByJdk.channel(1));
        } catch (javax.sound.sampled.UnsupportedAudioFileException e) {
            throw new AssertionError("the JDK cannot read mixai's WAV", e);
        }
    }

    private static AudioInputStream stream(byte[] bytes, Encoding encoding, int bits, boolean bigEndian) {
        int frameSize = (bits + 7) / 8;
        AudioFormat af = new AudioFormat(encoding, 8000, bits, 1, frameSize, 8000, bigEndian);
        return new AudioInputStream(new ByteArrayInputStream(bytes), af, bytes.length / frameSize);
    }

    private static float[] mono(AudioInputStream stream) throws IOException {
        AudioBuffer audio = AudioStreams.fromAudioInputStream(stream);
        assertEquals(1, audio.channelCount());
        return audio.channel(0);
    }
}
