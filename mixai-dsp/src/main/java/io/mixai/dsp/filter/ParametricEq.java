package io.mixai.dsp.filter;

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
 * with a fixed 1024-sample partition. The latency is reported exactly:
 * {@code 1024 + (N - 1) / 2} samples (5120 at 48 kHz). A parameter change redesigns the FIR on
 * the audio thread (a few milliseconds of work, no allocation) and takes effect, without a
 * crossfade, at the next partition boundary.
 *
 * <p>Switching between the two modes changes the latency, so {@code linear_phase} only takes
 * effect at the next {@link #prepare}.
 */
final class ParametricEq implements Effect {

    /** Sections reserved per band: a 48 dB/octave cut is four. */
    private static final int SECTIONS_PER_BAND = ButterworthCascade.MAX_ORDER / 2;
    private static final int SLOTS = EqSettings.BANDS * SECTIONS_PER_BAND;
    private static final int PARTITION = 1024;
    /** Minimum-phase coefficient glide after a parameter change. */
    static final double GLIDE_MS = 5;
    /** Tail estimate: the time for a section's ringing to decay by 120 dB. */
    private static final double LN_120_DB = Math.log(1e6);

    private volatile EqSettings settings;

    // Prepared state, touched only by the audio thread after prepare().
    private boolean prepared;
    private int sampleRate;
    private int channels;
    private boolean linearPhase;
    private SvfCascade cascade;
    private LinearPhaseFirDesigner firDesigner;
    private UniformPartitionedConvolver convolver;
    private double[] fir;
    private float[][] blockChannels;
    private EqSettings applied;
    private final EqBandType[] appliedTypes = new EqBandType[EqSettings.BANDS];
    private final int[] appliedSections = new int[EqSettings.BANDS];
    private final int[] activeSlots = new int[SLOTS];

    ParametricEq(ParameterSet parameters) {
        this.settings = new EqSettings(Objects.requireNonNull(parameters, "parameters"));
    }

    @Override
    public String type() {
        return ParametricEqProvider.TYPE;
    }

    @Override
    public ParameterSet parameters() {
        return settings.source;
    }

    @Override
    public void setParameters(ParameterSet parameters) {
        this.settings = new EqSettings(Objects.requireNonNull(parameters, "parameters"));
    }

    @Override
    public void prepare(ProcessSpec spec) {
        Objects.requireNonNull(spec, "spec");
        EqSettings s = settings;
        sampleRate = spec.sampleRate();
        channels = spec.channels();
        linearPhase = s.linearPhase;
        cascade = new SvfCascade(SLOTS, channels, (int) Math.round(GLIDE_MS * sampleRate / 1000.0));
        blockChannels = new float[channels][];
        if (linearPhase) {
            firDesigner = new LinearPhaseFirDesigner(sampleRate);
            fir = new double[firDesigner.length()];
            convolver = new UniformPartitionedConvolver(PARTITION, firDesigner.length(), channels);
        } else {
            firDesigner = null;
            fir = null;
            convolver = null;
        }
        Arrays.fill(appliedTypes, EqBandType.OFF);
        Arrays.fill(appliedSections, 0);
        applied = null;
        apply(s);
        prepared = true;
    }

    @Override
    public void reset() {
        if (!prepared) {
            return;
        }
        cascade.reset();
        if (convolver != null) {
            convolver.reset();
        }
    }

    @Override
    public int latencySamples() {
        return prepared && linearPhase ? convolver.latency() + firDesigner.half() : 0;
    }

    @Override
    public int tailSamples() {
        if (!prepared) {
            return 0;
        }
        if (linearPhase) {
            return convolver.latency() + firDesigner.length() - 1;
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
        EqSettings s = settings; // read once per block
        if (s != applied) {
            apply(s);
        }
        int frames = block.frames();
        if (frames == 0) {
            return;
        }
        if (linearPhase) {
            // The block's planar arrays share one offset; hand them over without copying.
            convolver.process(channelArrays(block), block.channelCount(), block.offset(), frames);
        } else if (cascade.activeCount() > 0) {
            for (int c = 0; c < block.channelCount(); c++) {
                cascade.process(block.channel(c), block.offset(), frames, c);
            }
        }
    }

    private float[][] channelArrays(AudioBlock block) {
        float[][] arrays = blockChannels; // allocated in prepare()
        for (int c = 0; c < block.channelCount(); c++) {
            arrays[c] = block.channel(c);
        }
        return arrays;
    }

    /** Redesigns every band in place from {@code s} (allocation-free). */
    private void apply(EqSettings s) {
        int count = 0;
        for (int b = 0; b < EqSettings.BANDS; b++) {
            EqBandType type = s.type(b);
            int sections = s.sectionCount(b);
            int firstSlot = b * SECTIONS_PER_BAND;
            for (int i = 0; i < sections; i++) {
                int slot = firstSlot + i;
                // A section that keeps its topology glides; a new one starts from silence.
                boolean glide = type == appliedTypes[b] && i < appliedSections[b];
                double q = type == EqBandType.LOW_CUT || type == EqBandType.HIGH_CUT
                        ? ButterworthCascade.sectionQ(s.order(b), i)
                        : s.q(b);
                cascade.design(slot, type.sectionKind(), sampleRate, s.frequency(b), q, s.gainDb(b), glide);
                activeSlots[count++] = slot;
            }
            appliedTypes[b] = type;
            appliedSections[b] = sections;
        }
        cascade.setActive(activeSlots, count);
        if (linearPhase) {
            firDesigner.design(cascade, fir);
            convolver.setFilter(fir, fir.length);
        }
        applied = s;
    }
}
