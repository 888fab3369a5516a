package io.mixai.dsp.features;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * librosa 0.11.0-compatible features of a signal with one {@link FeatureConfig}: each method
 * names the librosa call it reproduces. Mono methods take a {@code float[]} signal and return
 * librosa's mono shape; {@link #extractAll(float[][])} computes every feature at once for one
 * or more channels, with librosa's coupling between channels.
 *
 * <p>Multichannel input ({@code librosa.load(mono=False)}: an array {@code (channels, n)})
 * gives per-channel features with a leading channel axis, except that {@code power_to_db}'s
 * top_db (and so MFCC and onset strength) uses one maximum over all channels and the chroma
 * tuning is estimated from all channels together, as in librosa 0.9–0.11. For librosa's
 * default mono loading, downmix first with {@link #toMono(float[][])}.
 *
 * <p>The whole clip is held in memory: librosa's global {@code top_db} and tuning estimate
 * depend on every frame, so the features cannot be computed in independent chunks.
 *
 * <p>Not thread-safe (the STFT keeps preallocated frame buffers); use one instance per thread.
 */
public final class FeatureExtractor {

    /** File/feature names used by {@link #extractAll} (those of the librosa reference set). */
    public static final String STFT_MAG = "stft_mag";
    public static final String MELSPECTROGRAM = "melspectrogram";
    public static final String POWER_TO_DB = "power_to_db";
    public static final String MFCC = "mfcc";
    public static final String SPECTRAL_CENTROID = "spectral_centroid";
    public static final String SPECTRAL_BANDWIDTH = "spectral_bandwidth";
    public static final String SPECTRAL_ROLLOFF = "spectral_rolloff";
    public static final String SPECTRAL_FLATNESS = "spectral_flatness";
    public static final String RMS = "rms";
    public static final String ZERO_CROSSING_RATE = "zero_crossing_rate";
    public static final String CHROMA_STFT = "chroma_stft";
    public static final String CHROMA_STFT_TUNING0 = "chroma_stft_tuning0";
    public static final String ESTIMATE_TUNING = "estimate_tuning";
    public static final String ONSET_STRENGTH = "onset_strength";

    /** librosa.feature.spectral_rolloff's default roll_percent. */
    public static final double DEFAULT_ROLL_PERCENT = 0.85;

    private final FeatureConfig config;
    private final Stft stft;
    private final Stft centredStft;
    private final MelFilterBank melBank;
    private final Mfcc mfcc;

    public FeatureExtractor(FeatureConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.stft = new Stft(config);
        this.centredStft = config.center() ? stft
                : new Stft(config.nFft(), config.hopLength(), config.winLength(), true);
        this.melBank = MelFilterBank.of(config);
        this.mfcc = new Mfcc(config.nMels(), config.nMfcc());
    }

    public FeatureConfig config() {
        return config;
    }

    public MelFilterBank melFilterBank() {
        return melBank;
    }

    /**
     * librosa.to_mono: the float32 mean of the channels, {@code (L + R) / 2} for stereo (sum in
     * channel order in float32, then divided by the channel count in float32).
     */
    public static float[] toMono(float[][] channels) {
        int n = channels[0].length;
        float[] mono = new float[n];
        float count = channels.length;
        for (int i = 0; i < n; i++) {
            float sum = 0f;
            for (float[] ch : channels) {
                sum += ch[i];
            }
            mono[i] = sum / count;
        }
        return mono;
    }

    /** {@code np.abs(librosa.stft(y, n_fft, hop_length, win_length, center))}: {@code [1 + n_fft/2][frames]}. */
    public float[][] stftMagnitude(float[] y) {
        checkSignal(y);
        return stft.magnitude(y);
    }

    /** {@code librosa.feature.melspectrogram(y=y, sr, n_fft, hop_length, win_length, center, power=2, n_mels, fmin, fmax, htk)}: {@code [n_mels][frames]}. */
    public float[][] melSpectrogram(float[] y) {
        checkSignal(y);
        return melBank.apply(stft.power(y));
    }

    /** {@code librosa.power_to_db(melspectrogram(...))} with ref 1.0, amin 1e-10, top_db 80. */
    public float[][] logMelSpectrogram(float[] y) {
        return PowerToDb.apply(melSpectrogram(y));
    }

    /** {@code librosa.feature.mfcc(y=y, sr, n_mfcc, dct_type=2, norm="ortho", ...)}: {@code [n_mfcc][frames]}. */
    public float[][] mfcc(float[] y) {
        return mfcc.apply(logMelSpectrogram(y));
    }

    /** {@code librosa.feature.spectral_centroid(y=y, sr, n_fft, hop_length, ...)[0]}. */
    public double[] spectralCentroid(float[] y) {
        return SpectralShape.centroid(stftMagnitude(y), config.sampleRate());
    }

    /** {@code librosa.feature.spectral_bandwidth(y=y, sr, ...)[0]} (p 2, normalised). */
    public double[] spectralBandwidth(float[] y) {
        float[][] mag = stftMagnitude(y);
        double sr = config.sampleRate();
        return SpectralShape.bandwidth(mag, SpectralShape.centroid(mag, sr), sr);
    }

    /** {@code librosa.feature.spectral_rolloff(y=y, sr, ..., roll_percent=0.85)[0]}. */
    public double[] spectralRolloff(float[] y) {
        return SpectralShape.rolloff(stftMagnitude(y), config.sampleRate(), DEFAULT_ROLL_PERCENT);
    }

    /** {@code librosa.feature.spectral_flatness(y=y, ...)[0]} (amin 1e-10, power 2). */
    public float[] spectralFlatness(float[] y) {
        return SpectralShape.flatness(stftMagnitude(y));
    }

    /** {@code librosa.feature.rms(y=y, frame_length=n_fft, hop_length, center)[0]}. */
    public float[] rms(float[] y) {
        checkSignal(y);
        return FrameFeatures.rms(y, config.nFft(), config.hopLength(), config.center());
    }

    /** {@code librosa.feature.zero_crossing_rate(y, frame_length=n_fft, hop_length, center)[0]}. */
    public double[] zeroCrossingRate(float[] y) {
        checkSignal(y);
        return FrameFeatures.zeroCrossingRate(y, config.nFft(), config.hopLength(), config.center());
    }

    /** {@code librosa.estimate_tuning(S=np.abs(librosa.stft(y, ...))**2, sr, bins_per_octave=12)}. */
    public double estimateTuning(float[] y) {
        checkSignal(y);
        return TuningEstimator.estimate(new float[][][] {stft.power(y)}, config.sampleRate());
    }

    /** {@code librosa.feature.chroma_stft(y=y, sr, ...)}: tuning estimated (tuning=None), {@code [12][frames]}. */
    public float[][] chromaStft(float[] y) {
        checkSignal(y);
        float[][] power = stft.power(y);
        double tuning = TuningEstimator.estimate(new float[][][] {power}, config.sampleRate());
        return Chroma.create(config.sampleRate(), config.nFft(), tuning).apply(power);
    }

    /** {@code librosa.feature.chroma_stft(y=y, sr, tuning=tuning, ...)}: {@code [12][frames]}. */
    public float[][] chromaStft(float[] y, double tuning) {
        checkSignal(y);
        return Chroma.create(config.sampleRate(), config.nFft(), tuning).apply(stft.power(y));
    }

    /**
     * {@code librosa.onset.onset_strength(y=y, sr, n_fft, hop_length, center, n_mels, fmin,
     * fmax, htk)} (lag 1, max_size 1, mean): {@code [frames]} where frames is the count of a
     * centred STFT, whatever {@code center} says (librosa's behaviour).
     */
    public float[] onsetStrength(float[] y) {
        checkSignal(y);
        float[][] mel = melBank.apply(centredStft.power(y));
        return OnsetStrength.fromDbMel(new float[][][] {PowerToDb.apply(mel)}, 1,
                config.nFft(), config.hopLength(), config.center())[0];
    }

    /**
     * Every feature for {@code channels[c][n]}, keyed by {@link #STFT_MAG} etc., as
     * {@link NpyArray}s in librosa's shapes and dtypes: float32 except the spectral centroid,
     * bandwidth, rolloff and the zero-crossing rate (float64, as librosa returns them), plus the
     * diagnostics {@link #ESTIMATE_TUNING} (shape (1,)) and {@link #CHROMA_STFT_TUNING0}.
     * One channel gives mono shapes ({@code (n_mels, T)}, {@code (1, T)}, {@code (T,)}); more
     * channels add a leading channel axis.
     */
    public Map<String, NpyArray> extractAll(float[][] channels) {
        int nc = channels.length;
        if (nc == 0) {
            throw new IllegalArgumentException("no channels");
        }
        for (float[] ch : channels) {
            checkSignal(ch);
            if (ch.length != channels[0].length) {
                throw new IllegalArgumentException("channels differ in length");
            }
        }
        double sr = config.sampleRate();
        int frames = stft.frameCount(channels[0].length);
        float[][][] mag = new float[nc][][];
        float[][][] power = new float[nc][][];
        float[][][] mel = new float[nc][][];
        for (int c = 0; c < nc; c++) {
            mag[c] = stft.magnitude(channels[c]);
            power[c] = square(mag[c]);
            mel[c] = melBank.apply(power[c]);
        }
        float[][][] db = PowerToDb.apply(mel);
        float[][][] mfccs = new float[nc][][];
        for (int c = 0; c < nc; c++) {
            mfccs[c] = mfcc.apply(db[c]);
        }
        double[][] centroid = new double[nc][];
        double[][] bandwidth = new double[nc][];
        double[][] rolloff = new double[nc][];
        float[][] flatness = new float[nc][];
        float[][] rms = new float[nc][];
        double[][] zcr = new double[nc][];
        for (int c = 0; c < nc; c++) {
            centroid[c] = SpectralShape.centroid(mag[c], sr);
            bandwidth[c] = SpectralShape.bandwidth(mag[c], centroid[c], sr);
            rolloff[c] = SpectralShape.rolloff(mag[c], sr, DEFAULT_ROLL_PERCENT);
            flatness[c] = SpectralShape.flatness(mag[c]);
            rms[c] = FrameFeatures.rms(channels[c], config.nFft(), config.hopLength(), config.center());
            zcr[c] = FrameFeatures.zeroCrossingRate(channels[c], config.nFft(), config.hopLength(), config.center());
        }
        double tuning = TuningEstimator.estimate(power, sr);
        Chroma chroma = Chroma.create(sr, config.nFft(), tuning);
        Chroma chroma0 = Chroma.create(sr, config.nFft(), 0.0);
        float[][][] chromas = new float[nc][][];
        float[][][] chromas0 = new float[nc][][];
        for (int c = 0; c < nc; c++) {
            chromas[c] = chroma.apply(power[c]);
            chromas0[c] = chroma0.apply(power[c]);
        }
        float[][][] onsetDb = db;
        if (!config.center()) {
            float[][][] centredMel = new float[nc][][];
            for (int c = 0; c < nc; c++) {
                centredMel[c] = melBank.apply(centredStft.power(channels[c]));
            }
            onsetDb = PowerToDb.apply(centredMel);
        }
        float[][] onset = OnsetStrength.fromDbMel(onsetDb, 1, config.nFft(), config.hopLength(), config.center());

        Map<String, NpyArray> out = new LinkedHashMap<>();
        out.put(STFT_MAG, cube(mag));
        out.put(MELSPECTROGRAM, cube(mel));
        out.put(POWER_TO_DB, cube(db));
        out.put(MFCC, cube(mfccs));
        out.put(SPECTRAL_CENTROID, rows(centroid, frames));
        out.put(SPECTRAL_BANDWIDTH, rows(bandwidth, frames));
        out.put(SPECTRAL_ROLLOFF, rows(rolloff, frames));
        out.put(SPECTRAL_FLATNESS, rows(flatness, frames));
        out.put(RMS, rows(rms, frames));
        out.put(ZERO_CROSSING_RATE, rows(zcr, frames));
        out.put(CHROMA_STFT, cube(chromas));
        out.put(CHROMA_STFT_TUNING0, cube(chromas0));
        out.put(ESTIMATE_TUNING, NpyArray.ofFloat64(new double[] {tuning}, 1));
        NpyArray onsetArray = NpyArray.ofFloat32(flatten(onset), nc, onset[0].length);
        out.put(ONSET_STRENGTH, nc == 1 ? onsetArray.reshape(onset[0].length) : onsetArray);
        return out;
    }

    private static void checkSignal(float[] y) {
        Objects.requireNonNull(y, "signal");
        if (y.length == 0) {
            throw new IllegalArgumentException("the signal is empty");
        }
        for (int i = 0; i < y.length; i++) {
            if (!Float.isFinite(y[i])) {
                // librosa.util.valid_audio refuses non-finite samples as well.
                throw new IllegalArgumentException("sample " + i + " is not finite (" + y[i] + ")");
            }
        }
    }

    private static float[][] square(float[][] mag) {
        float[][] p = new float[mag.length][];
        for (int k = 0; k < mag.length; k++) {
            float[] row = mag[k];
            float[] sq = new float[row.length];
            for (int t = 0; t < row.length; t++) {
                sq[t] = row[t] * row[t];
            }
            p[k] = sq;
        }
        return p;
    }

    /** (rows, T) for one channel, (channels, rows, T) otherwise. */
    private static NpyArray cube(float[][][] data) {
        NpyArray a = NpyArray.ofFloat32(data);
        int[] s = a.shape();
        return data.length == 1 ? a.reshape(s[1], s[2]) : a;
    }

    /** (1, T) for one channel, (channels, 1, T) otherwise. */
    private static NpyArray rows(double[][] data, int frames) {
        double[] flat = new double[data.length * frames];
        for (int c = 0; c < data.length; c++) {
            System.arraycopy(data[c], 0, flat, c * frames, frames);
        }
        NpyArray a = NpyArray.ofFloat64(flat, data.length, 1, frames);
        return data.length == 1 ? a.reshape(1, frames) : a;
    }

    private static NpyArray rows(float[][] data, int frames) {
        NpyArray a = NpyArray.ofFloat32(flatten(data), data.length, 1, frames);
        return data.length == 1 ? a.reshape(1, frames) : a;
    }

    private static float[] flatten(float[][] data) {
        int n = data[0].length;
        float[] flat = new float[data.length * n];
        for (int c = 0; c < data.length; c++) {
            System.arraycopy(data[c], 0, flat, c * n, n);
        }
        return flat;
    }
}
