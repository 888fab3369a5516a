package io.mixai.benchmarks.tools;

import io.mixai.audio.SampleFormat;
import io.mixai.audio.wav.WavReader;
import io.mixai.audio.wav.WavWriteOptions;
import io.mixai.chain.ChainRenderer;
import io.mixai.chain.EffectChain;
import io.mixai.settings.ChainJson;
import io.mixai.spi.EffectRegistry;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Renders a WAV file through an effect chain saved as chain JSON ({@link ChainJson}), streaming:
 * memory does not grow with the file. Output has the input's rate, channels and sample format
 * (TPDF-dithered for integer formats) and its length, aligned with it (the chain's latency is
 * compensated; ring-out past the end is cut, as by {@link EffectChain#render}).
 *
 * <pre>java -cp benchmarks.jar io.mixai.benchmarks.tools.RenderChain IN.wav CHAIN.json OUT.wav</pre>
 *
 * <p>The benchmarks' fallback for {@code mixai render-chain} (compare-tools.sh uses the CLI when
 * its jar has the command) and {@link MasterToTarget}'s renderer; the streaming itself is
 * {@link ChainRenderer}'s, as in the CLI.
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
        SampleFormat format;
        try (WavReader reader = WavReader.open(in)) {
            format = reader.format().sampleFormat();
        }
        return ChainRenderer.renderFile(chain, in, out, format, WavWriteOptions.builder().protectedInput(in).build());
    }
}
