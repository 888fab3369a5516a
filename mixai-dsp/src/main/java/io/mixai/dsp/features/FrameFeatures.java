package io.mixai.dsp.features;

/**
 * librosa 0.11.0's time-domain frame features: RMS and zero-crossing rate. Frames are
 * {@code frame_length} samples every {@code hop_length}; with {@code center} the signal is
 * padded by {@code frame_length/2} on each side, so the frame count equals the STFT's.
 */
public final class FrameFeatures {

    private FrameFeatures() {
    }

    /**
     * {@code librosa.feature.rms(y=y, frame_length, hop_length, center, pad_mode="constant")}:
     * {@code sqrt(mean(x^2))} over each unwindowed frame, with zero centre padding. This is
     * the time-domain path that {@code rms(y=...)} takes (not the {@code S=} spectrogram
     * path). float32 result.
     */
    public static float[] rms(float[] y, int frameLength, int hopLength, boolean center) {
        int frames = Stft.frameCount(y.length, frameLength, hopLength, center);
        int offset = center ? frameLength / 2 : 0;
        float[] out = new float[frames];
        for (int t = 0; t < frames; t++) {
            int start = t * hopLength - offset;
            int lo = Math.max(0, start);
            int hi = Math.min(y.length, start + frameLength);
            double sum = 0;
            for (int i = lo; i < hi; i++) {
                double x = y[i];
                sum += x * x;
            }
            out[t] = (float) Math.sqrt(sum / frameLength);
        }
        return out;
    }

    /**
     * {@code librosa.feature.zero_crossing_rate(y, frame_length, hop_length, center)}: the
     * number of sign changes inside each frame divided by {@code frame_length}. As librosa:
     * centre padding repeats the edge samples ({@code mode="edge"}, unlike every other
     * feature); samples with {@code |x| <= 1e-10} count as +0; zero counts as positive; a
     * crossing at frame index i (1..L-1) means x[i] and x[i-1] differ in sign bit, so the first
     * sample of a frame never counts. float64 result, exact.
     */
    public static double[] zeroCrossingRate(float[] y, int frameLength, int hopLength, boolean center) {
        int frames = Stft.frameCount(y.length, frameLength, hopLength, center);
        int offset = center ? frameLength / 2 : 0;
        // One sign bit per padded sample, so each frame counts crossings by a scan.
        int n = y.length;
        double[] out = new double[frames];
        for (int t = 0; t < frames; t++) {
            int start = t * hopLength - offset;
            int count = 0;
            boolean previous = negative(y[clamp(start, n)]);
            for (int i = 1; i < frameLength; i++) {
                boolean current = negative(y[clamp(start + i, n)]);
                if (current != previous) {
                    count++;
                }
                previous = current;
            }
            out[t] = count / (double) frameLength;
        }
        return out;
    }

    private static int clamp(int i, int n) {
        return i < 0 ? 0 : (i >= n ? n - 1 : i);
    }

    /** numpy.signbit after librosa zeroes |x| <= 1e-10 (compared in float32) to +0. */
    private static boolean negative(float x) {
        return Math.abs(x) > 1e-10f && x < 0;
    }
}
