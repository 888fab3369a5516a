package io.mixai.chain;

import io.mixai.audio.AudioBlock;
import io.mixai.audio.AudioFileException;
import io.mixai.audio.SampleFormat;
import io.mixai.audio.wav.WavReader;
import io.mixai.audio.wav.WavWriteOptions;
import io.mixai.audio.wav.WavWriter;
import io.mixai.process.AudioProcessor;
import io.mixai.process.ProcessSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;

/**
 * Streams audio through a processor offline with latency compensation, the streaming
 * counterpart of {@link EffectChain#render}: the processor is prepared and reset, the input is
 * followed by {@link AudioProcessor#latencySamples()} frames of silence, and the first latency
 * frames of output are dropped, so output frame n lines up with input frame n and the output is
 * exactly as long as the input. Because processors are block-size independent, the samples are
 * the same as {@link EffectChain#render}'s, bit for bit, while memory stays one block.
 */
public final class ChainRenderer {

    /** Supplies input: fills {@code dest[c][offset ..]} with up to {@code maxFrames} frames; 0 means the end. */
    @FunctionalInterface
    public interface Source {
        int read(float[][] dest, int offset, int maxFrames) throws IOException;
    }

    /** Receives aligned output frames {@code block[c][offset .. offset + frames)}. */
    @FunctionalInterface
    public interface Sink {
        void accept(float[][] block, int offset, int frames) throws IOException;
    }

    private ChainRenderer() {
    }

    /**
     * Renders a stream.
     *
     * @return the number of frames delivered to the sink (the number read from the source)
     */
    public static long render(AudioProcessor processor, int sampleRate, int channels, Source in, Sink out)
            throws IOException {
        Objects.requireNonNull(processor, "processor");
        processor.prepare(new ProcessSpec(sampleRate, EffectChain.RENDER_BLOCK_FRAMES, channels));
        processor.reset();
        return run(processor, channels, in, out, 0);
    }

    /**
     * The render loop, for a processor already prepared (with at least
     * {@link EffectChain#RENDER_BLOCK_FRAMES} frames per block) and reset: feeds the input, then
     * {@code extraFrames} plus the latency of silence, and delivers everything after the first
     * latency frames, so the sink receives the input's length plus {@code extraFrames}.
     */
    static long run(AudioProcessor processor, int channels, Source in, Sink out, long extraFrames)
            throws IOException {
        int blockFrames = EffectChain.RENDER_BLOCK_FRAMES;
        int latency = processor.latencySamples();
        long zerosNeeded = extraFrames + latency;
        float[][] work = new float[channels][blockFrames];
        AudioBlock view = new AudioBlock(work, 0, blockFrames);
        boolean inputDone = false;
        long zerosFed = 0;
        long pipelineFrames = 0;
        long delivered = 0;
        while (true) {
            int n = 0;
            if (!inputDone) {
                n = in.read(work, 0, blockFrames);
                inputDone = n == 0;
            }
            if (inputDone) {
                long need = zerosNeeded - zerosFed;
                if (need <= 0) {
                    break;
                }
                n = (int) Math.min(blockFrames, need);
                for (float[] ch : work) {
                    Arrays.fill(ch, 0, n, 0f);
                }
                zerosFed += n;
            }
            processor.process(view.moveTo(0, n));
            int skip = (int) Math.min(n, Math.max(0, latency - pipelineFrames));
            pipelineFrames += n;
            if (n > skip) {
                out.accept(work, skip, n - skip);
                delivered += n - skip;
            }
        }
        return delivered;
    }

    /**
     * Renders a WAV file through a chain into another WAV file of the same rate and channel
     * count, atomically (nothing appears at {@code output} unless the whole render succeeds).
     * Integer formats up to 24 bits are dithered as {@code options} say; give the input as a
     * protected input in the options to refuse overwriting it.
     */
    public static long renderFile(AudioProcessor chain, Path input, Path output, SampleFormat format,
            WavWriteOptions options) throws IOException {
        try (WavReader reader = WavReader.open(input)) {
            WavWriter writer = WavWriter.create(output, reader.sampleRate(), reader.channelCount(), format, options);
            try {
                long frames = render(chain, reader.sampleRate(), reader.channelCount(), reader::read, writer::write);
                if (frames != reader.frames()) {
                    throw new AudioFileException(reader.file(), "data ended after " + frames + " of "
                            + reader.frames() + " frames");
                }
                writer.close();
                return frames;
            } catch (IOException | RuntimeException | Error e) {
                writer.abort();
                throw e;
            }
        }
    }
}
