package io.mixai.dsp.filter;

import io.mixai.dsp.effect.SafeSamples;
import io.mixai.dsp.spectral.PartitionedConvolver;
import io.mixai.dsp.spectral.PartitionedFilter;
import io.mixai.audio.AudioBlock;
import io.mixai.param.ParameterSet;
import io.mixai.process.ProcessSpec;
import io.mixai.spi.Effect;
import java.util.Arrays;
import java.util.Objects;

/**
 * The {@code eq} effect (see {@link ParametricEqProvider} for its parameters).
 *
 * <p><b>Minimum phase</b> (default): every band is one or more TPT state-variable sections
 * (cookbook shelves and bells, Butterworth cascades for the cuts) run in series in double
 * precision. A parameter change is picked up at the start of the next block; from its first
 * sample each changed section glides to its new coefficients over {@value #GLIDE_MS} ms
 * (per sample, see {@link SvfCascade}), so sweeps of frequency, gain and Q do not click. A band
 * whose type changes, or a cut that gains sections, switches at once and its new sections start
 * from silent state: that can click, as switching a hardware EQ band does.
 *
 * <p><b>Linear phase</b> ({@code linear_phase} = 1 at {@link #prepare}): the same cascade's
 * magnitude response, realised as a symmetric FIR of {@code N} taps (8193 at 48 kHz, scaled with
 * the sample rate, see {@link LinearPhaseFirDesigner}) applied by partitioned FFT convolution
 * with a fixed {@value #PARTITION}-sample partition. The latency is reported exactly:
 * {@code 1024 + (N - 1) / 2} samples (5120 at 48 kHz). The FIR is designed by
 * {@link #setParameters} on the caller's thread (a few milliseconds) and handed over with the
 * parameter snapshot; the audio thread swaps it in, without a crossfade, at the next partition
 * boundary.
 *
 * <p>Switching between the two modes changes the latency, so {@code linear_phase} only takes
 * effect at the next {@link #prepare}.
 *
 * <p>Not an {@link io.mixai.dsp.effect.AbstractEffect}: its parameter hand-over carries the FIR
 * designed on the caller's thread, published together with the parameters under a lock that
 * also orders it against {@link #prepare} (which replaces the designer); the base class hands
 * over a bare parameter set from a final {@code setParameters}.
 */
final class ParametricEq implements Effect {

    /** Sections reserved per band: a 48 dB/octave cut is four. */
    static final int SECTIONS_PER_BAND = ButterworthCascade.MAX_ORDER / 2;
    static final int SLOTS = EqSettings.BANDS * SECTIONS_PER_BAND;
    static final int PARTITION = 1024;
    /** Minimum-phase coefficient glide after a parameter change. */
    static final double GLIDE_MS = 5;
    /** Tail estimate: the time for a section's ringing to decay by 120 dB. */
    private static final double LN_120_DB = Math.log(1e6);

    /** Parameters plus, when prepared for linear phase, their FIR; immutable once published. */
    private static final class Snapshot {
        final EqSettings settings;
        final PartitionedFilter fir;

        Snapshot(EqSettings settings, PartitionedFilter fir) {
            this.settings = settings;
            this.fir = fir;
        }
    }

    private volatile Snapshot snapshot;

    /** Serialises the control side (setParameters, prepare); process() never takes it. */
    private final Object controlLock = new Object();
    private LinearPhaseEqDesigner firDesigner; // guarded by controlLock; null unless prepared for linear phase

    // Prepared state, touched only by the audio thread after prepare().
    private boolean prepared;
    private int sampleRate;
    private int channels;
    private boolean linearPhase;
    private int firLength;
    private int firDelay;
    private SvfCascade cascade;
    private PartitionedConvolver[] convolvers; // one per channel, all with the same FIR
    private Snapshot applied;
    private final EqBandType[] appliedTypes = new EqBandType[EqSettings.BANDS];
    private final int[] appliedSections = new int[EqSettings.BANDS];
    private final int[] activeSlots = new int[SLOTS];

    ParametricEq(ParameterSet parameters) {
        this.snapshot = new Snapshot(new EqSettings(Objects.requireNonNull(parameters, "parameters")), null);
    }

    @Override
    public String type() {
        return ParametricEqProvider.TYPE;
    }

    @Override
    public ParameterSet parameters() {
        return snapshot.settings.source;
    }

    @Override
    public void setParameters(ParameterSet parameters) {
        EqSettings settings = new EqSettings(Objects.requireNonNull(parameters, "parameters"));
        synchronized (controlLock) {
            snapshot = snapshotOf(settings);
        }
    }

    private Snapshot snapshotOf(EqSettings settings) {
        return new Snapshot(settings, firDesigner == null ? null : firDesigner.design(settings));
    }

