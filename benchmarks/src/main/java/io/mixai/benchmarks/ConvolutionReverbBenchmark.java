package io.mixai.benchmarks;

import io.mixai.audio.AudioBuffer;
import io.mixai.dsp.reverb.ConvolutionReverb;
import io.mixai.dsp.reverb.ConvolutionReverbProvider;
import io.mixai.process.AudioProcessor;
import java.util.Random;

/**
 * The {@code convolution_reverb} with a 3 s impulse response (exponentially decaying noise, one
 * channel of it per input channel: true stereo for stereo input) on noise at -20 dBFS RMS.
 * Score: frames per second; / 48000 = multiple of real time (see {@link EffectBenchmark}).
 */
public class ConvolutionReverbBenchmark extends EffectBenchmark {

    @Override
    protected AudioProcessor createProcessor() {
        float[][] ir = BenchmarkSignals.uniformNoise(channels, 3 * SAMPLE_RATE, new Random(2));
        for (float[] channel : ir) {
            for (int i = 0; i < channel.length; i++) {
                channel[i] *= (float) (0.1 * Math.exp(-i / (0.4 * SAMPLE_RATE)));
            }
        }
        return ConvolutionReverb.withImpulseResponse(AudioBuffer.wrap(ir, SAMPLE_RATE),
                new ConvolutionReverbProvider().defaults());
    }
}
