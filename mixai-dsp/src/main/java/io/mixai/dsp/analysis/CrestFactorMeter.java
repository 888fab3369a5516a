package io.mixai.dsp.analysis;

import io.mixai.audio.AudioBlock;
import io.mixai.param.InvalidParameterException;
import java.util.OptionalDouble;

/**
 * Crest factor: the ratio of sample peak to RMS level, in dB, over all channels of a programme
 * (0 dB for a square wave, 3.01 dB for a sine; heavily limited masters sit around 8–10 dB,
 * dynamic recordings above 15–20 dB). Also reports both levels. Unweighted (no K-filter) and
 * on sample values; streams blocks of any size with bit-identical results and allocates
 * nothing in {@link #process(AudioBlock)}.
 */
public final class CrestFactorMeter {

    private final double[] sumOfSquares;
    private final float[] peak;
    private long frames;

    public CrestFactorMeter(int channelCount) {
        if (channelCount < 1) {
            throw new InvalidParameterException("crestFactor", "channels", "channel count must be at least 1, got " + channelCount);
        }
        sumOfSquares = new double[channelCount];
        peak = new float[channelCount];
    }

    public void process(AudioBlock block) {
        if (block.channelCount() != peak.length) {
            throw new IllegalArgumentException("meter was made for " + peak.length + " channels, block has "
                    + block.channelCount());
        }
        int from = block.offset();
        int n = block.frames();
        for (int c = 0; c < peak.length; c++) {
            float[] x = block.channel(c);
            double sum = sumOfSquares[c];
            for (int i = from; i < from + n; i++) {
                double v = x[i];
                sum += v * v;
            }
            sumOfSquares[c] = sum;
            peak[c] = Math.max(peak[c], TruePeakInterpolator.absMax(x, from, n));
        }
        frames += n;
    }

    /** RMS over all channels (mean square of every sample), in dBFS; empty on silence. */
    public OptionalDouble rmsDbfs() {
        double sum = 0;
        for (double s : sumOfSquares) {
            sum += s;
        }
        double meanSquare = frames == 0 ? 0 : sum / ((double) frames * peak.length);
        return meanSquare > 0 && Double.isFinite(meanSquare)
                ? OptionalDouble.of(10 * Math.log10(meanSquare))
                : OptionalDouble.empty();
    }

    /** Sample peak over all channels, in dBFS; empty on silence. */
    public OptionalDouble peakDbfs() {
        float p = 0f;
        for (float v : peak) {
            p = Math.max(p, v);
        }
        return TruePeakMeter.toDb(p);
    }

    /** Peak minus RMS, in dB; empty on silence. */
    public OptionalDouble crestFactorDb() {
        OptionalDouble p = peakDbfs();
        OptionalDouble r = rmsDbfs();
        return p.isPresent() && r.isPresent() ? OptionalDouble.of(p.getAsDouble() - r.getAsDouble()) : OptionalDouble.empty();
    }

    public void reset() {
        java.util.Arrays.fill(sumOfSquares, 0);
        java.util.Arrays.fill(peak, 0f);
        frames = 0;
    }
}
