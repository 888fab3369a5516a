package io.mixai.dsp.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixai.audio.AudioBlock;
import io.mixai.process.AudioProcessor;
import io.mixai.process.ProcessSpec;
import java.util.function.Supplier;

/** Offline rendering and real-time-discipline checks shared by the effect tests. */
public final class EffectHarness {

    private EffectHarness() {
    }

    /** Prepares the processor and runs a copy of {@code input} through it in blocks of {@code blockSize}. */
    public static float[][] render(AudioProcessor processor, float[][] input, int blockSize, int sampleRate) {
        processor.prepare(new ProcessSpec(sampleRate, blockSize, input.length));
        return continueRender(processor, input, blockSize);
    }

    /** Runs a copy of {@code input} through an already prepared processor. */
    public static float[][] continueRender(AudioProcessor processor, float[][] input, int blockSize) {
        float[][] audio = new float[input.length][];
        for (int c = 0; c < input.length; c++) {
            audio[c] = input[c].clone();
        }
        int frames = audio[0].length;
        AudioBlock block = new AudioBlock(audio, 0, 0);
        for (int start = 0; start < frames; start += blockSize) {
            block.moveTo(start, Math.min(blockSize, frames - start));
            processor.process(block);
        }
        return audio;
    }

    /** Renders once per block size and asserts that every rendering is bit-identical to the first. */
    public static void assertBlockSizeIndependent(Supplier<? extends AudioProcessor> factory, float[][] input,
            int sampleRate, int... blockSizes) {
        float[][] reference = render(factory.get(), input, blockSizes[0], sampleRate);
        for (int i = 1; i < blockSizes.length; i++) {
            float[][] other = render(factory.get(), input, blockSizes[i], sampleRate);
            for (int c = 0; c < input.length; c++) {
                for (int n = 0; n < reference[c].length; n++) {
                    if (Float.floatToRawIntBits(reference[c][n]) != Float.floatToRawIntBits(other[c][n])) {
                        throw new AssertionError("block size " + blockSizes[i] + " differs from " + blockSizes[0]
                                + " at channel " + c + " frame " + n + ": " + other[c][n] + " vs " + reference[c][n]);
                    }
                }
            }
        }
    }

    /** Bytes allocated by the current thread while {@code work} runs. */
    public static long allocatedBytes(Runnable work) {
        ThreadAllocationMeter meter = new ThreadAllocationMeter();
        long before = meter.allocatedBytes();
        work.run();
        return meter.allocatedBytes() - before;
    }

    /**
     * Asserts that a prepared processor allocates nothing in {@code process}: it warms up with
     * {@code blocks} blocks, then counts the bytes allocated by as many more.
     */
    public static void assertProcessAllocatesNothing(AudioProcessor processor, float[][] signal, int blockSize) {
        AudioBlock block = new AudioBlock(signal, 0, blockSize);
        int frames = signal[0].length;
        Runnable run = () -> {
            for (int start = 0; start + blockSize <= frames; start += blockSize) {
                block.moveTo(start, blockSize);
                processor.process(block);
            }
        };
        for (int i = 0; i < 5; i++) {
            run.run();
        }
        long bytes = allocatedBytes(run);
        assertTrue(bytes == 0, "process() allocated " + bytes + " bytes");
    }

    /** Asserts that every sample is finite and either zero or a normal float. */
    public static void assertFiniteAndNormal(float[][] audio) {
        for (int c = 0; c < audio.length; c++) {
            for (int n = 0; n < audio[c].length; n++) {
                float x = audio[c][n];
                if (!Float.isFinite(x) || (x != 0f && Math.abs(x) < Float.MIN_NORMAL)) {
                    throw new AssertionError("channel " + c + " frame " + n + " is " + x);
                }
            }
        }
    }

    /** Uniform white noise in [-amplitude, amplitude], reproducible from the seed. */
    public static float[][] noise(int channels, int frames, double amplitude, long seed) {
        java.util.Random random = new java.util.Random(seed);
        float[][] out = new float[channels][frames];
        for (int c = 0; c < channels; c++) {
            for (int n = 0; n < frames; n++) {
                out[c][n] = (float) (amplitude * (2 * random.nextDouble() - 1));
            }
        }
        return out;
    }
}
