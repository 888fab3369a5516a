package io.mixai.benchmarks;

import io.mixai.dsp.features.FeatureConfig;
import io.mixai.dsp.features.MelFilterBank;
import io.mixai.dsp.features.Mfcc;
import io.mixai.dsp.features.PowerToDb;
import io.mixai.dsp.features.Stft;
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
 * librosa-compatible features of a 10 s mono clip at 22.05 kHz with librosa's defaults (n_fft
 * 2048, hop 512, 128 mels, 20 MFCCs): the STFT alone, the mel spectrogram and the whole MFCC
 * chain. Each invocation analyses the whole clip, so the score is samples per second; / 22050 =
 * multiple of real time. Mono by design (librosa's features are of a mono mix), and whole-clip
 * (no block size): the STFT frames are centred and padded, which needs the clip.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class FeaturesBenchmark {

    /** 10 s at librosa's default 22050 Hz. */
    static final int CLIP_SAMPLES = 10 * 22_050;

    private float[] clip;
    private Stft stft;
    private MelFilterBank mel;
    private Mfcc mfcc;

    @Setup
    public void setUp() {
        FeatureConfig config = FeatureConfig.defaults();
        clip = BenchmarkSignals.programmeNoise(1, CLIP_SAMPLES)[0];
        stft = new Stft(config);
        mel = MelFilterBank.of(config);
        mfcc = new Mfcc(config.nMels(), config.nMfcc());
    }

    @Benchmark
    @OperationsPerInvocation(CLIP_SAMPLES)
    public float[][] stftMagnitude() {
        return stft.magnitude(clip);
    }

    @Benchmark
    @OperationsPerInvocation(CLIP_SAMPLES)
    public float[][] melSpectrogram() {
        return mel.apply(stft.power(clip));
    }

    @Benchmark
    @OperationsPerInvocation(CLIP_SAMPLES)
    public float[][] mfcc() {
        return mfcc.apply(PowerToDb.apply(mel.apply(stft.power(clip))));
    }
}
