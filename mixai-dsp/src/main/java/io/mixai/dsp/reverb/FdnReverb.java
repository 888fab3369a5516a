package io.mixai.dsp.reverb;

import io.mixai.audio.AudioBlock;
import io.mixai.dsp.effect.AbstractEffect;
import io.mixai.dsp.effect.SafeSamples;
import io.mixai.param.ParameterSet;
import io.mixai.process.ProcessSpec;
import java.util.Arrays;

/**
 * An algorithmic reverb built as a 16-line feedback delay network (Jot and Chaigne 1991;
 * Välimäki, Parker, Savioja, Smith and Abel, "Fifty Years of Artificial Reverberation", IEEE
 * TASLP 2012, section IV).
 *
 * <p>Signal flow: mono sum of the inputs, pre-delay, four series Schroeder allpasses (input
 * diffusion, so the echo density is high from the start), then the network: sixteen delay
 * lines of mutually prime lengths, each followed by an absorption filter, mixed by a
 * normalised 16x16 Hadamard matrix (orthogonal, hence lossless, and applied as a fast
 * Walsh-Hadamard transform in 64 additions). Two orthogonal sign patterns tap the lines for the
 * left and right wet signals, which a mid/side width control then narrows.
 *
 * <p>Absorption (Jot): a line of {@code d} samples gets the gain
 * {@code g = 10^(-3 d / (fs RT60))}, so every recirculation loses the same number of decibels
 * per second and all modes decay with the set RT60. Damping puts a one-pole low-pass
 * {@code (1-a) g / (1 - a z^-1)} in each line whose DC gain is {@code g} and whose Nyquist
 * gain corresponds to a shorter RT60 at high frequencies ({@code RT60 * (1 - 0.9 damping)}).
 *
 * <p>States are flushed to zero once they fall below 1e-20 (-400 dB), so a decayed tail is
 * exactly silent and never runs through denormal numbers. No modulation: the output is a
 * linear time-invariant function of the input for fixed parameters.
 */
final class FdnReverb extends AbstractEffect {

    static final String TYPE = "reverb";

    static final int LINES = 16;
    /** Shortest and longest line at size 100 %, in seconds (geometric spacing in between). */
    private static final double SHORTEST_LINE_S = 0.025;
    private static final double LONGEST_LINE_S = 0.0875;
    /** Input diffuser lengths at size 100 % (s) and gains, after Dattorro's plate (JAES 1997). */
    private static final double[] DIFFUSER_S = {0.00476, 0.00358, 0.01273, 0.00930};
    private static final double[] DIFFUSER_GAIN = {0.75, 0.75, 0.625, 0.625};
    private static final double DIFFUSER_TOTAL_S = 0.00476 + 0.00358 + 0.01273 + 0.00930;
    private static final double MAX_PREDELAY_S = 0.25;
    private static final double FLUSH = 1e-20;
    /** Sign patterns (rows of the 16x16 Hadamard matrix) for input injection and the two taps. */
    private static final int INPUT_ROW = 3;
    private static final int LEFT_ROW = 6;
    private static final int RIGHT_ROW = 9;

    private int sampleRate;

    private float[][] lines;
    private int[] lineMask;
    private final int[] lineLength = new int[LINES];
    private final int[] lineWrite = new int[LINES];
    private final double[] lineGain = new double[LINES];
    private final double[] dampCoefficient = new double[LINES];
    private final double[] dampState = new double[LINES];
    private final double[] inputSign = new double[LINES];
    private final double[] leftSign = new double[LINES];
    private final double[] rightSign = new double[LINES];
    private final double[] mixVector = new double[LINES];

    private float[] predelay;
    private int predelayMask;
    private int predelayWrite;
    private int predelaySamples;

    private float[][] diffusers;
    private int[] diffuserMask;
    private final int[] diffuserLength = new int[DIFFUSER_S.length];
    private final int[] diffuserWrite = new int[DIFFUSER_S.length];

    private final SmoothedValue dryGain = new SmoothedValue();
    private final SmoothedValue wetGain = new SmoothedValue();
    private final SmoothedValue width = new SmoothedValue();

    FdnReverb(ParameterSet parameters) {
        super(TYPE, parameters);
        for (int i = 0; i < LINES; i++) {
            inputSign[i] = 0.25 * hadamardSign(INPUT_ROW, i);
            leftSign[i] = 0.25 * hadamardSign(LEFT_ROW, i);
            rightSign[i] = 0.25 * hadamardSign(RIGHT_ROW, i);
        }
    }

