package io.mixai.dsp.analysis;

import io.mixai.dsp.spectral.KaiserWindow;

import io.mixai.param.InvalidParameterException;

/**
 * One channel's oversampling interpolator for true-peak measurement (ITU-R BS.1770-4 Annex 2):
 * a polyphase FIR low-pass that reconstructs the signal between samples, run over a short
 * history of the input. The same interpolator serves the {@link TruePeakMeter} and any
 * processor that must see inter-sample peaks (a true-peak limiter); it is stateful, so use one
 * instance per channel and stream, and {@link #reset()} it between streams.
 *
 * <p>Design: BS.1770-4 asks for at least 4x oversampling at 48 kHz. The factor here is 4 below
 * 96 kHz, 2 below 192 kHz and 1 (no interpolation, the samples themselves) from 192 kHz up, so
 * from 44.1 kHz on the reconstructed signal is examined at 176.4 kHz or more (as libebur128
 * does). The prototype low-pass is a
 * Kaiser-windowed sinc ({@value #TAPS_PER_PHASE} taps per phase, β = {@value #KAISER_BETA})
 * with its cut-off at the input's Nyquist frequency, which makes it a Nyquist filter: one phase
 * is a pure delay and passes the input samples through unchanged, so a true peak is never
 * below the sample peak, and that phase costs nothing. Each other phase is normalised to unit
 * DC gain. Annex 2's example filter has 12 taps per phase; with 32 the branches are within
 * 0.003 (0.03 dB) of ideal fractional delays up to 20 kHz at 48 kHz, and within 0.02 up to
 * 20 kHz at 44.1 kHz (tested); the vectorised inner loop still makes it faster than a scalar
 * 12-tap-per-phase interpolator.
 *
 * <p>Samples are processed in chunks through a linear scratch buffer so that the inner loops
 * are plain multiply-adds over contiguous arrays that the JIT vectorises; nothing is allocated
 * after construction.
 */
public final class TruePeakInterpolator {

    /** FIR taps per polyphase branch. */
    public static final int TAPS_PER_PHASE = 32;
    /** Kaiser window shape parameter of the prototype low-pass. */
    public static final double KAISER_BETA = 5.0;

    /** Samples per inner pass (a 10 ms loudness sub-block at 48 kHz fits in one; measured fastest). */
    private static final int CHUNK = 512;

    private final int factor;
    /** coefficients[p][k] multiplies x[i - k] for output phase p; the delay phase is left out. */
    private final float[][] coefficients;
    /** See {@link #gainBound()}. */
    private final float gainBound;
    /** Index of the phase that is a pure delay (its output is the input, delayed). */
    private final int delayPhase;
    /** History (TAPS_PER_PHASE - 1 samples) followed by the current chunk. */
    private final float[] buffer;
    private final float[][] phaseOut;
    /** Per chunk, row k holds the input delayed by k samples. */
    private final float[][] shifted;
    /** Scratch for {@link #tailPeak()}: the history followed by silence. */
    private final float[] tail;

    private TruePeakInterpolator(int factor) {
        assert TAPS_PER_PHASE % 8 == 0 : "the inner loops take taps eight at a time";
        this.factor = factor;
        int taps = factor * TAPS_PER_PHASE - 1;
        int centre = (taps - 1) / 2;
        this.delayPhase = centre % factor;
        double[] h = new double[factor * TAPS_PER_PHASE];
        for (int n = 0; n < taps; n++) {
            double t = (n - centre) / (double) factor;
            double sinc = t == 0 ? 1.0 : Math.sin(Math.PI * t) / (Math.PI * t);
            double r = (n - centre) / (double) centre;
            h[n] = sinc * KaiserWindow.at(r, KAISER_BETA);
        }
        this.coefficients = new float[factor][TAPS_PER_PHASE];
        for (int p = 0; p < factor; p++) {
            double sum = 0;
            for (int k = 0; k < TAPS_PER_PHASE; k++) {
                sum += h[factor * k + p];
            }
            for (int k = 0; k < TAPS_PER_PHASE; k++) {
                coefficients[p][k] = (float) (h[factor * k + p] / sum);
            }
        }
        double largestSum = 1.0;
        for (float[] phase : coefficients) {
            double sum = 0;
            for (float c : phase) {
                sum += Math.abs(c);
            }
            largestSum = Math.max(largestSum, sum);
        }
        // 32 float products and sums round by far less than 1e-5 of sum |c x|
        this.gainBound = (float) (largestSum * (1 + 1e-5));
        this.buffer = new float[TAPS_PER_PHASE - 1 + CHUNK];
        this.phaseOut = new float[factor][CHUNK];
        this.shifted = new float[TAPS_PER_PHASE][CHUNK];
        this.tail = new float[2 * (TAPS_PER_PHASE - 1)];
    }

