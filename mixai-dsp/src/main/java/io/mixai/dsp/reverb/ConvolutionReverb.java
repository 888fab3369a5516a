package io.mixai.dsp.reverb;

import io.mixai.audio.AudioBlock;
import io.mixai.audio.AudioBuffer;
import io.mixai.dsp.effect.AbstractEffect;
import io.mixai.dsp.effect.SafeSamples;
import io.mixai.dsp.spectral.PartitionedConvolver;
import io.mixai.dsp.spectral.PartitionedFilter;
import io.mixai.param.ParameterSet;
import io.mixai.process.ProcessSpec;
import java.util.Arrays;
import java.util.Objects;
import java.util.Random;

/**
 * The {@code convolution_reverb} effect: convolves the input with an impulse response by
 * uniformly partitioned FFT convolution ({@link PartitionedConvolver}, partitions of
 * {@value #PARTITION_SIZE} samples), so impulse responses of several seconds run many times
 * faster than real time.
 *
 * <p>The output is the wet signal (pre-delayed, scaled by {@code gain_db}) cross-faded with the
 * dry signal by {@code mix_percent}. Both paths are delayed by one partition, which is the
 * reported {@link #latencySamples() latency}; the output does not depend on the host's block
 * size because audio is gathered into fixed partitions internally.
 *
 * <p>Build one with a recorded impulse response through {@link #withImpulseResponse}. Channel
 * {@code c} of the input is convolved with channel {@code c % n} of an {@code n}-channel
 * impulse response, which must have the sample rate the effect is prepared for. The
 * {@link ConvolutionReverbProvider provider}, which has no way to receive audio, uses
 * {@link #defaultImpulseResponse(int)}.
 */
public final class ConvolutionReverb extends AbstractEffect {

    /** The effect type id. */
    public static final String TYPE = "convolution_reverb";
    /** Samples per partition: the latency and the granularity of the internal processing. */
    public static final int PARTITION_SIZE = 512;
    /** Longest accepted impulse response, in seconds (memory stays bounded). */
    public static final double MAX_IMPULSE_RESPONSE_SECONDS = 60;

    /** Seed and shape of the built-in impulse response; changing them changes every default render. */
    private static final long DEFAULT_SEED = 0x6D69786169L;
    private static final double DEFAULT_LENGTH_S = 2.5;
    private static final double DEFAULT_RT60_S = 1.6;
    private static final double MAX_PREDELAY_S = 0.25;

    private final float[][] userResponse;
    private final int userResponseRate;

    private int sampleRate;
    private int channels;
    private int responseLength;
    private PartitionedConvolver[] convolvers;
    /** Pre-delayed input and convolved output of the current chunk (at most one partition). */
    private float[][] wetInput;
    private double[][] wetOutput;
    /** Delays the dry path by the convolvers' latency, so dry and wet stay aligned. */
    private float[][] dryDelay;
    private int dryDelayPosition;
    private float[][] predelay;
    private int predelayMask;
    private int predelayWrite;
    private int predelaySamples;
    private final SmoothedValue dryGain = new SmoothedValue();
    private final SmoothedValue wetGain = new SmoothedValue();

    private ConvolutionReverb(float[][] userResponse, int userResponseRate, ParameterSet parameters) {
        super(TYPE, parameters);
        this.userResponse = userResponse;
        this.userResponseRate = userResponseRate;
    }

    /** A convolution reverb with the given impulse response and default parameters. */
    public static ConvolutionReverb withImpulseResponse(AudioBuffer impulseResponse) {
        return withImpulseResponse(impulseResponse, new ConvolutionReverbProvider().defaults());
    }

