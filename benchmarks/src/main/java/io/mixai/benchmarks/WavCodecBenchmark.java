package io.mixai.benchmarks;

import io.mixai.audio.SampleFormat;
import io.mixai.audio.wav.WavReader;
import io.mixai.audio.wav.WavWriteOptions;
import io.mixai.audio.wav.WavWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * WAV decode and encode of a whole {@value #SECONDS} s stereo 48 kHz file, 16 and 24-bit:
 * {@link #decode()} opens the file made in {@link #setUp()}, reads it in blocks of
 * {@code blockSize} frames and closes it; {@link #encode()} creates a file with a
 * {@link WavWriter} (TPDF dither on, as by default), writes the audio in blocks and closes it,
 * which patches the header and moves the file into place. Score: frames per second; / 48000 =
 * multiple of real time. The file is small enough to stay in the page cache, so this measures
 * the codec and the system calls, not the disk.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class WavCodecBenchmark {

    static final int SAMPLE_RATE = 48_000;
    static final int SECONDS = 2;
    static final int FRAMES = SECONDS * SAMPLE_RATE;

    @Param({"16", "24"})
    public int bits;

    @Param({"4096"})
    public int blockSize;

    @Param({"2"})
    public int channels;

    private Path directory;
    private Path source;
    private Path target;
    private SampleFormat format;
    private float[][] audio;

    @Setup
    public void setUp() throws IOException {
        format = bits == 16 ? SampleFormat.PCM_16 : SampleFormat.PCM_24;
        directory = Files.createTempDirectory("mixai-wav-bench");
        source = directory.resolve("source.wav");
        target = directory.resolve("target.wav");
        audio = BenchmarkSignals.programmeNoise(channels, FRAMES);
        write(source);
    }

    @TearDown
    public void tearDown() throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    @Benchmark
    @OperationsPerInvocation(FRAMES)
    public float[][] decode() throws IOException {
        try (WavReader in = WavReader.open(source)) {
            int offset = 0;
            for (int n; (n = in.read(audio, offset, Math.min(blockSize, FRAMES - offset))) > 0; ) {
                offset += n;
            }
        }
        return audio;
    }

    @Benchmark
    @OperationsPerInvocation(FRAMES)
    public long encode() throws IOException {
        return write(target);
    }

    private long write(Path file) throws IOException {
        WavWriter out = WavWriter.create(file, SAMPLE_RATE, channels, format, WavWriteOptions.defaults());
        try {
            for (int start = 0; start < FRAMES; start += blockSize) {
                out.write(audio, start, Math.min(blockSize, FRAMES - start));
            }
            out.close();
        } catch (IOException | RuntimeException e) {
            out.abort();
            throw e;
        }
        return out.framesWritten();
    }
}
