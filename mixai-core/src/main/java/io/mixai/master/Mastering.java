package io.mixai.master;

import io.mixai.audio.AudioBuffer;
import io.mixai.audio.SampleFormat;
import io.mixai.spi.EffectRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fluent entry point to mastering.
 *
 * <pre>{@code
 * MasteringResult r = Mastering.of(AudioFile.read(track))
 *         .reference(AudioFile.read(ref))           // reference mode; or .target(Target.STREAMING)
 *         .ceilingDbtp(-1.0)
 *         .onProgress(p -> bar.update(p.fraction()))
 *         .render();
 * AudioFile.write(r.audio(), out, SampleFormat.PCM_24);
 * String chain = r.settings().toJson();              // re-renders the same output bit for bit
 *
 * // Long files, bounded memory: stream file to file.
 * Mastering.ofFile(in).target(Target.APPLE_MUSIC).render(out, SampleFormat.PCM_24);
 * }</pre>
 *
 * <p><b>Target mode</b> (no references): the integrated loudness and true-peak ceiling of a
 * {@link Target} (default {@link Target#STREAMING}). <b>Reference mode</b> (one or more
 * references, weighted): tonal balance, loudness, stereo width and dynamics move towards the
 * references by their {@link MatchAmounts}; the ceiling still comes from the target or
 * {@link #ceilingDbtp}. {@link Preferences} apply in both modes.
 *
 * <p>Every option is checked when it is set ({@link io.mixai.param.InvalidParameterException}
 * naming the option). A builder may render more than once; each render is independent.
 * The output keeps the input's sample rate and length; 1 and 2 channels are supported.
 */
public final class Mastering {

    private static final Logger LOG = LoggerFactory.getLogger(Mastering.class);

    private final AudioBuffer sourceAudio;
    private final Path sourceFile;
    private final List<ReferenceTrack> references = new ArrayList<>();
    private Target target = Target.STREAMING;
    private boolean loudnessExplicit;
    private Double ceiling;
    private MatchAmounts match = MatchAmounts.FULL;
    private Preferences preferences = Preferences.DEFAULT;
    private Consumer<Progress> progress = p -> { };
    private EffectRegistry registry;
    private MasteringEngine engine;

    private Mastering(AudioBuffer sourceAudio, Path sourceFile) {
        this.sourceAudio = sourceAudio;
        this.sourceFile = sourceFile;
    }

    /** Masters audio held in memory. */
    public static Mastering of(AudioBuffer track) {
        return new Mastering(Objects.requireNonNull(track, "track"), null);
    }

    /** Masters a WAV file, streaming it (read more than once; never held whole in memory). */
    public static Mastering ofFile(Path track) {
        return new Mastering(null, Objects.requireNonNull(track, "track"));
    }

    /** Aims at a target's loudness and ceiling. */
    public Mastering target(Target target) {
        this.target = Objects.requireNonNull(target, "target");
        this.loudnessExplicit = true;
        return this;
    }

    /** Aims at this integrated loudness, in [-40, -5] LUFS (the ceiling stays). */
    public Mastering targetLufs(double lufs) {
        this.target = target.withLoudness(lufs);
        this.loudnessExplicit = true;
        return this;
    }

    /** The true-peak ceiling, in [-20, 0] dBTP; overrides the target's. */
    public Mastering ceilingDbtp(double dbtp) {
        this.ceiling = Target.checkCeiling(dbtp);
        return this;
    }

    /** Adds a reference (weight 1). */
    public Mastering reference(AudioBuffer reference) {
        return reference(reference, 1.0);
    }

    /** Adds a weighted reference. */
    public Mastering reference(AudioBuffer reference, double weight) {
        references.add(ReferenceTrack.of(reference, weight));
        return this;
    }

    /** Adds a reference WAV file (weight 1), streamed. */
    public Mastering referenceFile(Path reference) {
        return referenceFile(reference, 1.0);
    }

    /** Adds a weighted reference WAV file, streamed. */
    public Mastering referenceFile(Path reference, double weight) {
        references.add(ReferenceTrack.of(reference, weight));
        return this;
    }

    /** How far each aspect moves towards the references. */
    public Mastering match(MatchAmounts amounts) {
        this.match = Objects.requireNonNull(amounts, "amounts");
        return this;
    }

    public Mastering preferences(Preferences preferences) {
        this.preferences = Objects.requireNonNull(preferences, "preferences");
        return this;
    }

    /** Tonal tilt in dB per decade around 1 kHz, [-4, 4]. */
    public Mastering brightnessDb(double db) {
        preferences = preferences.withBrightnessDb(db);
        return this;
    }

    /** Low-shelf warmth in dB, [-6, 6]. */
    public Mastering warmthDb(double db) {
        preferences = preferences.withWarmthDb(db);
        return this;
    }

    /** Stereo width in percent above 150 Hz, [50, 150]. */
    public Mastering widthPercent(double percent) {
        preferences = preferences.withWidthPercent(percent);
        return this;
    }

    /** Share of the peak reduction done by compression rather than limiting, [0, 100] %. */
    public Mastering dynamicsPercent(double percent) {
        preferences = preferences.withDynamicsPercent(percent);
        return this;
    }

    /** Called with progress from the rendering thread. */
    public Mastering onProgress(Consumer<Progress> listener) {
        this.progress = Objects.requireNonNull(listener, "listener");
        return this;
    }

    /** The registry to find effects in (default: {@link EffectRegistry#discover()}). */
    public Mastering registry(EffectRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
        return this;
    }

    /** Uses this engine instead of the discovered one. */
    public Mastering engine(MasteringEngine engine) {
        this.engine = Objects.requireNonNull(engine, "engine");
        return this;
    }

    /** Renders into memory: {@link MasteringResult#audio()} holds the master. */
    public MasteringResult render() throws IOException {
        return engine().master(request(null, null));
    }

    /**
     * Renders to a WAV file (atomically; never over an input file), streaming: memory stays
     * bounded whatever the length. Integer formats up to 24 bits are TPDF-dithered.
     */
    public MasteringResult render(Path output, SampleFormat format) throws IOException {
        return engine().master(request(Objects.requireNonNull(output, "output"), Objects.requireNonNull(format, "format")));
    }

    /** The immutable description of the job as currently configured. */
    public MasteringRequest request(Path output, SampleFormat format) {
        Target t = ceiling == null ? target : target.withCeiling(ceiling);
        return new MasteringRequest(sourceAudio, sourceFile, references, t, loudnessExplicit, match, preferences,
                progress, registry != null ? registry : EffectRegistry.discover(), output, format);
    }

    private MasteringEngine engine() {
        return engine != null ? engine : discoverEngine(Thread.currentThread().getContextClassLoader());
    }

    /**
     * The engine found by {@link ServiceLoader}: the one whose class name sorts first, so the
     * choice is deterministic; a provider that fails to load is logged and skipped.
     *
     * @throws IllegalStateException when there is none (mixai-dsp is not on the class or module path)
     */
    public static MasteringEngine discoverEngine(ClassLoader loader) {
        List<MasteringEngine> found = new ArrayList<>();
        var it = ServiceLoader.load(MasteringEngine.class, loader != null ? loader : ClassLoader.getSystemClassLoader())
                .iterator();
        for (int failures = 0; failures < 100; ) {
            try {
                if (!it.hasNext()) {
                    break;
                }
                found.add(it.next());
            } catch (ServiceConfigurationError | LinkageError e) {
                failures++;
                LOG.warn("A mastering engine could not be loaded and is skipped: {}", e.getMessage());
            }
        }
        if (found.isEmpty()) {
            // Within a named module, the loader may not see the provider module; try the module layer too.
            ServiceLoader.load(MasteringEngine.class).forEach(found::add);
        }
        return found.stream().min(Comparator.comparing(e -> e.getClass().getName()))
                .orElseThrow(() -> new IllegalStateException("no mastering engine found: put mixai-dsp on the class "
                        + "or module path"));
    }
}
