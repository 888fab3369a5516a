package io.mixai.dsp.effect;

import io.mixai.audio.AudioBlock;
import io.mixai.param.InvalidParameterException;
import io.mixai.param.ParameterSet;
import io.mixai.process.ProcessSpec;
import io.mixai.spi.Effect;
import java.util.Objects;

/**
 * The bookkeeping every effect shares, so an implementation only writes its DSP: the parameter
 * snapshot handed over from any thread and picked up once per block, the prepared spec, and
 * checks that a block fits it.
 *
 * <p>Subclasses implement {@link #onPrepare} (allocate, take the parameters as they are, no
 * ramp), {@link #onParameters} (new targets to ramp towards, no allocation),
 * {@link #processBlock} and {@link #onReset} (clear the signal state, jump to the targets).
 * {@link #onPrepare} is handed the parameters directly; {@link #onParameters} is called only
 * for sets that arrive after it.
 *
 * <p>A block must have exactly the prepared channel count and at most the prepared number of
 * frames ({@link io.mixai.process.AudioProcessor}); anything else is rejected with an
 * {@link IllegalArgumentException} before the effect sees it.
 */
public abstract class AbstractEffect implements Effect {

    /** Magnitudes below this are flushed to zero: far below any audible level, above float denormals. */
    public static final double DENORMAL_THRESHOLD = SafeSamples.FLOOR;

    private final String type;
    private volatile ParameterSet requested;
    private ParameterSet applied;
    private ProcessSpec spec;

    /** An effect of the type its parameter set names. */
    protected AbstractEffect(ParameterSet parameters) {
        this.requested = Objects.requireNonNull(parameters, "parameters");
        this.applied = parameters;
        this.type = parameters.effectType();
    }

    /**
     * An effect of the given type.
     *
     * @throws InvalidParameterException if the parameter set is for another effect type
     */
    protected AbstractEffect(String type, ParameterSet parameters) {
        this(parameters);
        if (!parameters.effectType().equals(type)) {
            throw new InvalidParameterException(type, "(parameters)", "got a parameter set for '"
                    + parameters.effectType() + "'");
        }
    }

    @Override
    public final String type() {
        return type;
    }

    @Override
    public final ParameterSet parameters() {
        return requested;
    }

    @Override
    public final void setParameters(ParameterSet parameters) {
        Objects.requireNonNull(parameters, "parameters");
        if (!parameters.effectType().equals(type)) {
            throw new InvalidParameterException(type, "(parameters)", "got a parameter set for '"
                    + parameters.effectType() + "'");
        }
        requested = parameters;
    }

    @Override
    public final void prepare(ProcessSpec spec) {
        this.spec = Objects.requireNonNull(spec, "spec");
        applied = requested;
        onPrepare(spec, applied);
    }

    @Override
    public final void process(AudioBlock block) {
        beginBlock(block);
        processBlock(block);
    }

    /**
     * Checks that a block fits the prepared spec and picks up the parameter snapshot. {@link #process}
     * calls it; another entry point that processes a block (a sidechain {@code process(main,
     * sidechain)}) calls it with the main block before its own work.
     */
    protected final void beginBlock(AudioBlock block) {
        ProcessSpec s = spec;
        if (s == null) {
            throw new IllegalStateException(type + ": process() called before prepare()");
        }
        if (block.channelCount() != s.channels() || block.frames() > s.maxBlockFrames()) {
            throw new IllegalArgumentException(type + ": block of " + block.channelCount() + " channels x "
                    + block.frames() + " frames does not fit the prepared " + s);
        }
        takeRequestedParameters();
    }

    /**
     * Hands the parameters set since the last block to {@link #onParameters} now, if there are
     * any. Blocks do this at their start; an {@link #onReset} calls it first when a reset should
     * take new parameters at once (no ramp) instead of ramping to them from the next block.
     */
    protected final void takeRequestedParameters() {
        ParameterSet p = requested;
        if (p != applied) {
            applied = p;
            onParameters(p);
        }
    }

    @Override
    public final void reset() {
        if (spec != null) {
            onReset();
        }
    }

    /** The spec of the last {@link #prepare}, or null before it. */
    protected final ProcessSpec spec() {
        return spec;
    }

    /** Allocates for the spec and takes the parameters at once (no ramp from anything earlier). */
    protected abstract void onPrepare(ProcessSpec spec, ParameterSet parameters);

    /** Takes a new parameter snapshot at the start of a block; must not allocate. */
    protected abstract void onParameters(ParameterSet parameters);

    /** Processes a block that fits the prepared spec, in place. */
    protected abstract void processBlock(AudioBlock block);

    /**
     * Clears the signal state and lets ramps jump to their targets; parameters stay. Parameters
     * set since the last block are picked up by the next block (and ramped to) unless this
     * calls {@link #takeRequestedParameters} first, which makes the reset take them at once.
     */
    protected abstract void onReset();

    /** Applies {@link #clean(double)} to one channel of a block, for channels an effect passes through. */
    protected static void cleanChannel(AudioBlock block, int channel) {
        float[] x = block.channel(channel);
        for (int i = block.offset(), end = block.offset() + block.frames(); i < end; i++) {
            x[i] = clean(x[i]);
        }
    }

    /**
     * A sample fit to write out: NaN becomes 0, infinities the largest float, magnitudes below
     * {@link #DENORMAL_THRESHOLD} zero.
     */
    protected static float clean(double y) {
        return SafeSamples.toOutput(y);
    }
}