    /** An interpolator with the oversampling factor this sample rate needs (see class comment). */
    public static TruePeakInterpolator forSampleRate(int sampleRate) {
        return new TruePeakInterpolator(factorFor(sampleRate));
    }

    /** An interpolator with an explicit oversampling factor (1 to 16). */
    public static TruePeakInterpolator withFactor(int factor) {
        if (factor < 1 || factor > 16) {
            throw new InvalidParameterException("truePeak", "oversampling", "factor must be 1 to 16, got " + factor);
        }
        return new TruePeakInterpolator(factor);
    }

    /** The oversampling factor used at a sample rate: 4 below 96 kHz, 2 below 192 kHz, else 1. */
    public static int factorFor(int sampleRate) {
        if (sampleRate < 1) {
            throw new InvalidParameterException("truePeak", "sampleRate", "must be positive, got " + sampleRate);
        }
        return sampleRate < 96_000 ? 4 : sampleRate < 192_000 ? 2 : 1;
    }

    public int factor() {
        return factor;
    }

    /**
     * Delay of the interpolated signal, in oversampled samples: output sample
     * {@code factor * i + p} is the signal at input time {@code i + p / factor - latency / factor}.
     */
    public int latencyOversampled() {
        return (factor * TAPS_PER_PHASE - 2) / 2;
    }

    /** The coefficient of tap {@code k} of phase {@code p} (for tests and documentation). */
    public double coefficient(int phase, int tap) {
        return coefficients[phase][tap];
    }

    /** Clears the history, as at the start of a stream. */
    public void reset() {
        java.util.Arrays.fill(buffer, 0f);
    }

    /**
     * Feeds {@code length} samples and returns the largest absolute value of the interpolated
     * signal over the oversampled points they produce (0 for no samples). Allocates nothing.
     */
    public float peak(float[] input, int offset, int length) {
        return peakAbove(input, offset, length, 0f);
    }

    /**
     * As {@link #peak}, for a caller that only needs peaks above {@code floor} (a running
     * maximum): where {@link #peak} would return more than {@code floor} the result is the same;
     * otherwise it is some value at most {@code floor}. Chunks whose interpolated points cannot
     * exceed {@code floor} (each is at most {@link #gainBound()} times the largest |x| of the
     * chunk and its history) are not interpolated, which on loud programme skips most of the work.
     */
    public float peakAbove(float[] input, int offset, int length, float floor) {
        float peak = 0f;
        int done = 0;
        while (done < length) {
            int n = Math.min(CHUNK, length - done);
            loadChunk(input, offset + done, n);
            // The delay phase reproduces the input samples themselves (later); over a whole
            // stream their peak is the sample peak, read directly from the input.
            peak = Math.max(peak, absMax(input, offset + done, n));
            if (factor > 1 && absMax(buffer, 0, TAPS_PER_PHASE - 1 + n) * gainBound > floor) {
                shiftRows(n);
                for (int p = 0; p < factor; p++) {
                    if (p != delayPhase) {
                        peak = Math.max(peak, absMax(filterPhase(p, n), 0, n));
                    }
                }
            }
            keepHistory(n);
            done += n;
        }
        return peak;
    }

    /**
     * An upper bound of every interpolated point relative to the largest |x| the filter reads:
     * the largest sum of |coefficients| of a phase, with slack for the float arithmetic.
     */
    public float gainBound() {
        return gainBound;
    }

    /** Largest |x| over a range, as separate max and min (a shape the JIT vectorises). */
    static float absMax(float[] x, int from, int n) {
        float max = 0f;
        float min = 0f;
        for (int i = from; i < from + n; i++) {
            max = Math.max(max, x[i]);
            min = Math.min(min, x[i]);
        }
        return Math.max(max, -min);
    }