    /**
     * A convolution reverb with the given impulse response (copied, used as recorded: no
     * normalisation) and parameters.
     *
     * @throws IllegalArgumentException if the impulse response is empty, longer than
     *     {@value #MAX_IMPULSE_RESPONSE_SECONDS} s, or holds NaN or infinite samples
     */
    public static ConvolutionReverb withImpulseResponse(AudioBuffer impulseResponse, ParameterSet parameters) {
        Objects.requireNonNull(impulseResponse, "impulseResponse");
        if (impulseResponse.frames() == 0) {
            throw new IllegalArgumentException("impulse response is empty");
        }
        if (impulseResponse.durationSeconds() > MAX_IMPULSE_RESPONSE_SECONDS) {
            throw new IllegalArgumentException("impulse response is " + impulseResponse.durationSeconds()
                    + " s long; at most " + MAX_IMPULSE_RESPONSE_SECONDS + " s is accepted");
        }
        float[][] copy = new float[impulseResponse.channelCount()][];
        for (int c = 0; c < copy.length; c++) {
            copy[c] = impulseResponse.channel(c).clone();
            for (int i = 0; i < copy[c].length; i++) {
                if (!Float.isFinite(copy[c][i])) {
                    throw new IllegalArgumentException("impulse response channel " + c + " frame " + i
                            + " is " + copy[c][i] + "; samples must be finite");
                }
            }
        }
        return new ConvolutionReverb(copy, impulseResponse.sampleRate(), parameters);
    }

    /** A convolution reverb with the built-in {@link #defaultImpulseResponse(int) impulse response}. */
    public static ConvolutionReverb withDefaultImpulseResponse(ParameterSet parameters) {
        return new ConvolutionReverb(null, 0, parameters);
    }

    /**
     * The built-in impulse response: 2.5 s of stereo Gaussian noise (seeded, so identical on
     * every machine; left and right independent) under an exponential envelope of RT60 1.6 s,
     * each channel scaled to unit energy so a noise-like input keeps its level. A neutral,
     * dense hall-like tail with a flat spectrum.
     */
    public static AudioBuffer defaultImpulseResponse(int sampleRate) {
        int frames = (int) Math.round(DEFAULT_LENGTH_S * sampleRate);
        AudioBuffer ir = AudioBuffer.allocate(2, frames, sampleRate);
        double decayPerSample = Math.log(1000.0) / (DEFAULT_RT60_S * sampleRate); // -60 dB amplitude at RT60
        for (int c = 0; c < 2; c++) {
            Random random = new Random(DEFAULT_SEED + c);
            float[] samples = ir.channel(c);
            double energy = 0;
            double[] raw = new double[frames];
            for (int i = 0; i < frames; i++) {
                raw[i] = random.nextGaussian() * Math.exp(-decayPerSample * i);
                energy += raw[i] * raw[i];
            }
            double scale = 1.0 / Math.sqrt(energy);
            for (int i = 0; i < frames; i++) {
                samples[i] = (float) (raw[i] * scale);
            }
        }
        return ir;
    }

    @Override
    protected void onPrepare(ProcessSpec spec, ParameterSet parameters) {
        float[][] response;
        if (userResponse == null) {
            AudioBuffer builtIn = defaultImpulseResponse(spec.sampleRate());
            response = new float[][] {builtIn.channel(0), builtIn.channel(1)};
        } else {
            if (userResponseRate != spec.sampleRate()) {
                throw new IllegalArgumentException("convolution_reverb: the impulse response is at "
                        + userResponseRate + " Hz but the effect is prepared for " + spec.sampleRate()
                        + " Hz; resample the impulse response first");
            }
            response = userResponse;
        }
        channels = spec.channels();
        PartitionedFilter[] partitioned = new PartitionedFilter[response.length];
        for (int r = 0; r < response.length; r++) {
            partitioned[r] = PartitionedFilter.of(response[r], PARTITION_SIZE);
        }
        responseLength = response[0].length;
        convolvers = new PartitionedConvolver[channels];
        for (int c = 0; c < channels; c++) {
            convolvers[c] = new PartitionedConvolver(partitioned[c % partitioned.length]);
        }
        wetInput = new float[channels][PARTITION_SIZE];
        wetOutput = new double[channels][PARTITION_SIZE];
        dryDelay = new float[channels][PARTITION_SIZE];
        int predelayCapacity = Integer.highestOneBit((int) Math.ceil(MAX_PREDELAY_S * spec.sampleRate()) + 2) * 2;
        predelay = new float[channels][predelayCapacity];
        predelayMask = predelayCapacity - 1;
        dryGain.prepare(spec.sampleRate(), 0.01);
        wetGain.prepare(spec.sampleRate(), 0.01);
        this.sampleRate = spec.sampleRate();
        onParameters(parameters);
        onReset();
    }

