package io.mixai.chain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.mixai.audio.AudioBuffer;
import io.mixai.audio.AudioFile;
import io.mixai.audio.AudioFileException;
import io.mixai.audio.SampleFormat;
import io.mixai.audio.wav.WavWriteOptions;
import io.mixai.spi.EffectRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Streaming rendering equals buffer rendering, latency compensated, and never overwrites its input. */
class ChainRendererTest {

    private static final EffectRegistry REGISTRY = EffectRegistry.discover();

    @TempDir
    Path dir;

    private static EffectChain delays() {
        // Latency 37 + 5000: more than one render block, so the compensation crosses block edges.
        return EffectChain.builder(REGISTRY).add("test_delay", Map.of("delay_samples", 37, "gain_db", -6))
                .add("test_delay", Map.of("delay_samples", 5000)).build();
    }

    private static AudioBuffer noise(int frames) {
        Random random = new Random(5);
        float[][] x = new float[2][frames];
        for (float[] ch : x) {
            for (int i = 0; i < frames; i++) {
                ch[i] = (float) (0.3 * random.nextGaussian());
            }
        }
        return AudioBuffer.wrap(x, 48000);
    }

    @Test
    void streamingMatchesBufferRenderingAndIsInputAligned() throws Exception {
        AudioBuffer in = noise(10_007);
        AudioBuffer expected = delays().render(in);
        AudioBuffer out = AudioBuffer.allocate(2, in.frames(), 48000);
        int[] read = {0};
        int[] written = {0};
        long frames = ChainRenderer.render(delays(), 48000, 2, (dest, offset, max) -> {
            int n = Math.min(Math.min(max, 777), in.frames() - read[0]); // odd source block sizes
            for (int c = 0; c < 2; c++) {
                System.arraycopy(in.channel(c), read[0], dest[c], offset, n);
            }
            read[0] += n;
            return n;
        }, (block, offset, n) -> {
            for (int c = 0; c < 2; c++) {
                System.arraycopy(block[c], offset, out.channel(c), written[0], n);
            }
            written[0] += n;
        });
        assertEquals(in.frames(), frames);
        for (int c = 0; c < 2; c++) {
            assertArrayEquals(expected.channel(c), out.channel(c));
            for (int i = 0; i < in.frames(); i++) {
                assertEquals(in.channel(c)[i] * Math.pow(10, -6 / 20.0), out.channel(c)[i], 1e-6);
            }
        }
    }

    @Test
    void fileRenderingIsBitIdenticalToBufferRenderingAndRefusesItsInput() throws Exception {
        AudioBuffer in = noise(20_000);
        Path input = dir.resolve("in.wav");
        Path output = dir.resolve("out.wav");
        AudioFile.write(in, input, SampleFormat.FLOAT_32);
        WavWriteOptions options = WavWriteOptions.builder().protectedInputs(List.of(input)).build();
        ChainRenderer.renderFile(delays(), input, output, SampleFormat.FLOAT_32, options);
        AudioBuffer expected = delays().render(AudioFile.read(input));
        AudioBuffer written = AudioFile.read(output);
        for (int c = 0; c < 2; c++) {
            assertArrayEquals(expected.channel(c), written.channel(c));
        }
        byte[] before = Files.readAllBytes(input);
        assertThrows(AudioFileException.class,
                () -> ChainRenderer.renderFile(delays(), input, input, SampleFormat.FLOAT_32, options));
        assertArrayEquals(before, Files.readAllBytes(input));
    }
}
