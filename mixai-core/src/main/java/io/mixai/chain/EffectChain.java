package io.mixai.chain;

import io.mixai.audio.AudioBlock;
import io.mixai.audio.AudioBuffer;
import io.mixai.param.ParameterSet;
import io.mixai.process.AudioProcessor;
import io.mixai.process.ProcessSpec;
import io.mixai.spi.Effect;
import io.mixai.spi.EffectProvider;
import io.mixai.spi.EffectRegistry;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Effects run one after the other, in place, as one {@link AudioProcessor}.
 *
 * <p>Built with a fluent builder that checks every effect the moment it is added:
 * <pre>{@code
 * EffectChain chain = EffectChain.builder(registry)
 *         .add("compressor", Map.of("threshold_db", -20.0, "ratio", 4.0))
 *         .add("gain", Map.of("gain_db", 3.0))
 *         .build();
 * }</pre>
 *
 * <p>Latency is the sum of the effects' latencies. The tail is the sum of their tails: a later
 * effect may ring on for its own tail after the last non-silent sample an earlier effect
 * produces, so the sum is the bound that never cuts a decay short.
 *
 * <p>{@link #render(AudioBuffer)} processes a whole buffer offline and compensates the latency,
 * so output sample n lines up with input sample n.
 */
public final class EffectChain implements AudioProcessor {

    /** Block size used for offline rendering. */
    public static final int RENDER_BLOCK_FRAMES = 4096;

    private final List<Effect> effects;

    private EffectChain(List<Effect> effects) {
        this.effects = List.copyOf(effects);
    }

    public static Builder builder(EffectRegistry registry) {
        return new Builder(registry);
    }

    /** A chain of the given specs, each validated against the registry's providers. */
    public static EffectChain of(EffectRegistry registry, List<EffectSpec> specs) {
        Builder b = builder(registry);
        for (EffectSpec s : specs) {
            b.add(s);
        }
        return b.build();
    }

    /** The effects in processing order (live: their parameters can be changed). */
    public List<Effect> effects() {
        return effects;
    }

    /** What the chain does now, as specs: every parameter of every effect. */
    public List<EffectSpec> specs() {
        List<EffectSpec> specs = new ArrayList<>(effects.size());
        for (Effect e : effects) {
            specs.add(EffectSpec.of(e.parameters()));
        }
        return Collections.unmodifiableList(specs);
    }

    @Override
    public void prepare(ProcessSpec spec) {
        for (Effect e : effects) {
            e.prepare(spec);
        }
    }

    @Override
    public void process(AudioBlock block) {
        for (int i = 0; i < effects.size(); i++) {
            effects.get(i).process(block);
        }
    }

    @Override
    public void reset() {
        for (Effect e : effects) {
            e.reset();
        }
    }

    @Override
    public int latencySamples() {
        int sum = 0;
        for (Effect e : effects) {
            sum += e.latencySamples();
        }
        return sum;
    }

    @Override
    public int tailSamples() {
        long sum = 0;
        for (Effect e : effects) {
            sum += e.tailSamples();
        }
        return (int) Math.min(Integer.MAX_VALUE, sum);
    }

    /**
     * Processes a whole buffer offline and returns a new one of the same length, aligned with
     * the input: the chain is prepared for the buffer's rate and channels, the input is run
     * through followed by {@link #latencySamples()} frames of silence, and the first
     * latency frames of output are dropped. Anything the effects ring on past the input's end
     * is cut; use {@link #renderWithTail(AudioBuffer)} to keep it.
     */
    public AudioBuffer render(AudioBuffer input) {
        return render(input, false);
    }

    /** Like {@link #render(AudioBuffer)}, with {@link #tailSamples()} more frames for the effects' ring-out. */
    public AudioBuffer renderWithTail(AudioBuffer input) {
        return render(input, true);
    }

    private AudioBuffer render(AudioBuffer input, boolean withTail) {
        Objects.requireNonNull(input, "input");
        int channels = input.channelCount();
        prepare(new ProcessSpec(input.sampleRate(), RENDER_BLOCK_FRAMES, channels));
        reset();
        long tail = withTail ? tailSamples() : 0L; // known only once prepared for the rate
        long outFrames = input.frames() + tail;
        if (outFrames > Integer.MAX_VALUE) {
            throw new IllegalStateException("rendered length " + outFrames + " frames is too long for a buffer");
        }
        AudioBuffer out = AudioBuffer.allocate(channels, (int) outFrames, input.sampleRate());
        int[] read = {0};
        int[] written = {0};
        try {
            ChainRenderer.run(this, channels, (dest, offset, max) -> {
                int n = Math.min(max, input.frames() - read[0]);
                for (int c = 0; c < channels; c++) {
                    System.arraycopy(input.channel(c), read[0], dest[c], offset, n);
                }
                read[0] += n;
                return n;
            }, (block, offset, n) -> {
                for (int c = 0; c < channels; c++) {
                    System.arraycopy(block[c], offset, out.channel(c), written[0], n);
                }
                written[0] += n;
            }, tail);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e); // unreachable: the source and sink are in memory
        }
        return out;
    }

    @Override
    public String toString() {
        List<String> types = new ArrayList<>();
        for (Effect e : effects) {
            types.add(e.type());
        }
        return "EffectChain" + types;
    }

    /**
     * Collects effects; each {@code add} validates its parameters at once (unknown type,
     * unknown parameter, out-of-range value) so the error points at the call that caused it.
     */
    public static final class Builder {
        private final EffectRegistry registry;
        private final List<ParameterSet> parameters = new ArrayList<>();
        private boolean built;

        private Builder(EffectRegistry registry) {
            this.registry = Objects.requireNonNull(registry, "registry");
        }

        /** Adds an effect at its default parameters. */
        public Builder add(String type) {
            return add(type, Map.of());
        }

        /**
         * Adds an effect with numeric parameter values (a choice as its index, a toggle as 0 or 1).
         *
         * @throws io.mixai.spi.UnknownEffectException for an unknown type
         * @throws io.mixai.param.InvalidParameterException for an unknown parameter or a bad value
         */
        public Builder add(String type, Map<String, ? extends Number> params) {
            checkNotBuilt();
            EffectProvider provider = registry.provider(type);
            parameters.add(ParameterSet.of(type, provider.parameters(), params));
            return this;
        }

        /** Adds an effect described by a spec (choices by name, toggles as booleans). */
        public Builder add(EffectSpec spec) {
            checkNotBuilt();
            parameters.add(spec.resolve(registry.provider(spec.type())));
            return this;
        }

        /** Adds an effect with a parameter set made earlier (validated by construction). */
        public Builder add(ParameterSet set) {
            checkNotBuilt();
            registry.provider(set.effectType());
            parameters.add(set);
            return this;
        }

        /** Creates the effects (unprepared). A builder builds once. */
        public EffectChain build() {
            checkNotBuilt();
            built = true;
            List<Effect> effects = new ArrayList<>(parameters.size());
            for (ParameterSet set : parameters) {
                Effect effect = registry.provider(set.effectType()).create(set);
                if (effect == null || !set.effectType().equals(effect.type())) {
                    throw new IllegalStateException("provider of '" + set.effectType() + "' created "
                            + (effect == null ? "null" : "an effect of type '" + effect.type() + "'"));
                }
                effects.add(effect);
            }
            return new EffectChain(effects);
        }

        private void checkNotBuilt() {
            if (built) {
                throw new IllegalStateException("this builder has already built its chain; start a new one");
            }
        }
    }
}
