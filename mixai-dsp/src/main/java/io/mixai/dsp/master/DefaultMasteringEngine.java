package io.mixai.dsp.master;

import io.mixai.audio.AudioBuffer;
import io.mixai.audio.AudioFileException;
import io.mixai.audio.resample.Resampler;
import io.mixai.audio.wav.WavWriteOptions;
import io.mixai.audio.wav.WavWriter;
import io.mixai.chain.ChainRenderer;
import io.mixai.chain.EffectChain;
import io.mixai.chain.EffectSpec;
import io.mixai.dsp.analysis.FractionalOctaveBands;
import io.mixai.dsp.analysis.SpectrumDifference;
import io.mixai.master.EqCurve;
import io.mixai.master.MasteringEngine;
import io.mixai.master.MasteringRequest;
import io.mixai.master.MasteringResult;
import io.mixai.master.MasteringSettings;
import io.mixai.master.Measurements;
import io.mixai.master.Progress;
import io.mixai.master.ReferenceTrack;
import io.mixai.master.Target;
import io.mixai.master.Timeline;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default mastering engine.
 *
 * <ol>
 *   <li><b>Analysis pass</b> over the track (and each reference, resampled to the track's rate
 *       as it streams): loudness, true peak, 1/3-octave mid/side spectrum, level distribution.</li>
 *   <li><b>Plan</b>: {@code dc_blocker} (10 Hz) → {@code eq} fitted to the tonal target →
 *       {@code multiband_width} → {@code compressor} (only when crest must come down) →
 *       {@code gain} → {@code limiter} at the ceiling.</li>
 *   <li><b>Render passes</b>: render, measure the output's integrated loudness, correct the
 *       gain (a secant step, since the limiter makes loudness grow more slowly than gain), until
 *       within {@value #LOUDNESS_TOLERANCE_LU} LU or {@value #MAX_PASSES} passes. In reference
 *       mode the EQ is re-planned once after the first pass against the track as the compressor
 *       and limiter colour it. A file output is written during each pass and committed only
 *       when that pass is accepted; the input is read once per pass, never held in memory.</li>
 * </ol>
 * The output is the chain's output, so {@link MasteringResult#settings()} re-renders it bit for bit.
 */
public final class DefaultMasteringEngine implements MasteringEngine {

    private static final Logger LOG = LoggerFactory.getLogger(DefaultMasteringEngine.class);

    /** Passes stop once the output is this close to the loudness target (the acceptance bound is 0.5 LU). */
    static final double LOUDNESS_TOLERANCE_LU = 0.1;
    static final int MAX_PASSES = 6;
    /**
     * Largest loudness increase the engine aims for: more would mostly raise noise (a near-silent
     * track is lifted this far and no further, with a warning; digital silence is not lifted at all).
     */
    static final double MAX_LOUDNESS_RISE_LU = 24;
    /** The range of the gain stage (the {@code gain} effect's own range ends at +40 dB). */
    static final double MAX_GAIN_DB = 40;
    static final double MIN_GAIN_DB = -40;
    private static final double DC_BLOCKER_HZ = 10;
    private static final double LIMITER_RELEASE_MS = 80;
    private static final double LIMITER_LOOKAHEAD_MS = 5;
    /** Share of the analysis in the progress bar. */
    private static final double ANALYSIS_SHARE = 0.2;

    /** Needed by {@link java.util.ServiceLoader}. */
    public DefaultMasteringEngine() {
    }

    @Override
    public String name() {
        return "mixai default";
    }

    @Override
    public MasteringResult master(MasteringRequest request) throws IOException {
        long started = System.nanoTime();
        List<String> notes = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        ProgressTracker progress = new ProgressTracker(request);

        // ---- pass 1: analysis (the track and each reference take an equal share of its progress)
        double share = ANALYSIS_SHARE / (1 + request.references().size());
        ProgrammeAnalyzer.Analysis track;
        int rate;
        int channels;
        try (AudioStream in = AudioStream.open(request.sourceAudio(), request.sourceFile())) {
            AudioStream.checkChannels(in.channels(), request.sourceLabel());
            rate = in.sampleRate();
            channels = in.channels();
            track = analyse(in, rate, progress, 0, share);
        }
        if (track.measurements().frames() == 0) {
            throw new AudioFileException(request.sourceFile(), "the track has no audio frames");
        }
        List<ProgrammeAnalyzer.Analysis> refs = new ArrayList<>();
        List<String> refLabels = new ArrayList<>();
        for (int i = 0; i < request.references().size(); i++) {
            ReferenceTrack ref = request.references().get(i);
            try (AudioStream in = AudioStream.open(ref.audio(), ref.file())) {
                AudioStream.checkChannels(in.channels(), "reference " + ref.label());
                refs.add(analyse(in, rate, progress, share * (i + 1), share));
                refLabels.add(ref.label());
                if (in.sampleRate() != rate) {
                    notes.add("reference " + ref.label() + " resampled from " + in.sampleRate() + " to " + rate + " Hz");
                }
            }
        }

        // ---- plan
        Measurements before = track.measurements();
        FractionalOctaveBands bands = track.spectrum().bands();
        ReferenceProfile profile = refs.isEmpty() ? null
                : ReferenceProfile.of(refs, request.references(), channels, notes);
        Target target = request.target();
        double ceiling = target.ceilingDbtp();
        double inputLufs = before.integratedLufs();
        double targetLufs = target.loudnessLufs();
        String targetName = target.name();
        if (profile != null) {
            if (request.loudnessExplicit()) {
                notes.add("loudness from the explicit target " + fmt(targetLufs) + " LUFS, not the references");
            } else if (Double.isFinite(profile.loudnessLufs()) && Double.isFinite(inputLufs)) {
                double a = request.match().loudnessPercent() / 100;
                targetLufs = Planner.clamp(inputLufs + a * (profile.loudnessLufs() - inputLufs), Target.MIN_LUFS,
                        Target.MAX_LUFS);
                targetName = "reference";
                notes.add(String.format(Locale.ROOT, "loudness: references at %.2f LUFS, track at %.2f LUFS, "
                        + "%.0f %% match -> %.2f LUFS", profile.loudnessLufs(), inputLufs, a * 100, targetLufs));
            } else {
                targetName = "reference";
                if (Double.isFinite(inputLufs)) {
                    targetLufs = inputLufs;
                }
                warnings.add("the references have no measurable loudness; the track's loudness is kept");
            }
        }

        if (Double.isFinite(inputLufs) && targetLufs - inputLufs > MAX_LOUDNESS_RISE_LU) {
            warnings.add(String.format(Locale.ROOT, "reaching %.1f LUFS would raise the loudness by %.1f LU; aiming at "
                    + "%.1f LUFS instead (at most +%.0f LU)", targetLufs, targetLufs - inputLufs,
                    inputLufs + MAX_LOUDNESS_RISE_LU, MAX_LOUDNESS_RISE_LU));
            targetLufs = inputLufs + MAX_LOUDNESS_RISE_LU;
        }
        boolean useMid = channels == 2 && (profile == null || profile.stereo());
        double[] trackTonal = useMid ? track.spectrum().midDb() : track.spectrum().totalDb();
        double[] refTonal = profile == null ? null : useMid ? profile.midDb() : profile.totalDb();
        double tonalAmount = profile == null ? 0 : request.match().tonalPercent() / 100;
        Planner.Tonal tonal = Planner.tonal(bands, trackTonal, refTonal, tonalAmount, request.preferences(), rate, notes);

        EffectSpec width = null;
        if (channels == 2) {
            double[] refRatio = profile != null && profile.stereo() ? profile.widthRatios() : null;
            width = Planner.width(Planner.widthBands(track.spectrum()), refRatio,
                    profile == null ? 0 : request.match().widthPercent() / 100, request.preferences(), notes);
        }

        // Dynamics: how much crest the compressor should take (the limiter does whatever is left).
        double crestReduction = 0;
        double trackPlr = before.peakToLoudnessRatioDb();
        if (profile != null && Double.isFinite(trackPlr) && Double.isFinite(profile.plrDb())) {
            double a = request.match().dynamicsPercent() / 100;
            crestReduction = a * (trackPlr - profile.plrDb());
            notes.add(String.format(Locale.ROOT, "dynamics: PLR track %.1f dB, references %.1f dB, %.0f %% match",
                    trackPlr, profile.plrDb(), a * 100));
            if (crestReduction < 0) {
                notes.add("the references are more dynamic than the track; mastering does not expand");
            }
        } else if (Double.isFinite(trackPlr)) {
            double excess = before.truePeakDbtp() + (targetLufs - inputLufs) - ceiling;
            crestReduction = request.preferences().dynamicsPercent() / 100 * Math.max(0, excess);
            notes.add(String.format(Locale.ROOT, "dynamics: peaks would exceed the ceiling by %.1f dB at the target; "
                    + "%.0f %% of that goes to the compressor", Math.max(0, excess),
                    request.preferences().dynamicsPercent()));
        }
        Planner.Compression compression = Planner.compression(track.levels(), crestReduction, notes);

        // ---- gain: first estimate, then render passes
        double gain;
        if (!Double.isFinite(inputLufs)) {
            gain = 0;
            warnings.add("the track has no measurable loudness (silence, below the -70 LUFS gate, or shorter than 400 ms): "
                    + "no gain applied (silence stays silent)");
        } else {
            double eqChange = loudnessChangeOfEq(tonal, before);
            gain = targetLufs - inputLufs - eqChange + (compression != null ? compression.predictedLevelLossDb() : 0);
        }
        double gainCap = MAX_GAIN_DB;
        gain = capGain(gain, gainCap, warnings);

        List<EffectSpec> fixedHead = new ArrayList<>();
        fixedHead.add(EffectSpec.of("dc_blocker", Map.of("cutoff_hz", DC_BLOCKER_HZ)));
        fixedHead.add(tonal.eq());
        if (width != null) {
            fixedHead.add(width);
        }
        if (compression != null) {
            fixedHead.add(compression.compressor());
        }
        Map<String, Object> limiter = new LinkedHashMap<>();
        limiter.put("ceiling_dbtp", ceiling);
        limiter.put("release_ms", LIMITER_RELEASE_MS);
        limiter.put("auto_release", true);
        limiter.put("lookahead_ms", LIMITER_LOOKAHEAD_MS);
        EffectSpec limiterSpec = new EffectSpec("limiter", limiter);

        RenderOutcome best = null;
        boolean refined = false;
        RenderOutcome previous = null;
        int passes = 0;
        boolean measurable = Double.isFinite(inputLufs);
        try {
            while (true) {
                passes++;
                boolean mayBeLast = passes >= MAX_PASSES || !measurable;
                RenderOutcome outcome = render(request, fixedHead, gain, limiterSpec, rate, channels, ceiling, progress,
                        passes);
                double measured = outcome.after().integratedLufs();
                double error = measured - targetLufs;
                LOG.debug("pass {}: gain {} dB -> {} LUFS (error {})", passes, gain, measured, error);
                boolean good = !measurable || !Double.isFinite(measured) || Math.abs(error) <= LOUDNESS_TOLERANCE_LU;
                if (best == null || Math.abs(error) < Math.abs(best.after().integratedLufs() - targetLufs)) {
                    if (best != null) {
                        best.discard();
                    }
                    best = outcome;
                } else {
                    outcome.discard();
                }
                if (!refined && tonalAmount > 0 && !mayBeLast) {
                    // Tonal refinement, once: the compressor and limiter colour the sound too, so
                    // re-plan the EQ against the track as the rest of the chain leaves it
                    // (track + that colouring), then go on settling the loudness.
                    refined = true;
                    double[] out = useMid ? outcome.after().midDb() : outcome.after().totalDb();
                    double[] coloured = new double[out.length];
                    for (int b = 0; b < out.length; b++) {
                        coloured[b] = trackTonal[b] + (out[b] - trackTonal[b] - tonal.fittedDb()[b]);
                    }
                    Planner.Tonal refinedTonal = Planner.tonal(bands, coloured, refTonal, tonalAmount,
                            request.preferences(), rate, new ArrayList<>());
                    double loudnessShift = loudnessChangeOfEq(refinedTonal, before) - loudnessChangeOfEq(tonal, before);
                    tonal = refinedTonal;
                    fixedHead.set(1, tonal.eq());
                    notes.add("tonal match refined once against the output of the first pass (the dynamics colour it)");
                    gain = Math.rint(capGain(gain - error - loudnessShift, gainCap, null) * 1e4) / 1e4;
                    previous = null;
                    best.discard(); // only passes with the refined EQ may become the master
                    best = null;
                    continue;
                }
                if (good || mayBeLast) {
                    break;
                }
                // Loudness grows more slowly than gain once the limiter works, and ever more slowly
                // (the curve is concave). First step: where the limiter is idle, gain passes 1:1, where
                // it limits hard, hardly at all, so the share of idle 100 ms windows estimates the slope.
                // Later steps: the secant through the last two passes, shrunk a little because the
                // local slope is below the secant's on a concave curve.
                double slope = idleShare(outcome.gainReductionDb());
                if (previous != null && Math.abs(gain - previous.gainDb()) > 1e-6) {
                    slope = 0.85 * (measured - previous.after().integratedLufs()) / (gain - previous.gainDb());
                }
                slope = Planner.clamp(slope, 0.1, 1.5);
                previous = outcome;
                double next = capGain(gain - error / slope, gainCap, null);
                if (Math.abs(next - gain) < 1e-4) {
                    break; // pinned at the gain cap
                }
                gain = Math.rint(next * 1e4) / 1e4;
            }
        } catch (IOException | RuntimeException | Error e) {
            if (best != null) {
                best.discard(); // leave no uncommitted output behind
            }
            throw e;
        }
        RenderOutcome chosen = best;
        chosen.commit();
        double afterLufs = chosen.after().integratedLufs();
        if (measurable && Double.isFinite(afterLufs) && Math.abs(afterLufs - targetLufs) > 0.5) {
            warnings.add(String.format(Locale.ROOT, "the loudness target %.1f LUFS was missed by %.2f LU (reached %.2f LUFS "
                    + "after %d passes)", targetLufs, afterLufs - targetLufs, afterLufs, passes));
        }
        notes.add(String.format(Locale.ROOT, "gain %.2f dB into the limiter (ceiling %.2f dBTP); %d render pass(es)",
                chosen.gainDb(), ceiling, passes));
        for (String w : warnings) {
            LOG.warn("{}: {}", request.sourceLabel(), w);
        }

        double distanceBefore = Double.NaN;
        double distanceAfter = Double.NaN;
        if (profile != null) {
            distanceBefore = tonalDistance(bands, before.totalDb(), profile.totalDb());
            distanceAfter = tonalDistance(bands, chosen.after().totalDb(), profile.totalDb());
        }
        progress.report("done", 1.0);
        List<Measurements> refMeasurements = new ArrayList<>();
        for (ProgrammeAnalyzer.Analysis a : refs) {
            refMeasurements.add(a.measurements());
        }
        return new MasteringResult(chosen.audio(), request.outputFile(), request.outputFormat(),
                profile == null ? "target" : "reference", targetName, measurable ? targetLufs : Double.NaN, ceiling,
                new MasteringSettings(chosen.specs()), before, chosen.after(), refMeasurements, refLabels,
                new EqCurve(tonal.centres(), tonal.desiredDb(), tonal.fittedDb()),
                new Timeline(GainReductionMeter.STEP_SECONDS, chosen.gainReductionDb()), distanceBefore,
                distanceAfter, notes, warnings, passes, (System.nanoTime() - started) / 1e9);
    }

    /** The share of gain-reduction windows in which the limiter reduced by less than 1 dB. */
    static double idleShare(double[] gainReductionDb) {
        if (gainReductionDb.length == 0) {
            return 1;
        }
        int idle = 0;
        for (double gr : gainReductionDb) {
            if (gr > -1) {
                idle++;
            }
        }
        return idle / (double) gainReductionDb.length;
    }

    /** The 1/3-octave tonal distance (RMS dB after gain match) over 30 Hz .. 16 kHz. */
    static double tonalDistance(FractionalOctaveBands bands, double[] measuredDb, double[] referenceDb) {
        return SpectrumDifference.between(bands, measuredDb, referenceDb, Planner.MATCH_LOW_HZ, Planner.MATCH_HIGH_HZ, 0)
                .rmsDb();
    }

    /** The EQ's effect on loudness, estimated from the track's spectrum (power-weighted mean of the fitted response). */
    private static double loudnessChangeOfEq(Planner.Tonal tonal, Measurements before) {
        double[] total = before.totalDb();
        double[] centres = tonal.centres();
        double p0 = 0;
        double p1 = 0;
        for (int b = 0; b < total.length; b++) {
            // Rough K-weighting: the bass counts less (BS.1770-4's high-pass at about 60 Hz, shelf above 1.5 kHz).
            double k = centres[b] < 60 ? 0.3 : centres[b] > 2000 ? 1.4 : 1.0;
            double p = k * Math.pow(10, total[b] / 10);
            p0 += p;
            p1 += p * Math.pow(10, tonal.fittedDb()[b] / 10);
        }
        return p0 > 0 ? 10 * Math.log10(p1 / p0) : 0;
    }

    private static double capGain(double gain, double cap, List<String> warnings) {
        if (gain > cap) {
            if (warnings != null) {
                warnings.add(String.format(Locale.ROOT, "the target needs %.1f dB of gain; capped at %.1f dB", gain,
                        cap));
            }
            return cap;
        }
        return Math.max(MIN_GAIN_DB, gain);
    }

    /** Streams a programme through an analyzer, resampling to {@code rate} if needed. */
    private static ProgrammeAnalyzer.Analysis analyse(AudioStream in, int rate,
            ProgressTracker progress, double from, double span) throws IOException {
        int block = EffectChain.RENDER_BLOCK_FRAMES;
        int channels = in.channels();
        ProgrammeAnalyzer analyzer = new ProgrammeAnalyzer(rate, channels, false);
        float[][] buffer = new float[channels][block];
        Resampler resampler = in.sampleRate() == rate ? null : new Resampler(in.sampleRate(), rate, channels);
        float[][] resampled = resampler == null ? null
                : new float[channels][Math.max(resampler.maxOutputFrames(block), resampler.flushFrames())];
        long done = 0;
        long total = Math.max(1, in.frames());
        for (int n; (n = in.read(buffer, 0, block)) > 0; ) {
            if (resampler == null) {
                analyzer.process(buffer, 0, n);
            } else {
                analyzer.process(resampled, 0, resampler.process(buffer, 0, n, resampled, 0));
            }
            done += n;
            progress.report("analysis", from + span * Math.min(1, done / (double) total));
        }
        if (resampler != null) {
            analyzer.process(resampled, 0, resampler.flush(resampled, 0));
        }
        return analyzer.result();
    }

    /** One render of the chain at a gain, measured; its output kept until committed or discarded. */
    private static RenderOutcome render(MasteringRequest request, List<EffectSpec> head, double gainDb,
            EffectSpec limiter, int rate, int channels, double ceiling, ProgressTracker progress, int pass)
            throws IOException {
        List<EffectSpec> specs = new ArrayList<>(head);
        specs.add(EffectSpec.of("gain", Map.of("gain_db", gainDb)));
        specs.add(limiter);
        EffectChain chain = EffectChain.of(request.registry(), specs);
        MeteredChain metered = new MeteredChain(chain);
        ProgrammeAnalyzer analyzer = new ProgrammeAnalyzer(rate, channels, true);
        AudioBuffer out = null;
        WavWriter writer = null;
        if (request.outputFile() != null) {
            List<java.nio.file.Path> inputs = new ArrayList<>();
            if (request.sourceFile() != null) {
                inputs.add(request.sourceFile());
            }
            for (ReferenceTrack r : request.references()) {
                if (r.file() != null) {
                    inputs.add(r.file());
                }
            }
            writer = WavWriter.create(request.outputFile(), rate, channels, request.outputFormat(),
                    WavWriteOptions.builder().protectedInputs(inputs).build());
        }
        try (AudioStream in = AudioStream.open(request.sourceAudio(), request.sourceFile())) {
            long total = Math.max(1, in.frames());
            if (writer == null) {
                if (in.frames() > Integer.MAX_VALUE - 8) {
                    throw new AudioFileException(request.sourceFile(), "too long to master in memory; render to a file");
                }
                out = AudioBuffer.allocate(channels, (int) in.frames(), rate);
            }
            AudioBuffer target = out;
            WavWriter sink = writer;
            long[] position = {0};
            ChainRenderer.render(metered, rate, channels, in, (block, offset, frames) -> {
                analyzer.process(block, offset, frames);
                if (sink != null) {
                    sink.write(block, offset, frames);
                } else {
                    for (int c = 0; c < channels; c++) {
                        System.arraycopy(block[c], offset, target.channel(c), (int) position[0], frames);
                    }
                }
                position[0] += frames;
                progress.renderProgress(pass, position[0] / (double) total);
            });
        } catch (IOException | RuntimeException | Error e) {
            if (writer != null) {
                writer.abort();
            }
            throw e;
        }
        return new RenderOutcome(gainDb, chain.specs(), analyzer.result().measurements(), metered.gainReductionDb(),
                out, writer);
    }

    /** A finished render pass. */
    private record RenderOutcome(double gainDb, List<EffectSpec> specs, Measurements after, double[] gainReductionDb,
            AudioBuffer audio, WavWriter writer) {

        void commit() throws IOException {
            if (writer != null) {
                writer.close();
            }
        }

        void discard() {
            if (writer != null) {
                writer.abort();
            }
        }
    }

    /** Maps analysis and render passes onto one monotone progress fraction. */
    private static final class ProgressTracker {
        private final MasteringRequest request;
        private double last;

        ProgressTracker(MasteringRequest request) {
            this.request = request;
        }

        void report(String stage, double fraction) {
            double f = Math.max(last, Math.min(1, fraction));
            // Report in steps of 1 % so listeners are not flooded.
            if (f - last >= 0.01 || f == 1.0) {
                last = f;
                request.progress().accept(new Progress(stage, f));
            }
        }

        /** Pass k fills (1 - analysis) / 2^k of what is left: progress never runs backwards or past 1. */
        void renderProgress(int pass, double fraction) {
            double start = ANALYSIS_SHARE + (1 - ANALYSIS_SHARE) * (1 - Math.pow(0.5, pass - 1));
            double span = (1 - ANALYSIS_SHARE) * Math.pow(0.5, pass);
            report("render " + pass, start + span * fraction);
        }
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
