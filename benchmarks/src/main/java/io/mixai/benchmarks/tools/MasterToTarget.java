package io.mixai.benchmarks.tools;

import io.mixai.audio.AudioBlock;
import io.mixai.audio.AudioFileException;
import io.mixai.audio.wav.WavReader;
import io.mixai.chain.EffectChain;
import io.mixai.dsp.analysis.LoudnessMeter;
import io.mixai.spi.EffectRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Two-pass loudness normalisation of a WAV file to a target integrated loudness under a
 * true-peak ceiling, streaming: pass 1 measures the file's integrated loudness (BS.1770-4),
 * pass 2 renders it through {@code gain} (target - measured) → true-peak {@code limiter}.
 * The same job as ffmpeg's two-pass {@code loudnorm}, for {@code compare-tools.sh}.
 *
 * <pre>java -cp benchmarks.jar io.mixai.benchmarks.tools.MasterToTarget IN.wav OUT.wav [LUFS [DBTP]]</pre>
 *
 * <p>Defaults: -14 LUFS, -1 dBTP (a streaming target). This is the benchmarks' stand-in for
 * {@code mixai master}, not the mastering engine: it sets level and peaks, not tone or dynamics.
 */
public final class MasterToTarget {

    private MasterToTarget() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2 || args.length > 4) {
            System.err.println("usage: MasterToTarget IN.wav OUT.wav [TARGET_LUFS [CEILING_DBTP]]");
            System.exit(2);
        }
        long started = System.nanoTime();
        Path in = Path.of(args[0]);
        double target = args.length > 2 ? Double.parseDouble(args[2]) : -14;
        double ceiling = args.length > 3 ? Double.parseDouble(args[3]) : -1;
        double measured = integratedLoudness(in);
        // The gain effect's range is -100..+40 dB; a file quieter than that is no music to master.
        double gain = Math.max(-100, Math.min(40, target - measured));
        EffectChain chain = EffectChain.builder(EffectRegistry.discover())
                .add("gain", Map.of("gain_db", gain))
                .add("limiter", Map.of("ceiling_dbtp", ceiling))
                .build();
        long frames = RenderChain.render(in, chain, Path.of(args[1]));
        // compare-tools.sh reads the processing time: the time after JVM start-up, from main() on
        System.err.printf("measured %.2f LUFS, gain %+.2f dB, ceiling %.1f dBTP, %d frames to %s; processing %.3f s%n",
                measured, gain, ceiling, frames, args[1], (System.nanoTime() - started) / 1e9);
    }

    /** Pass 1: the integrated loudness of a file, in blocks. */
    static double integratedLoudness(Path file) throws IOException {
        try (WavReader in = WavReader.open(file)) {
            LoudnessMeter meter = new LoudnessMeter(in.sampleRate(), in.channelCount());
            float[][] work = new float[in.channelCount()][RenderChain.BLOCK_FRAMES];
            AudioBlock block = new AudioBlock(work, 0, RenderChain.BLOCK_FRAMES);
            for (int n; (n = in.read(work, 0, RenderChain.BLOCK_FRAMES)) > 0; ) {
                meter.process(block.moveTo(0, n));
            }
            return meter.integratedLufs().orElseThrow(
                    () -> new AudioFileException(file, "is silent or too short to have an integrated loudness"));
        }
    }
}
