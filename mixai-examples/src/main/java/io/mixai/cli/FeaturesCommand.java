package io.mixai.cli;

import io.mixai.audio.AudioBuffer;
import io.mixai.audio.AudioFile;
import io.mixai.audio.resample.Resampler;
import io.mixai.dsp.features.FeatureConfig;
import io.mixai.dsp.features.FeatureExtractor;
import io.mixai.dsp.features.NpyArray;
import io.mixai.dsp.features.NpyFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code mixai features}: librosa 0.11.0-compatible features of a WAV file, one NumPy
 * {@code .npy} file per feature, in librosa's shapes, axis order and dtypes (float32; the
 * spectral centroid, bandwidth, rolloff and the zero-crossing rate are float64 as librosa
 * returns them, because their exact values, such as rolloff bin frequencies, do not survive
 * float32). The audio is decoded as {@code librosa.load} does (PCM as int/2^(bits-1), float
 * passed through) and downmixed to the float32 channel mean unless {@code --multichannel}.
 */
@Command(name = "features", mixinStandardHelpOptions = true,
        description = {
            "Write librosa-compatible features of IN.wav as .npy files into OUTDIR:",
            "stft_mag, melspectrogram, power_to_db, mfcc, spectral_centroid, spectral_bandwidth,",
            "spectral_rolloff, spectral_flatness, rms, zero_crossing_rate, chroma_stft, onset_strength.",
            "Defaults are librosa 0.11.0's; the sample rate defaults to the file's own (librosa.load(sr=None))."})
public final class FeaturesCommand implements Callable<Integer> {

    /** The features written, in this order (the names of librosa's reference set). */
    static final List<String> FEATURES = List.of(
            FeatureExtractor.STFT_MAG, FeatureExtractor.MELSPECTROGRAM, FeatureExtractor.POWER_TO_DB,
            FeatureExtractor.MFCC, FeatureExtractor.SPECTRAL_CENTROID, FeatureExtractor.SPECTRAL_BANDWIDTH,
            FeatureExtractor.SPECTRAL_ROLLOFF, FeatureExtractor.SPECTRAL_FLATNESS, FeatureExtractor.RMS,
            FeatureExtractor.ZERO_CROSSING_RATE, FeatureExtractor.CHROMA_STFT, FeatureExtractor.ONSET_STRENGTH);

    @Spec
    CommandSpec spec;

    @Option(names = "--sr", paramLabel = "N",
            description = "Resample to N Hz first, as librosa.load(sr=N) would (mixai's resampler, not soxr: "
                    + "features then agree with librosa only approximately). Default: the file's rate.")
    Integer sampleRate;

    @Option(names = "--n-fft", paramLabel = "N", defaultValue = "2048", description = "FFT size (default ${DEFAULT-VALUE}).")
    int nFft;

    @Option(names = "--hop", paramLabel = "N", defaultValue = "512", description = "Hop length (default ${DEFAULT-VALUE}).")
    int hop;

    @Option(names = "--win-length", paramLabel = "N",
            description = "Window length, zero-padded centred to n_fft (default n_fft).")
    Integer winLength;

    @Option(names = "--n-mels", paramLabel = "N", defaultValue = "128", description = "Mel bands (default ${DEFAULT-VALUE}).")
    int nMels;

    @Option(names = "--fmin", paramLabel = "F", defaultValue = "0", description = "Lowest mel frequency in Hz (default ${DEFAULT-VALUE}).")
    double fMin;

    @Option(names = "--fmax", paramLabel = "F", description = "Highest mel frequency in Hz (default sr/2).")
    Double fMax;

    @Option(names = "--htk", description = "HTK mel scale instead of Slaney's (the filters stay Slaney area-normalised, as in librosa).")
    boolean htk;

    @Option(names = "--no-center", description = "Frames start at t*hop instead of being centred on it (librosa center=False).")
    boolean noCenter;

    @Option(names = "--n-mfcc", paramLabel = "N", defaultValue = "20", description = "MFCCs kept (default ${DEFAULT-VALUE}).")
    int nMfcc;

    @Option(names = "--multichannel",
            description = "Per-channel features with a leading channel axis (librosa.load(mono=False)) instead of the mono downmix.")
    boolean multichannel;

    @Parameters(index = "0", paramLabel = "IN.wav", description = "Input WAV file.")
    Path input;

    @Parameters(index = "1", paramLabel = "OUTDIR", description = "Directory for the .npy files (created if missing).")
    Path outDir;

    @Override
    public Integer call() throws IOException {
        AudioBuffer audio = AudioFile.read(input);
        // librosa.load downmixes first, then resamples.
        if (!multichannel && audio.channelCount() > 1) {
            audio = AudioBuffer.wrap(new float[][] {FeatureExtractor.toMono(audio.planar())}, audio.sampleRate());
        }
        if (sampleRate != null && sampleRate != audio.sampleRate()) {
            audio = Resampler.resample(audio, sampleRate);
        }
        if (audio.frames() == 0) {
            throw new BadInputException(input + ": the file holds no samples");
        }
        FeatureConfig.Builder builder = FeatureConfig.builder()
                .sampleRate(audio.sampleRate())
                .nFft(nFft)
                .hopLength(hop)
                .center(!noCenter)
                .nMels(nMels)
                .fMin(fMin)
                .htk(htk)
                .nMfcc(nMfcc);
        if (winLength != null) {
            builder.winLength(winLength);
        }
        if (fMax != null) {
            builder.fMax(fMax);
        }
        FeatureConfig config = builder.build(); // InvalidParameterException -> exit 2
        if (noCenter && audio.frames() < nFft) {
            throw new BadInputException(input + ": " + audio.frames() + " samples is shorter than n_fft=" + nFft
                    + ", which --no-center needs");
        }
        float[][] channels = audio.planar();
        for (float[] ch : channels) {
            for (int i = 0; i < ch.length; i++) {
                if (!Float.isFinite(ch[i])) {
                    throw new BadInputException(input + ": sample " + i + " is not finite");
                }
            }
        }
        Map<String, NpyArray> features = new FeatureExtractor(config).extractAll(channels);
        Files.createDirectories(outDir);
        for (String name : FEATURES) {
            NpyFile.write(outDir.resolve(name + ".npy"), features.get(name)); // temp file + atomic move
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%s: %d Hz, %d channel(s) -> %d frames, tuning %.2f; %d features written to %s%n", input,
                config.sampleRate(), channels.length, config.frameCount(audio.frames()),
                features.get(FeatureExtractor.ESTIMATE_TUNING).get(0), FEATURES.size(), outDir);
        return MixaiCli.EXIT_OK;
    }
}
