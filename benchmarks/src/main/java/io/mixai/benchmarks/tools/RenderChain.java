package io.mixai.benchmarks.tools;

import io.mixai.audio.AudioBlock;
import io.mixai.audio.wav.WavReader;
import io.mixai.audio.wav.WavWriteOptions;
import io.mixai.audio.wav.WavWriter;
import io.mixai.chain.EffectChain;
import io.mixai.process.ProcessSpec;
import io.mixai.settings.ChainJson;
import io.mixai.spi.EffectRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Renders a WAV file through an effect chain saved as chain JSON ({@link ChainJson}), streaming:
 * memory does not grow with the file. Output has the input's rate, channels and sample format
 * (TPDF-dithered for integer formats) and its length, aligned with it (the chain's latency is
 * compensated; ring-out past the end is cut, as by {@link EffectChain#render}).
 *
 * <pre>java -cp benchmarks.jar io.mixai.benchmarks.tools.RenderChain IN.wav CHAIN.json OUT.wav</pre>
 *
 * <p>The benchmarks' stand-in for {@code mixai render-chain} until the CLI has it.
 */
public final class RenderChain {

    static final int BLOCK_FRAMES = EffectChain.RENDER_BLOCK_FRAMES;

    private RenderChain() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: RenderChain IN.wav CHAIN.json OUT.wav");
            System.exit(2);
        }
        long started = System.nanoTime();
        long frames = render(Path.of(args[0]), Path.of(args[1]), Path.of(args[2]));
        // compare-tools.sh reads this line: the time after JVM start-up, from main() on
        System.err.printf("rendered %d frames to %s; processing %.3f s%n", frames, args[2],
                (System.nanoTime() - started) / 1e9);
    }

    /** Renders {@code in} through the chain in {@code chainJson} into {@code out}; returns the frames written. */
    public static long render(Path in, Path chainJson, Path out) throws IOException {
        return render(in, ChainJson.read(chainJson, EffectRegistry.discover()), out);
    }

    /** Renders {@code in} through {@code chain} (prepared and reset here) into {@code out}; returns the frames written. */
    public static long render(Path in, EffectChain chain, Path out) throws IOException {
        try (WavReader reader = WavReader.open(in)) {
            int channels = reader.channelCount();
            chain.prepare(new ProcessSpec(reader.sampleRate(), BLOCK_FRAMES, channels));
            chain.reset();
            WavWriter writer = WavWriter.create(out, reader.sampleRate(), channels, reader.format().sampleFormat(),
                    WavWriteOptions.builder().protectedInput(in).build());
            try {
                streamThrough(chain, reader, writer);
                writer.close();
            } catch (IOException | RuntimeException e) {
                writer.abort();
                throw e;
            }
            return writer.framesWritten();
        }
    }

    private static void streamThrough(EffectChain chain, WavReader reader, WavWriter writer) throws IOException {
        int channels = reader.channelCount();
        float[][] work = new float[channels][BLOCK_FRAMES];
        AudioBlock view = new AudioBlock(work, 0, BLOCK_FRAMES);
        long inputFrames = reader.frames();
        // The first `latency` output frames come before the input's first frame: drop them, and
        // feed as many frames of silence after the end so the output keeps the input's length.
        long toSkip = chain.latencySamples();
        long toWrite = inputFrames;
        while (toWrite > 0) {
            int n = reader.read(work, 0, BLOCK_FRAMES);
            if (n < BLOCK_FRAMES) {
                for (float[] channel : work) {
                    Arrays.fill(channel, n, BLOCK_FRAMES, 0f);
                }
                n = BLOCK_FRAMES;
            }
            chain.process(view.moveTo(0, n));
            int skip = (int) Math.min(toSkip, n);
            toSkip -= skip;
            int keep = (int) Math.min(n - skip, toWrite);
            if (keep > 0) {
                writer.write(work, skip, keep);
                toWrite -= keep;
            }
        }
    }
}