    /** Entry (row, column) of the Sylvester Hadamard matrix: (-1)^popcount(row & column). */
    private static int hadamardSign(int row, int column) {
        return (Integer.bitCount(row & column) & 1) == 0 ? 1 : -1;
    }

    @Override
    protected void onPrepare(ProcessSpec spec, ParameterSet parameters) {
        sampleRate = spec.sampleRate();
        lines = new float[LINES][];
        lineMask = new int[LINES];
        for (int i = 0; i < LINES; i++) {
            // room for the longest size plus the search for the next prime
            int capacity = Integer.highestOneBit((int) Math.ceil(baseLineSeconds(i) * sampleRate * 1.05) + 64) * 2;
            lines[i] = new float[capacity];
            lineMask[i] = capacity - 1;
        }
        diffusers = new float[DIFFUSER_S.length][];
        diffuserMask = new int[DIFFUSER_S.length];
        for (int k = 0; k < DIFFUSER_S.length; k++) {
            int capacity = Integer.highestOneBit((int) Math.ceil(DIFFUSER_S[k] * sampleRate) + 2) * 2;
            diffusers[k] = new float[capacity];
            diffuserMask[k] = capacity - 1;
        }
        int predelayCapacity = Integer.highestOneBit((int) Math.ceil(MAX_PREDELAY_S * sampleRate) + 2) * 2;
        predelay = new float[predelayCapacity];
        predelayMask = predelayCapacity - 1;
        dryGain.prepare(sampleRate, 0.01);
        wetGain.prepare(sampleRate, 0.01);
        width.prepare(sampleRate, 0.01);
        onParameters(parameters);
        onReset();
    }

    private static double baseLineSeconds(int line) {
        return SHORTEST_LINE_S * Math.pow(LONGEST_LINE_S / SHORTEST_LINE_S, line / (double) (LINES - 1));
    }

    /** Clears the network and lets the gains jump to the latest parameters (set since the last block or not). */
    @Override
    protected void onReset() {
        for (float[] line : lines) {
            Arrays.fill(line, 0f);
        }
        for (float[] d : diffusers) {
            Arrays.fill(d, 0f);
        }
        Arrays.fill(predelay, 0f);
        Arrays.fill(lineWrite, 0);
        Arrays.fill(diffuserWrite, 0);
        Arrays.fill(dampState, 0);
        predelayWrite = 0;
        takeRequestedParameters();
        dryGain.settle();
        wetGain.settle();
        width.settle();
    }

    /** Derives delay lengths and filter coefficients from a snapshot; allocates nothing. */
    @Override
    protected void onParameters(ParameterSet p) {
        double decay = p.get("decay_s");
        double damping = p.get("damping_percent") / 100.0;
        double sizeScale = 0.25 + 0.75 * p.get("size_percent") / 100.0;
        double mix = p.get("mix_percent") / 100.0;

        int previous = 1;
        for (int i = 0; i < LINES; i++) {
            int target = (int) Math.round(baseLineSeconds(i) * sizeScale * sampleRate);
            // distinct primes are mutually prime, which spreads the modes of the network evenly
            int length = nextPrime(Math.max(target, previous + 1));
            lineLength[i] = length;
            previous = length;
            double decayHf = decay * (1.0 - 0.9 * damping);
            double gDc = Math.pow(10.0, -3.0 * length / (sampleRate * decay));
            double gNyquist = Math.pow(10.0, -3.0 * length / (sampleRate * decayHf));
            double ratio = gNyquist / gDc;
            lineGain[i] = gDc;
            // one-pole (1-a)/(1-a z^-1): gain 1 at DC and (1-a)/(1+a) at Nyquist
            dampCoefficient[i] = (1.0 - ratio) / (1.0 + ratio);
        }
        for (int k = 0; k < DIFFUSER_S.length; k++) {
            diffuserLength[k] = Math.max(1, (int) Math.round(DIFFUSER_S[k] * sizeScale * sampleRate));
        }
        predelaySamples = (int) Math.round(p.get("predelay_ms") / 1000.0 * sampleRate);
        dryGain.setTarget(1.0 - mix);
        wetGain.setTarget(mix);
        width.setTarget(p.get("width_percent") / 100.0);
    }

    private static int nextPrime(int n) {
        int candidate = Math.max(2, n);
        while (!isPrime(candidate)) {
            candidate++;
        }
        return candidate;
    }

    private static boolean isPrime(int n) {
        if (n < 4) {
            return n >= 2;
        }
        if (n % 2 == 0) {
            return false;
        }
        for (int d = 3; (long) d * d <= n; d += 2) {
            if (n % d == 0) {
                return false;
            }
        }
        return true;
    }

