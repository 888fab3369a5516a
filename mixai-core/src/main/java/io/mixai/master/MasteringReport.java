package io.mixai.master;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mixai.io.AtomicFileOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The report of a master: a JSON document (measurements before and after and of the
 * references, the loudness error, the tonal distance, the limiter's gain reduction over time,
 * the applied chain) and a self-contained HTML page with inline SVG plots (spectra, short-term
 * loudness over time, gain reduction over time, settings), which needs no network or script.
 */
public final class MasteringReport {

    /** The format version written in {@code "mixai_master_report"}. */
    public static final int VERSION = 1;

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final MasteringResult result;

    MasteringReport(MasteringResult result) {
        this.result = Objects.requireNonNull(result, "result");
    }

    /** The report as a JSON tree. */
    public ObjectNode toJsonTree() {
        MasteringResult r = result;
        ObjectNode root = MAPPER.createObjectNode();
        root.put("mixai_master_report", VERSION);
        root.put("mode", r.mode());
        ObjectNode target = root.putObject("target");
        target.put("name", r.targetName());
        putNumber(target, "loudness_lufs", r.targetLufs());
        putNumber(target, "ceiling_dbtp", r.ceilingDbtp());
        if (r.outputFile() != null) {
            ObjectNode out = root.putObject("output");
            out.put("file", r.outputFile().toString());
            out.put("format", r.outputFormat().name());
        }
        putNumber(root, "loudness_error_lu", r.after().integratedLufs() - r.targetLufs());
        putNumber(root, "ceiling_margin_db", r.ceilingDbtp() - Math.max(r.after().truePeakDbtp(),
                nanToLowest(r.after().truePeak16xDbtp())));
        if (r.mode().equals("reference")) {
            ObjectNode tonal = root.putObject("tonal_distance_db");
            putNumber(tonal, "before", r.tonalDistanceBeforeDb());
            putNumber(tonal, "after", r.tonalDistanceAfterDb());
            putNumber(tonal, "reduction_percent", 100 * (1 - r.tonalDistanceAfterDb() / r.tonalDistanceBeforeDb()));
        }
        root.set("before", measurements(r.before()));
        root.set("after", measurements(r.after()));
        ArrayNode refs = root.putArray("references");
        for (int i = 0; i < r.references().size(); i++) {
            ObjectNode m = measurements(r.references().get(i));
            m.put("label", r.referenceLabels().get(i));
            refs.add(m);
        }
        ObjectNode eq = root.putObject("eq_curve");
        numbers(eq.putArray("centres_hz"), r.eqCurve().centresHz());
        numbers(eq.putArray("desired_db"), r.eqCurve().desiredDb());
        numbers(eq.putArray("applied_db"), r.eqCurve().appliedDb());
        root.set("gain_reduction_db", timeline(r.gainReductionDb()));
        try {
            root.set("settings", MAPPER.readTree(r.settings().toJson()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("settings JSON does not parse", e); // ChainJson writes valid JSON
        }
        strings(root.putArray("notes"), r.notes());
        strings(root.putArray("warnings"), r.warnings());
        root.put("render_passes", r.renderPasses());
        putNumber(root, "elapsed_s", r.elapsedSeconds());
        putNumber(root, "real_time_factor", r.realTimeFactor());
        return root;
    }

    /** The report as JSON text. */
    public String toJson() {
        try {
            return MAPPER.writeValueAsString(toJsonTree()) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot format the report", e);
        }
    }

    /** The report as one self-contained HTML page. */
    public String toHtml() {
        return HtmlReport.render(result);
    }

    /**
     * Writes {@code report.json}, {@code report.html} and {@code settings.json} into a directory
     * (created if needed), each atomically.
     */
    public void write(Path directory) throws IOException {
        Files.createDirectories(directory);
        writeText(directory.resolve("report.json"), toJson());
        writeText(directory.resolve("report.html"), toHtml());
        writeText(directory.resolve("settings.json"), result.settings().toJson());
    }

    static void writeText(Path file, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        AtomicFileOutput.write(file, out -> out.write(bytes));
    }

    private static ObjectNode measurements(Measurements m) {
        ObjectNode o = MAPPER.createObjectNode();
        putNumber(o, "integrated_lufs", m.integratedLufs());
        putNumber(o, "loudness_range_lu", m.loudnessRangeLu());
        putNumber(o, "short_term_max_lufs", m.maxShortTermLufs());
        putNumber(o, "true_peak_dbtp", m.truePeakDbtp());
        putNumber(o, "true_peak_16x_dbtp", m.truePeak16xDbtp());
        putNumber(o, "sample_peak_dbfs", m.samplePeakDbfs());
        putNumber(o, "plr_db", m.peakToLoudnessRatioDb());
        putNumber(o, "duration_s", m.durationSeconds());
        o.put("sample_rate", m.sampleRate());
        o.put("channels", m.channels());
        ObjectNode spectrum = o.putObject("spectrum_third_octave");
        numbers(spectrum.putArray("centres_hz"), m.bandCentresHz());
        numbers(spectrum.putArray("mid_db"), m.midDb());
        numbers(spectrum.putArray("side_db"), m.sideDb());
        numbers(spectrum.putArray("correlation"), m.correlation());
        o.set("short_term_lufs", timeline(m.shortTermLufs()));
        return o;
    }

    private static ObjectNode timeline(Timeline t) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("step_s", t.stepSeconds());
        numbers(o.putArray("values"), t.values());
        return o;
    }

    private static double nanToLowest(double v) {
        return Double.isNaN(v) ? Double.NEGATIVE_INFINITY : v;
    }

    private static void putNumber(ObjectNode o, String key, double v) {
        if (Double.isFinite(v)) {
            o.put(key, round(v));
        } else {
            o.putNull(key);
        }
    }

    private static void numbers(ArrayNode a, double[] values) {
        for (double v : values) {
            if (Double.isFinite(v)) {
                a.add(round(v));
            } else {
                a.addNull();
            }
        }
    }

    /** Four decimals are far below any audible or measurable difference and keep the file readable. */
    private static double round(double v) {
        return Math.rint(v * 1e4) / 1e4;
    }

    private static void strings(ArrayNode a, List<String> values) {
        values.forEach(a::add);
    }
}
