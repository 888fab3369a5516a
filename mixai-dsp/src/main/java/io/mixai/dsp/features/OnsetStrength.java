package io.mixai.dsp.features;

import io.mixai.param.InvalidParameterException;

/**
 * The envelope step of {@code librosa.onset.onset_strength(y, sr, n_fft, hop_length, lag=1,
 * max_size=1, center, aggregate=np.mean, ...)} (librosa 0.11.0; same since 0.9), applied to
 * {@code power_to_db(melspectrogram(y, ..., center=True, fmax=sr/2 unless given))}:
 * {@code d[t] = max(0, S[:, t] - S[:, t - lag])} averaged over the mel bands, then
 * {@code lag + n_fft / (2 hop)} zeros prepended and the result trimmed to the mel frame count
 * when {@code center}, or {@code lag} zeros and no trim otherwise.
 *
 * <p>librosa trap reproduced by {@link FeatureExtractor}: onset_strength's own {@code center}
 * only controls that shift and trim; the mel spectrogram inside is always centred.
 */
public final class OnsetStrength {

    private OnsetStrength() {
    }

    /**
     * The onset envelope {@code [channel][frames]} of a dB mel spectrogram
     * {@code [channel][n_mels][frames]} (max_size 1, mean over bands).
     */
    public static float[][] fromDbMel(float[][][] dbMel, int lag, int nFft, int hopLength, boolean center) {
        if (lag < 1) {
            throw new InvalidParameterException(FeatureConfig.OWNER, "lag", "must be a positive integer, got " + lag);
        }
        float[][] out = new float[dbMel.length][];
        for (int c = 0; c < dbMel.length; c++) {
            float[][] s = dbMel[c];
            int bands = s.length;
            int frames = s[0].length;
            int pad = lag + (center ? nFft / (2 * hopLength) : 0);
            int diffs = Math.max(0, frames - lag);
            int length = center ? frames : pad + diffs;
            float[] env = new float[length];
            for (int t = 0; t < diffs && pad + t < length; t++) {
                double sum = 0;
                for (int m = 0; m < bands; m++) {
                    float d = s[m][t + lag] - s[m][t]; // float32 difference, as numpy
                    sum += Math.max(0f, d);
                }
                env[pad + t] = (float) (sum / bands);
            }
            out[c] = env;
        }
        return out;
    }
}
