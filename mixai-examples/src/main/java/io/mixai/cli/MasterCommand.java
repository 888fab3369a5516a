package io.mixai.cli;

import io.mixai.master.Mastering;
import io.mixai.master.MasteringResult;
import io.mixai.master.MatchAmounts;
import io.mixai.master.Target;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mixai master IN.wav OUT.wav [options]}: masters a WAV file to a loudness target or
 * towards references, streaming (memory does not grow with the file's length). The output keeps
 * the input's sample rate, is written atomically and never over an input file.
 */
@Command(name = "master", mixinStandardHelpOptions = true,
        description = "Master a WAV file to a loudness target (LUFS, true-peak ceiling) or towards reference tracks.",
        footer = {"", "Presets: streaming (-14 LUFS, -1 dBTP), apple_music (-16, -1), ebu_r128 (-23, -1), "
                + "atsc_a85 (-24, -2), podcast (-16, -1), loud_cd (-9, -0.3).",
                "Exit codes: 0 ok, 2 usage error or invalid option value, 3 unreadable input, 1 other failure."})
public final class MasterCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "IN.wav", description = "The track to master.")
    Path input;

    @Parameters(index = "1", paramLabel = "OUT.wav", description = "Where to write the master.")
    Path output;

    @Option(names = "--reference", paramLabel = "REF.wav", description = "A reference track (repeatable).")
    List<Path> references = new ArrayList<>();

    @Option(names = "--reference-weights", split = ",", paramLabel = "W",
            description = "Weights of the references, in their order (default 1 each).")
    List<Double> weights = new ArrayList<>();

    @Option(names = "--target-lufs", paramLabel = "X", description = "Integrated loudness to reach, LUFS.")
    Double targetLufs;

    @Option(names = "--preset", paramLabel = "NAME", description = "A named target (see below).")
    String preset;

    @Option(names = "--ceiling-dbtp", paramLabel = "Y", description = "True-peak ceiling in dBTP (default: the preset's, -1).")
    Double ceilingDbtp;

    @Option(names = "--match", paramLabel = "tonal=P,loudness=P,width=P,dynamics=P",
            description = "Reference mode: how far to match each aspect, 0..100 %% (default 100 each).")
    String match;

    @Option(names = "--brightness-db", paramLabel = "DB", description = "Tilt in dB per decade about 1 kHz, -4..4.")
    Double brightness;

    @Option(names = "--warmth-db", paramLabel = "DB", description = "Low-end warmth in dB, -6..6.")
    Double warmth;

    @Option(names = "--width-percent", paramLabel = "P", description = "Stereo width above 150 Hz, 50..150 %%.")
    Double width;

    @Option(names = "--dynamics-percent", paramLabel = "P",
            description = "Share of peak reduction done by compression rather than limiting, 0..100 %% (default 30).")
    Double dynamics;

    @Option(names = "--bits", paramLabel = "16|24|32f", defaultValue = "24",
            description = "Output sample format (16 and 24 are TPDF-dithered). Default: ${DEFAULT-VALUE}.")
    String bits;

    @Option(names = "--report", paramLabel = "DIR", description = "Write report.json, report.html and settings.json here.")
    Path reportDir;

    @Option(names = "--settings-out", paramLabel = "F.json", description = "Write the applied effect chain here.")
    Path settingsOut;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (targetLufs != null && preset != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--target-lufs and --preset exclude each other");
        }
        if (!weights.isEmpty() && weights.size() != references.size()) {
            throw new CommandLine.ParameterException(spec.commandLine(), weights.size() + " reference weights for "
                    + references.size() + " references");
        }
        var format = SampleFormats.parseBits("master", bits);
        InputFileErrors.requireRegularFile(input);
        for (Path ref : references) {
            InputFileErrors.requireRegularFile(ref);
        }
        Mastering m = Mastering.ofFile(input);
        if (preset != null) {
            m.target(Target.preset(preset));
        }
        if (targetLufs != null) {
            m.targetLufs(targetLufs);
        }
        if (ceilingDbtp != null) {
            m.ceilingDbtp(ceilingDbtp);
        }
        for (int i = 0; i < references.size(); i++) {
            m.referenceFile(references.get(i), weights.isEmpty() ? 1.0 : weights.get(i));
        }
        if (match != null) {
            m.match(MatchAmounts.parse(match, MatchAmounts.FULL));
        }
        if (brightness != null) {
            m.brightnessDb(brightness);
        }
        if (warmth != null) {
            m.warmthDb(warmth);
        }
        if (width != null) {
            m.widthPercent(width);
        }
        if (dynamics != null) {
            m.dynamicsPercent(dynamics);
        }
        MasteringResult r = m.render(output, format);
        if (settingsOut != null) {
            byte[] json = r.settings().toJson().getBytes(StandardCharsets.UTF_8);
            io.mixai.io.AtomicFileOutput.write(settingsOut, out -> out.write(json));
        }
        if (reportDir != null) {
            r.report().write(reportDir);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(String.format(Locale.ROOT, "%s -> %s: %s %.2f LUFS / %.2f dBTP; before %.2f LUFS, %.2f dBTP; "
                        + "after %.2f LUFS, %.2f dBTP; %d pass(es), %.1f s (%.1fx real time)",
                input, output, r.targetName(), r.targetLufs(), r.ceilingDbtp(), r.before().integratedLufs(),
                r.before().truePeakDbtp(), r.after().integratedLufs(), Math.max(r.after().truePeakDbtp(),
                        nanToLowest(r.after().truePeak16xDbtp())), r.renderPasses(), r.elapsedSeconds(),
                r.realTimeFactor()));
        if (r.mode().equals("reference")) {
            out.println(String.format(Locale.ROOT, "tonal distance to the references: %.2f dB -> %.2f dB",
                    r.tonalDistanceBeforeDb(), r.tonalDistanceAfterDb()));
        }
        for (String w : r.warnings()) {
            spec.commandLine().getErr().println("mixai: warning: " + w);
        }
        out.flush();
        spec.commandLine().getErr().flush();
        return MixaiCli.EXIT_OK;
    }

    private static double nanToLowest(double v) {
        return Double.isNaN(v) ? Double.NEGATIVE_INFINITY : v;
    }
}
