package io.mixai.master;

import io.mixai.chain.EffectChain;
import io.mixai.chain.EffectSpec;
import io.mixai.settings.ChainJson;
import io.mixai.spi.EffectRegistry;
import java.util.List;
import java.util.Objects;

/**
 * The effect chain a master applied: every effect by type id with every parameter value. Its
 * {@link #toJson() JSON} is an ordinary {@link ChainJson} document; rendering it with
 * {@link EffectChain#render} (or {@code mixai render-chain}) reproduces the master bit for bit.
 */
public final class MasteringSettings {

    private final List<EffectSpec> effects;

    public MasteringSettings(List<EffectSpec> effects) {
        this.effects = List.copyOf(Objects.requireNonNull(effects, "effects"));
    }

    /** The effects in processing order. */
    public List<EffectSpec> effects() {
        return effects;
    }

    /** The chain as {@link ChainJson} text. */
    public String toJson() {
        return ChainJson.toJson(effects);
    }

    /** A fresh, unprepared chain of these effects. */
    public EffectChain toChain(EffectRegistry registry) {
        return EffectChain.of(registry, effects);
    }

    @Override
    public String toString() {
        return "MasteringSettings" + effects.stream().map(EffectSpec::type).toList();
    }
}
