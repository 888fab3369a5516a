package io.mixai.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mixai.audio.wav.WavFormat;
import io.mixai.audio.wav.WavReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mixai info [--json] FILE...}: format, length and sample peak of WAV files.
 *
 * <p>Every file is read in blocks (the sample peak needs every sample; the file is never held
 * in memory). Text output is one line per file. With {@code --json}: one object for a single
 * FILE argument, an array of objects for several, with fields {@code file}, {@code format},
 * {@code sample_rate}, {@code channels}, {@code frames}, {@code duration_s},
 * {@code sample_peak_dbfs} (null for digital silence), {@code valid_bits},
 * {@code channel_mask} and {@code warnings}.
 *
 * <p>Bad files do not stop the others: each is reported as one line on stderr, the good files
 * are still printed (in the JSON array only the good ones appear), and the exit code is 3 if
 * any file failed.
 */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Show the format, length and sample peak of WAV files.",
        footer = {"", "Exit codes: 0 ok, 2 usage error, 3 a FILE is missing or not a readable WAV file "
                + "(the other files are still reported)."})
public final class InfoCommand implements Callable<Integer> {

    private static final int BLOCK_FRAMES = 8192;

    @Option(names = "--json", description = "Print JSON (an object per file; an array for several files).")
    boolean json;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "WAV files to describe.")
    List<Path> files;

    @Spec
    CommandSpec spec;

    /** What {@code info} reports about one file. */
    record FileInfo(String file, WavFormat format, long frames, double samplePeak, List<String> warnings) {

        double durationSeconds() {
            return frames / (double) format.sampleRate();
        }

        /** Sample peak in dBFS (full scale = 1.0), or null for digital silence. */
        Double samplePeakDbfs() {
            return samplePeak > 0 ? 20 * Math.log10(samplePeak) : null;
        }
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        List<ObjectNode> objects = new ArrayList<>();
        boolean failed = false;
        for (Path file : files) {
            FileInfo info;
            try {
                info = scan(file);
            } catch (IOException e) {
                InputFileErrors.report(spec, file, e);
                failed = true;
                continue;
            }
            if (json) {
                objects.add(toJson(mapper, info));
            } else {
                out.println(toText(info));
                out.flush();
            }
        }
        if (json && !objects.isEmpty()) {
            Object document = files.size() == 1 ? objects.get(0) : mapper.createArrayNode().addAll(objects);
            try {
                out.println(mapper.writeValueAsString(document));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException("cannot format JSON", e); // cannot happen for a tree of plain values
            }
            out.flush();
        }
        return failed ? MixaiCli.EXIT_BAD_INPUT : MixaiCli.EXIT_OK;
    }

    /** Reads {@code file} block by block for its sample peak. */
    static FileInfo scan(Path file) throws IOException {
        try (WavReader in = WavReader.open(file)) {
            float[][] block = new float[in.channelCount()][BLOCK_FRAMES];
            float peak = 0f;
            for (int n; (n = in.read(block, 0, BLOCK_FRAMES)) > 0; ) {
                for (float[] channel : block) {
                    for (int i = 0; i < n; i++) {
                        peak = Math.max(peak, Math.abs(channel[i]));
                    }
                }
            }
            return new FileInfo(file.toString(), in.format(), in.frames(), peak, in.warnings());
        }
    }

    private static ObjectNode toJson(ObjectMapper mapper, FileInfo info) {
        ObjectNode o = mapper.createObjectNode();
        o.put("file", info.file());
        o.put("format", info.format().sampleFormat().name());
        o.put("sample_rate", info.format().sampleRate());
        o.put("channels", info.format().channels());
        o.put("frames", info.frames());
        o.put("duration_s", info.durationSeconds());
        o.put("sample_peak_dbfs", info.samplePeakDbfs());
        o.put("valid_bits", info.format().validBitsPerSample());
        o.put("channel_mask", info.format().channelMask());
        ArrayNode warnings = o.putArray("warnings");
        info.warnings().forEach(warnings::add);
        return o;
    }

    private static String toText(FileInfo info) {
        WavFormat f = info.format();
        Double dbfs = info.samplePeakDbfs();
        return String.format(Locale.ROOT, "%s: %s, %d Hz, %d ch, %d frames (%.3f s), sample peak %s%s",
                info.file(), f.sampleFormat(), f.sampleRate(), f.channels(), info.frames(), info.durationSeconds(),
                dbfs == null ? "-inf dBFS (digital silence)" : String.format(Locale.ROOT, "%.2f dBFS", dbfs),
                info.warnings().isEmpty() ? "" : " [" + info.warnings().size() + " warning"
                        + (info.warnings().size() > 1 ? "s" : "") + "]");
    }
}
