package io.mixai.benchmarks.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixai.audio.SampleFormat;
import io.mixai.audio.wav.WavReader;
import io.mixai.audio.wav.WavWriteOptions;
import io.mixai.audio.wav.WavWriter;
import io.mixai.chain.EffectChain;
import io.mixai.process.ProcessSpec;
import io.mixai.settings.ChainJson;
import io.mixai.spi.EffectRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RenderChainTest {

    @TempDir
    Path dir;

    /**
     * Gain -6.0206 dB (x 0.5) then a limiter whose 0 dBTP ceiling a -14 dBFS sine never reaches:
     * the limiter only delays, so an output aligned with the input is half the input, sample for
     * sample, within the dither and rounding of 24-bit output.
     */
    @Test
    void outputIsTheChainAppliedAndAlignedWithTheInput() throws Exception {
        int rate = 44_100;
        int frames = 3 * RenderChain.BLOCK_FRAMES + 123; // not a whole number of blocks
        float[][] input = new float[2][frames];
        for (int i = 0; i < frames; i++) {
            input[0][i] = (float) (0.2 * Math.sin(2 * Math.PI * 441 * i / rate));
            input[1][i] = (float) (0.2 * Math.sin(2 * Math.PI * 1000 * i / rate));
        }
        Path in = dir.resolve("in.wav");
        try (WavWriter w = WavWriter.create(in, rate, 2, SampleFormat.PCM_24,
                WavWriteOptions.builder().dither(false).build())) {
            w.write(input, 0, frames);
        }
        EffectChain chain = EffectChain.builder(EffectRegistry.discover())
                .add("gain", Map.of("gain_db", 20 * Math.log10(0.5)))
                .add("limiter", Map.of("ceiling_dbtp", 0))
                .build();
        chain.prepare(new ProcessSpec(rate, RenderChain.BLOCK_FRAMES, 2));
        assertTrue(chain.latencySamples() > 0, "the limiter has look-ahead latency to compensate");
        Path json = dir.resolve("chain.json");
        ChainJson.write(chain, json);

        Path out = dir.resolve("out.wav");
        assertEquals(frames, RenderChain.render(in, json, out));

        try (WavReader a = WavReader.open(in); WavReader b = WavReader.open(out)) {
            assertEquals(SampleFormat.PCM_24, b.format().sampleFormat());
            assertEquals(frames, b.frames());
            float[][] x = new float[2][frames];
            float[][] y = new float[2][frames];
            a.read(x, 0, frames);
            b.read(y, 0, frames);
            double lsb = Math.scalb(1.0, -23);
            for (int c = 0; c < 2; c++) {
                for (int i = 0; i < frames; i++) {
                    assertEquals(0.5 * x[c][i], y[c][i], 3 * lsb, "channel " + c + " frame " + i);
                }
            }
        }
    }
}
