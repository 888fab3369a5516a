package io.mixai.benchmarks;

import io.mixai.dsp.features.FeatureConfig;
import io.mixai.dsp.features.MelFilterBank;
import io.mixai.dsp.features.Mfcc;
import io.mixai.dsp.features.PowerToDb;
import io.mixai.dsp.features.Stft;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * librosa-compatible features of 10 s of mono audio at 22.05 kHz with librosa's defaults
 * (n_fft 2048, hop 512, 128 mels, 20 MFCCs): the time per clip for the STFT alone, the mel
 * spectrogram and the whole MFCC chain.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class FeaturesBenchmark {

    private float[] clip;
    private Stft stft;
    private MelFilterBank mel;
    private Mfcc mfcc;

    @Setup
    public void setUp() {
        FeatureConfig config = FeatureConfig.defaults();
        Random random = new Random(1);
        clip = new float[10 * config.sampleRate()];
        for (int i = 0; i < clip.length; i++) {
            clip[i] = (float) (0.1 * random.nextGaussian());
        }
        stft = new Stft(config);
        mel = MelFilterBank.of(config);
        mfcc = new Mfcc(config.nMels(), config.nMfcc());
    }

    @Benchmark
    public float[][] stftMagnitude() {
        return stft.magnitude(clip);
    }

    @Benchmark
    public float[][] melSpectrogram() {
        return mel.apply(stft.power(clip));
    }

    @Benchmark
    public float[][] mfcc() {
        return mfcc.apply(PowerToDb.apply(mel.apply(stft.power(clip))));
    }
}
