package io.mixai.dsp.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every feature against librosa 0.11.0's output for the same decoded input
 * ({@code src/test/resources/librosa-refs}), with the tolerances of the reference set's
 * {@code compare.py} (chosen for float32 arithmetic).
 */
class LibrosaReferenceTest {

    private static final FeatureConfig DEFAULT_22050 = FeatureConfig.defaults();
    private static final FeatureConfig CUSTOM_48000 = FeatureConfig.builder()
            .sampleRate(48000).nFft(4096).hopLength(1024).center(false)
            .nMels(64).fMin(20).fMax(16000).htk(true).build();

    private static final Map<String, Map<String, NpyArray>> CACHE = new HashMap<>();

    static Stream<Arguments> checks() {
        String[][] cases = {
            {"short_22050_mono_default", "default"},
            {"sweep_22050_mono_default", "default"},
            {"chord_48000_mono_custom", "custom"},
        };
        String[] features = {
            "stft_mag", "melspectrogram", "power_to_db", "mfcc", "spectral_centroid", "spectral_bandwidth",
            "spectral_rolloff", "spectral_flatness", "rms", "zero_crossing_rate", "chroma_stft",
            "chroma_stft_tuning0", "estimate_tuning", "onset_strength",
        };
        Stream.Builder<Arguments> b = Stream.builder();
        for (String[] c : cases) {
            for (String f : features) {
                if (resource(c[0], f) != null) {
                    b.add(Arguments.of(c[0], c[1], f));
                }
            }
        }
        return b.build();
    }

    @ParameterizedTest(name = "{0} {2}")
    @MethodSource("checks")
    void matchesLibrosa(String caseName, String configName, String feature) throws IOException {
        NpyArray reference = read(caseName, feature);
        NpyArray candidate = features(caseName, configName).get(feature);
        assertArrayEquals(reference.shape(), candidate.shape(), "shape of " + feature);
        double peak = 0;
        for (int i = 0; i < reference.size(); i++) {
            peak = Math.max(peak, Math.abs(reference.get(i)));
        }
        int offByOneBin = 0;
        for (int i = 0; i < reference.size(); i++) {
            double r = reference.get(i);
            double c = candidate.get(i);
            double d = Math.abs(c - r);
            String where = feature + "[" + i + "]: librosa " + r + ", ours " + c;
            switch (feature) {
                case "stft_mag":
                    assertTrue(d <= 1e-4 * Math.abs(r) + 1e-5 * peak, where);
                    break;
                case "melspectrogram":
                case "rms":
                    assertTrue(d <= 1e-4 * Math.abs(r) + 1e-6 * peak, where);
                    break;
                case "spectral_centroid":
                case "spectral_bandwidth":
                    assertTrue(d <= 1e-4 * Math.abs(r) + 1e-6 * peak + 1e-3, where);
                    break;
                case "power_to_db":
                case "onset_strength":
                    assertTrue(d <= 1e-3, where);
                    break;
                case "mfcc":
                    assertTrue(d <= 2e-3, where);
                    break;
                case "spectral_flatness":
                    assertTrue(d <= 2e-3 * Math.abs(r) + 1e-9, where);
                    break;
                case "chroma_stft":
                case "chroma_stft_tuning0":
                    assertTrue(d <= 1e-4, where);
                    break;
                case "zero_crossing_rate":
                case "estimate_tuning":
                    assertTrue(d <= 1e-9, where);
                    break;
                case "spectral_rolloff": {
                    FeatureConfig config = config(configName);
                    double step = (double) config.sampleRate() / config.nFft();
                    if (d > 1e-6 * step) {
                        assertEquals(step, d, 1e-6 * step, where);
                        offByOneBin++;
                    }
                    break;
                }
                default:
                    fail("no tolerance for " + feature);
            }
        }
        // compare.py: at most 1 % of frames (at least one) may land on a neighbouring bin.
        assertTrue(offByOneBin <= Math.max(1, reference.size() / 100), offByOneBin + " rolloff frames one bin off");
    }

    private static FeatureConfig config(String name) {
        return "custom".equals(name) ? CUSTOM_48000 : DEFAULT_22050;
    }

    private static synchronized Map<String, NpyArray> features(String caseName, String configName) throws IOException {
        Map<String, NpyArray> f = CACHE.get(caseName);
        if (f == null) {
            NpyArray input = read(caseName, "input");
            f = new FeatureExtractor(config(configName)).extractAll(new float[][] {input.float32()});
            CACHE.put(caseName, f);
        }
        return f;
    }

    private static String resource(String caseName, String feature) {
        String path = "/librosa-refs/" + caseName + "/" + feature + ".npy";
        return LibrosaReferenceTest.class.getResource(path) == null ? null : path;
    }

    static NpyArray read(String caseName, String feature) {
        String path = resource(caseName, feature);
        if (path == null) {
            throw new IllegalStateException("missing test resource for " + caseName + "/" + feature);
        }
        try (InputStream in = LibrosaReferenceTest.class.getResourceAsStream(path)) {
            return NpyFile.read(in, path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