    @Override
    public void prepare(ProcessSpec spec) {
        Objects.requireNonNull(spec, "spec");
        synchronized (controlLock) {
            EqSettings settings = snapshot.settings;
            sampleRate = spec.sampleRate();
            channels = spec.channels();
            linearPhase = settings.linearPhase;
            cascade = new SvfCascade(SLOTS, channels, (int) Math.round(GLIDE_MS * sampleRate / 1000.0));
            if (linearPhase) {
                firDesigner = new LinearPhaseEqDesigner(sampleRate, PARTITION);
                firLength = firDesigner.firLength();
                firDelay = firDesigner.firDelay();
            } else {
                firDesigner = null;
            }
            snapshot = snapshotOf(settings);
            convolvers = null;
            if (linearPhase) {
                convolvers = new PartitionedConvolver[channels];
                for (int c = 0; c < channels; c++) {
                    convolvers[c] = new PartitionedConvolver(snapshot.fir);
                }
            }
            Arrays.fill(appliedTypes, EqBandType.OFF);
            Arrays.fill(appliedSections, 0);
            apply(snapshot);
            prepared = true;
        }
    }

    @Override
    public void reset() {
        if (!prepared) {
            return;
        }
        cascade.reset();
        if (convolvers != null) {
            for (PartitionedConvolver convolver : convolvers) {
                convolver.reset();
            }
        }
    }

    @Override
    public int latencySamples() {
        return prepared && linearPhase ? convolvers[0].latencySamples() + firDelay : 0;
    }

    @Override
    public int tailSamples() {
        if (!prepared) {
            return 0;
        }
        if (linearPhase) {
            return convolvers[0].latencySamples() + firLength - 1;
        }
        // A section's poles are those of s² + k s + 1 scaled by its tuning frequency ω: an
        // underdamped pair (k < 2) decays at k·ω/2, an overdamped one (k >= 2) at the slower
        // root, ω (k - √(k² - 4)) / 2. The cascade's tail is at most the sum of its sections'.
        double seconds = 0;
        for (int j = 0; j < cascade.activeCount(); j++) {
            int slot = activeSlots[j];
            double g = cascade.coefficient(slot, SvfDesign.G);
            double k = cascade.coefficient(slot, SvfDesign.K);
            double omega = 2 * Math.atan(g) * sampleRate; // rad/s of the digital tuning frequency
            double rate = omega * (k >= 2 ? (k - Math.sqrt(k * k - 4)) / 2 : k / 2);
            if (rate > 0) {
                seconds += LN_120_DB / rate;
            }
        }
        return (int) Math.min(Integer.MAX_VALUE / 2, Math.ceil(seconds * sampleRate));
    }

    @Override
    public void process(AudioBlock block) {
        if (!prepared) {
            throw new IllegalStateException("eq: process() before prepare()");
        }
        if (block.channelCount() > channels) {
            throw new IllegalArgumentException("eq: block has " + block.channelCount()
                    + " channels but was prepared for " + channels);
        }
        Snapshot s = snapshot; // read once per block
        if (s != applied) {
            apply(s);
        }
        int frames = block.frames();
        if (frames == 0) {
            return;
        }
        if (linearPhase) {
            for (int c = 0; c < block.channelCount(); c++) {
                convolvers[c].process(block.channel(c), block.offset(), frames);
            }
        } else if (cascade.activeCount() > 0) {
            cascade.process(block);
        } else {
            // Every band is off: pass through, but never pass on NaN, infinity or denormals.
            for (int c = 0; c < block.channelCount(); c++) {
                float[] x = block.channel(c);
                for (int i = block.offset(), end = block.offset() + frames; i < end; i++) {
                    x[i] = SafeSamples.toOutput(SafeSamples.fromInput(x[i]));
                }
            }
        }
    }

    /** Takes a snapshot into use (allocation-free). */
    private void apply(Snapshot s) {
        if (linearPhase) {
            if (s.fir != null) { // always set once prepared for linear phase
                for (PartitionedConvolver convolver : convolvers) {
                    convolver.setFilter(s.fir);
                }
            }
        } else {
            designSections(s.settings, sampleRate, cascade, appliedTypes, appliedSections, activeSlots);
        }
        applied = s;
    }

    /**
     * Designs every band's sections into {@code cascade} in place (allocation-free) and
     * activates them. {@code types} and {@code sections} hold what each band was before and are
     * updated: a section that keeps its band's topology glides, a new one starts from silence.
     */
    static void designSections(EqSettings s, int sampleRate, SvfCascade cascade, EqBandType[] types, int[] sections,
            int[] activeSlots) {
        int count = 0;
        for (int b = 0; b < EqSettings.BANDS; b++) {
            EqBandType type = s.type(b);
            int n = s.sectionCount(b);
            for (int i = 0; i < n; i++) {
                int slot = b * SECTIONS_PER_BAND + i;
                boolean glide = type == types[b] && i < sections[b];
                double q = type == EqBandType.LOW_CUT || type == EqBandType.HIGH_CUT
                        ? ButterworthCascade.sectionQ(s.order(b), i)
                        : s.q(b);
                cascade.design(slot, type.sectionKind(), sampleRate, s.frequency(b), q, s.gainDb(b), glide);
                activeSlots[count++] = slot;
            }
            types[b] = type;
            sections[b] = n;
        }
        cascade.setActive(activeSlots, count);
    }
}