    /** Clears the convolution and delay state and lets the gains jump to the latest parameters. */
    @Override
    protected void onReset() {
        for (int c = 0; c < channels; c++) {
            convolvers[c].reset();
            Arrays.fill(wetInput[c], 0f);
            Arrays.fill(wetOutput[c], 0);
            Arrays.fill(dryDelay[c], 0f);
            Arrays.fill(predelay[c], 0f);
        }
        dryDelayPosition = 0;
        predelayWrite = 0;
        takeRequestedParameters();
        dryGain.settle();
        wetGain.settle();
    }

    @Override
    protected void onParameters(ParameterSet p) {
        double mix = p.get("mix_percent") / 100.0;
        dryGain.setTarget(1.0 - mix);
        wetGain.setTarget(mix * Math.pow(10.0, p.get("gain_db") / 20.0));
        predelaySamples = (int) Math.round(p.get("predelay_ms") / 1000.0 * sampleRate);
    }

    @Override
    protected void processBlock(AudioBlock block) {
        int frames = block.frames();
        int blockChannels = block.channelCount();
        for (int done = 0; done < frames; done += PARTITION_SIZE) {
            int from = block.offset() + done;
            int n = Math.min(PARTITION_SIZE, frames - done);
            predelayIntoWetInput(block, blockChannels, from, n);
            for (int c = 0; c < blockChannels; c++) {
                convolvers[c].process(wetInput[c], 0, wetOutput[c], 0, n);
            }
            mixDryAndWet(block, blockChannels, from, n);
        }
    }

    /** Writes {@code n} input frames from {@code from} into the pre-delay lines and reads the wet input out. */
    private void predelayIntoWetInput(AudioBlock block, int blockChannels, int from, int n) {
        for (int c = 0; c < blockChannels; c++) {
            float[] in = block.channel(c);
            float[] line = predelay[c];
            float[] wet = wetInput[c];
            int write = predelayWrite;
            for (int i = 0; i < n; i++) {
                line[write] = (float) SafeSamples.fromInput(in[from + i]);
                wet[i] = line[(write - predelaySamples) & predelayMask];
                write = (write + 1) & predelayMask;
            }
        }
        predelayWrite = (predelayWrite + n) & predelayMask;
    }

    /** Replaces {@code n} frames from {@code from} with the delayed dry signal plus the wet output, both gliding gains. */
    private void mixDryAndWet(AudioBlock block, int blockChannels, int from, int n) {
        for (int i = 0; i < n; i++) {
            double dry = dryGain.next();
            double wet = wetGain.next();
            for (int c = 0; c < blockChannels; c++) {
                float[] ch = block.channel(c);
                float x = (float) SafeSamples.fromInput(ch[from + i]);
                float delayedDry = dryDelay[c][dryDelayPosition];
                dryDelay[c][dryDelayPosition] = x;
                ch[from + i] = SafeSamples.toOutput(dry * delayedDry + wet * wetOutput[c][i]);
            }
            dryDelayPosition = dryDelayPosition + 1 == PARTITION_SIZE ? 0 : dryDelayPosition + 1;
        }
    }

    @Override
    public int latencySamples() {
        return PARTITION_SIZE; // the convolvers' latency
    }

    @Override
    public int tailSamples() {
        if (spec() == null) {
            return 0;
        }
        return responseLength - 1 + (int) Math.round(parameters().get("predelay_ms") / 1000.0 * sampleRate);
    }
}
