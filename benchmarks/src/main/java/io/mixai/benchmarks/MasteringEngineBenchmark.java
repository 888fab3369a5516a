package io.mixai.benchmarks;

import io.mixai.audio.AudioBuffer;
import io.mixai.master.Mastering;
import io.mixai.master.MasteringResult;
import io.mixai.master.Target;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The mastering engine end to end, in memory: {@code Mastering.of(track).target(STREAMING)
 * .render()} on {@value #SECONDS} s of stereo 44.1 kHz noise whose level swells and fades
 * (analysis, planning, the rendered chain and its metering). Score: frames per second of the
 * whole job; / 44100 = multiple of real time. Whole-process figures with JVM start-up and file
 * I/O are in {@code compare-tools.sh}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class MasteringEngineBenchmark {

    static final int SAMPLE_RATE = 44_100;
    static final int SECONDS = 10;
    static final int FRAMES = SECONDS * SAMPLE_RATE;

    private AudioBuffer track;

    @Setup
    public void setUp() {
        float[][] audio = BenchmarkSignals.programmeNoise(2, FRAMES);
        for (float[] channel : audio) {
            for (int i = 0; i < FRAMES; i++) {
                // a 0.25 Hz swell of +-6 dB, so the dynamics have something to do
                channel[i] *= (float) Math.pow(2, Math.sin(2 * Math.PI * 0.25 * i / SAMPLE_RATE));
            }
        }
        track = AudioBuffer.wrap(audio, SAMPLE_RATE);
    }

    @Benchmark
    @OperationsPerInvocation(FRAMES)
    public MasteringResult masterToStreamingTarget() throws IOException {
        return Mastering.of(track).target(Target.STREAMING).render();
    }
}