    /**
     * Feeds {@code length} samples and writes the {@code factor * length} interpolated samples,
     * in time order, to {@code output} from {@code outputOffset}. Allocates nothing.
     */
    public void upsample(float[] input, int offset, int length, float[] output, int outputOffset) {
        int done = 0;
        while (done < length) {
            int n = Math.min(CHUNK, length - done);
            loadChunk(input, offset + done, n);
            if (factor > 1) {
                shiftRows(n);
            }
            int o = outputOffset + factor * done;
            for (int p = 0; p < factor; p++) {
                if (p == delayPhase) {
                    int base = TAPS_PER_PHASE - 1 - (TAPS_PER_PHASE / 2 - 1);
                    for (int j = 0; j < n; j++) {
                        output[o + factor * j + p] = buffer[base + j];
                    }
                } else {
                    float[] out = filterPhase(p, n);
                    for (int j = 0; j < n; j++) {
                        output[o + factor * j + p] = out[j];
                    }
                }
            }
            keepHistory(n);
            done += n;
        }
    }

    /**
     * The largest absolute interpolated value still inside the filter's delay: what the last
     * {@link #latencyOversampled()} oversampled points would be if the input ended now (followed
     * by silence). A meter that reports the peak of a finished stream includes this, so a peak
     * in the last samples of a file is not lost. Leaves the state untouched; allocates nothing.
     */
    public float tailPeak() {
        int h = TAPS_PER_PHASE - 1;
        System.arraycopy(buffer, 0, tail, 0, h);
        java.util.Arrays.fill(tail, h, tail.length, 0f);
        float peak = 0f;
        for (int p = 0; p < factor; p++) {
            float[] c = coefficients[p];
            for (int j = 0; j < h; j++) {
                float acc;
                if (p == delayPhase) {
                    acc = tail[h + j - (TAPS_PER_PHASE / 2 - 1)];
                } else {
                    acc = 0f;
                    int o = h + j;
                    for (int k = 0; k < TAPS_PER_PHASE; k += 8) {
                        acc += c[k] * tail[o - k] + c[k + 1] * tail[o - k - 1] + c[k + 2] * tail[o - k - 2]
                                + c[k + 3] * tail[o - k - 3] + c[k + 4] * tail[o - k - 4] + c[k + 5] * tail[o - k - 5]
                                + c[k + 6] * tail[o - k - 6] + c[k + 7] * tail[o - k - 7];
                    }
                }
                peak = Math.max(peak, Math.abs(acc));
            }
        }
        return peak;
    }

    /** Puts {@code n} input samples after the history; the rows are prepared separately ({@link #shiftRows}). */
    private void loadChunk(float[] input, int from, int n) {
        System.arraycopy(input, from, buffer, TAPS_PER_PHASE - 1, n);
    }

    private void keepHistory(int n) {
        System.arraycopy(buffer, n, buffer, 0, TAPS_PER_PHASE - 1);
    }

    /**
     * out[j] = Σ_k c[k] x[j - k] over the chunk, eight taps per pass. The C2 compiler of JDK 17
     * vectorises a loop only when every array in it is indexed by the same {@code j}, so the
     * loop reads the rows {@link #shiftRows() prepared} per chunk instead of shifted indices
     * into one buffer (the interpolator runs almost three times faster for it, copies included).
     * The arithmetic for an output never depends on
     * where a chunk starts.
     */
    private float[] filterPhase(int p, int n) {
        float[] out = phaseOut[p];
        float[] c = coefficients[p];
        java.util.Arrays.fill(out, 0, n, 0f);
        for (int k = 0; k < TAPS_PER_PHASE; k += 8) {
            float c0 = c[k];
            float c1 = c[k + 1];
            float c2 = c[k + 2];
            float c3 = c[k + 3];
            float c4 = c[k + 4];
            float c5 = c[k + 5];
            float c6 = c[k + 6];
            float c7 = c[k + 7];
            float[] x0 = shifted[k];
            float[] x1 = shifted[k + 1];
            float[] x2 = shifted[k + 2];
            float[] x3 = shifted[k + 3];
            float[] x4 = shifted[k + 4];
            float[] x5 = shifted[k + 5];
            float[] x6 = shifted[k + 6];
            float[] x7 = shifted[k + 7];
            for (int j = 0; j < n; j++) {
                out[j] += c0 * x0[j] + c1 * x1[j] + c2 * x2[j] + c3 * x3[j]
                        + c4 * x4[j] + c5 * x5[j] + c6 * x6[j] + c7 * x7[j];
            }
        }
        return out;
    }

    /** shifted[k][j] = x[j - k] for the current chunk (memory copies, which are vectorised). */
    private void shiftRows(int n) {
        int base = TAPS_PER_PHASE - 1;
        for (int k = 0; k < TAPS_PER_PHASE; k++) {
            System.arraycopy(buffer, base - k, shifted[k], 0, n);
        }
    }
}
