package io.mixai.dsp.features;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Hand-run tool (not a test): writes {@code OUT/<case>/<feature>.npy} for every case of a
 * librosa reference set ({@code manifest.json} + {@code <case>/input.npy}), for scoring with the
 * set's {@code compare.py}:
 *
 * <pre>
 * mvn -q -pl mixai-dsp -am test-compile jar:jar dependency:build-classpath -Dmdep.outputFile=cp.txt
 * java -cp mixai-dsp/target/classes:mixai-dsp/target/test-classes:$(cat mixai-dsp/cp.txt) \
 *     io.mixai.dsp.features.LibrosaRefsCandidates REF_DIR OUT_DIR
 * python3 REF_DIR/compare.py OUT_DIR --ref REF_DIR
 * </pre>
 */
public final class LibrosaRefsCandidates {

    private LibrosaRefsCandidates() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: LibrosaRefsCandidates REF_DIR OUT_DIR");
            System.exit(2);
        }
        Path ref = Path.of(args[0]);
        Path out = Path.of(args[1]);
        JsonNode manifest = new ObjectMapper().readTree(ref.resolve("manifest.json").toFile());
        for (JsonNode c : manifest.get("cases")) {
            String name = c.get("case").asText();
            NpyArray input = NpyFile.read(ref.resolve(c.get("input").get("file").asText()));
            long start = System.nanoTime();
            Map<String, NpyArray> features = extract(input, c.get("params"));
            long ms = (System.nanoTime() - start) / 1_000_000;
            Path dir = Files.createDirectories(out.resolve(name));
            for (Map.Entry<String, NpyArray> e : features.entrySet()) {
                NpyFile.write(dir.resolve(e.getKey() + ".npy"), e.getValue());
            }
            System.out.printf("%s: %d features, %d ms, tuning %s (librosa %s)%n", name, features.size(), ms,
                    features.get(FeatureExtractor.ESTIMATE_TUNING).get(0), c.get("estimated_tuning").asText());
        }
    }

    /** Runs the extractor with a case's parameters on its decoded input. */
    static Map<String, NpyArray> extract(NpyArray input, JsonNode p) {
        FeatureConfig config = FeatureConfig.builder()
                .sampleRate(p.get("sr").asInt())
                .nFft(p.get("n_fft").asInt())
                .hopLength(p.get("hop_length").asInt())
                .winLength(p.get("win_length").asInt())
                .center(p.get("center").asBoolean())
                .nMels(p.get("n_mels").asInt())
                .fMin(p.get("fmin").asDouble())
                .fMax(p.get("fmax").asDouble())
                .htk(p.get("htk").asBoolean())
                .nMfcc(p.get("n_mfcc").asInt())
                .build();
        return new FeatureExtractor(config).extractAll(channels(input));
    }

    /** A (n,) array as one channel, a (channels, n) array as channels. */
    static float[][] channels(NpyArray input) {
        int[] shape = input.shape();
        int nc = shape.length == 1 ? 1 : shape[0];
        int n = shape[shape.length - 1];
        float[][] ch = new float[nc][n];
        for (int c = 0; c < nc; c++) {
            System.arraycopy(input.float32(), c * n, ch[c], 0, n);
        }
        return ch;
    }
}
