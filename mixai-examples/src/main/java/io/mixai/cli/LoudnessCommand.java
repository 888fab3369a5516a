package io.mixai.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mixai.audio.AudioBlock;
import io.mixai.audio.wav.WavReader;
import io.mixai.dsp.analysis.ChannelWeights;
import io.mixai.dsp.analysis.LoudnessMeter;
import io.mixai.dsp.analysis.LoudnessResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mixai loudness [--json] FILE...}: loudness per ITU-R BS.1770-4 / EBU R 128 (integrated,
 * loudness range per EBU Tech 3342, maximum momentary and short-term), true peak (BS.1770-4
 * Annex 2) and sample peak.
 *
 * <p>Files are streamed in blocks; memory does not grow with their length. Channel weights come
 * from the WAV channel mask, or the conventional order (L R C LFE Ls Rs) without one. With
 * {@code --json} the output is a JSON array with one object per file and the fields
 * {@code file}, {@code integrated_lufs}, {@code loudness_range_lu}, {@code momentary_max_lufs},
 * {@code short_term_max_lufs}, {@code true_peak_dbtp}, {@code sample_peak_dbfs}; a value that
 * cannot be measured (silence, a file too short to gate) is {@code null}. Bad files are
 * reported one line each on stderr, the others still measured, and the exit code is then 3.
 */
@Command(name = "loudness", mixinStandardHelpOptions = true,
        description = "Measure loudness (EBU R 128 / ITU-R BS.1770-4), loudness range and true peak of WAV files.",
        footer = {"", "Exit codes: 0 ok, 2 usage error, 3 a FILE is missing or not a readable WAV file "
                + "(the other files are still measured)."})
public final class LoudnessCommand implements Callable<Integer> {

    private static final int BLOCK_FRAMES = 8192;

    @Option(names = "--json", description = "Print a JSON array with one object per file.")
    boolean json;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "WAV files to measure.")
    List<Path> files;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ArrayNode array = mapper.createArrayNode();
        boolean failed = false;
        for (Path file : files) {
            LoudnessResult result;
            try {
                result = measure(file);
            } catch (IOException e) {
                InputFileErrors.report(spec, file, e);
                failed = true;
                continue;
            }
            if (json) {
                ObjectNode o = array.addObject();
                o.put("file", file.toString());
                for (Map.Entry<String, Double> field : result.toJsonFields().entrySet()) {
                    o.put(field.getKey(), field.getValue());
                }
            } else {
                out.println(toText(file, result));
                out.flush();
            }
        }
        if (json) {
            out.println(mapper.writeValueAsString(array));
            out.flush();
        }
        return failed ? MixaiCli.EXIT_BAD_INPUT : MixaiCli.EXIT_OK;
    }

    /** Streams {@code file} through a loudness meter. */
    static LoudnessResult measure(Path file) throws IOException {
        try (WavReader in = WavReader.open(file)) {
            LoudnessMeter meter = new LoudnessMeter(in.sampleRate(),
                    ChannelWeights.fromChannelMask(in.format().channelMask(), in.channelCount()));
            float[][] buffer = new float[in.channelCount()][BLOCK_FRAMES];
            AudioBlock block = new AudioBlock(buffer, 0, 0);
            for (int n; (n = in.read(buffer, 0, BLOCK_FRAMES)) > 0; ) {
                meter.process(block.moveTo(0, n));
            }
            return meter.result();
        }
    }

    private static String toText(Path file, LoudnessResult r) {
        return String.format(Locale.ROOT,
                "%s: integrated %s, range %s, momentary max %s, short-term max %s, true peak %s, sample peak %s",
                file, value(r.integratedLufs(), "LUFS"), value(r.loudnessRangeLu(), "LU"),
                value(r.maxMomentaryLufs(), "LUFS"), value(r.maxShortTermLufs(), "LUFS"),
                value(r.truePeakDbtp(), "dBTP"), value(r.samplePeakDbfs(), "dBFS"));
    }

    private static String value(OptionalDouble v, String unit) {
        return v.isPresent() ? String.format(Locale.ROOT, "%.2f %s", v.getAsDouble(), unit) : "n/a";
    }
}