    @Override
    protected void processBlock(AudioBlock block) {
        int frames = block.frames();
        int offset = block.offset();
        int blockChannels = block.channelCount();
        float[] first = block.channel(0);
        float[] second = blockChannels > 1 ? block.channel(1) : null;
        double inputScale = 1.0 / blockChannels;

        for (int n = 0; n < frames; n++) {
            double sum = 0;
            for (int c = 0; c < blockChannels; c++) {
                sum += (float) SafeSamples.fromInput(block.channel(c)[offset + n]);
            }
            double[] wet = wetFrame(sum * inputScale);
            double wetLeft = wet[0];
            double wetRight = wet[1];
            double mid = 0.5 * (wetLeft + wetRight);
            double side = 0.5 * (wetLeft - wetRight) * width.next();
            double dry = dryGain.next();
            double wetLevel = wetGain.next();
            if (second == null) {
                float x = (float) SafeSamples.fromInput(first[offset + n]);
                first[offset + n] = SafeSamples.toOutput(dry * x + wetLevel * mid);
                continue;
            }
            for (int c = 0; c < blockChannels; c++) {
                float[] ch = block.channel(c);
                float x = (float) SafeSamples.fromInput(ch[offset + n]);
                double w = (c & 1) == 0 ? mid + side : mid - side;
                ch[offset + n] = SafeSamples.toOutput(dry * x + wetLevel * w);
            }
        }
    }

    private final double[] frameOut = new double[2];

    /** One sample through pre-delay, diffusers and the network; returns the left and right wet samples. */
    private double[] wetFrame(double input) {
        predelay[predelayWrite] = (float) input;
        double u = predelay[(predelayWrite - predelaySamples) & predelayMask];
        predelayWrite = (predelayWrite + 1) & predelayMask;

        for (int k = 0; k < diffusers.length; k++) {
            float[] buf = diffusers[k];
            double g = DIFFUSER_GAIN[k];
            int w = diffuserWrite[k];
            double delayed = buf[(w - diffuserLength[k]) & diffuserMask[k]];
            double v = u + g * delayed;
            if (!(Math.abs(v) >= FLUSH)) { // also clears NaN
                v = 0;
            }
            buf[w] = (float) v;
            diffuserWrite[k] = (w + 1) & diffuserMask[k];
            u = delayed - g * v;
        }

        double left = 0;
        double right = 0;
        for (int i = 0; i < LINES; i++) {
            float[] line = lines[i];
            double out = line[(lineWrite[i] - lineLength[i]) & lineMask[i]];
            double a = dampCoefficient[i];
            double z = (1.0 - a) * lineGain[i] * out + a * dampState[i];
            if (!(Math.abs(z) >= FLUSH)) { // also clears NaN
                z = 0;
            }
            dampState[i] = z;
            mixVector[i] = z;
            left += leftSign[i] * z;
            right += rightSign[i] * z;
        }
        fastWalshHadamard(mixVector);
        for (int i = 0; i < LINES; i++) {
            double v = mixVector[i] + inputSign[i] * u;
            if (!(Math.abs(v) >= FLUSH)) { // also clears NaN
                v = 0;
            }
            lines[i][lineWrite[i]] = (float) v;
            lineWrite[i] = (lineWrite[i] + 1) & lineMask[i];
        }
        frameOut[0] = left;
        frameOut[1] = right;
        return frameOut;
    }

    /** In-place orthonormal Walsh-Hadamard transform of 16 values (H16 / 4). */
    private static void fastWalshHadamard(double[] v) {
        for (int half = 1; half < LINES; half <<= 1) {
            for (int start = 0; start < LINES; start += half << 1) {
                for (int j = start; j < start + half; j++) {
                    double a = v[j];
                    double b = v[j + half];
                    v[j] = a + b;
                    v[j + half] = a - b;
                }
            }
        }
        for (int i = 0; i < LINES; i++) {
            v[i] *= 0.25;
        }
    }

    @Override
    public int tailSamples() {
        ParameterSet p = parameters();
        // 1.5 RT60 is a 90 dB decay; add the pre-delay and the longest path into the network
        if (spec() == null) {
            return 0;
        }
        double seconds = p.get("predelay_ms") / 1000.0 + 1.5 * p.get("decay_s") + LONGEST_LINE_S + DIFFUSER_TOTAL_S;
        return (int) Math.ceil(seconds * sampleRate);
    }
}
