package io.mixai.chain;

import io.mixai.param.InvalidParameterException;
import io.mixai.param.ParameterDescriptor;
import io.mixai.param.ParameterSet;
import io.mixai.param.ParameterUnit;
import io.mixai.spi.EffectProvider;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One effect of a chain as settings describe it: a type id and parameter values in the form a
 * person writes them — numbers, choice names ({@code "peak"}) and booleans — not yet checked
 * against any provider. {@link #resolve(EffectProvider)} turns it into a validated
 * {@link ParameterSet}; that is the one validation path for JSON, metadata and code.
 *
 * @param type the effect type id
 * @param params parameter id to a {@link Number}, {@link String} (choice name) or {@link Boolean}, in order
 */
public record EffectSpec(String type, Map<String, Object> params) {

    public EffectSpec {
        Objects.requireNonNull(type, "type");
        Map<String, Object> copy = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : params.entrySet()) {
            Object v = Objects.requireNonNull(e.getValue(), () -> type + "." + e.getKey() + ": null value");
            if (!(v instanceof Number || v instanceof String || v instanceof Boolean)) {
                throw new IllegalArgumentException(type + "." + e.getKey() + ": a value must be a number, a choice "
                        + "name or a boolean, got " + v.getClass().getSimpleName());
            }
            copy.put(Objects.requireNonNull(e.getKey(), "parameter id"), v instanceof Number n && !(v instanceof Double)
                    ? n.doubleValue() : v);
        }
        params = Collections.unmodifiableMap(copy);
    }

    /** A spec from a map in iteration order (use a LinkedHashMap or Map.of for one or two entries). */
    public static EffectSpec of(String type, Map<String, ?> params) {
        return new EffectSpec(type, new LinkedHashMap<>(params));
    }

    /** The spec describing a parameter set: every value, choices by name, toggles as booleans. */
    public static EffectSpec of(ParameterSet parameters) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (ParameterDescriptor d : parameters.descriptors()) {
            if (d.unit() == ParameterUnit.CHOICE) {
                values.put(d.id(), parameters.getChoice(d.id()));
            } else if (d.unit() == ParameterUnit.BOOLEAN) {
                values.put(d.id(), parameters.getBoolean(d.id()));
            } else {
                values.put(d.id(), parameters.get(d.id()));
            }
        }
        return new EffectSpec(parameters.effectType(), values);
    }

    /**
     * Checks the values against a provider's descriptors: a choice takes its name, a toggle a
     * boolean, anything else a number; ids not given take their defaults.
     *
     * @throws InvalidParameterException naming the parameter for an unknown id, a value of the
     *     wrong kind, or a value out of range
     * @throws IllegalArgumentException if the provider is for another type
     */
    public ParameterSet resolve(EffectProvider provider) {
        if (!provider.type().equals(type)) {
            throw new IllegalArgumentException("spec for '" + type + "' resolved against provider of '"
                    + provider.type() + "'");
        }
        ParameterSet set = provider.defaults();
        for (Map.Entry<String, Object> e : params.entrySet()) {
            ParameterDescriptor d = set.descriptor(e.getKey()); // throws for an unknown id, listing the known ones
            Object v = e.getValue();
            if (d.unit() == ParameterUnit.CHOICE) {
                if (!(v instanceof String name)) {
                    throw new InvalidParameterException(type, d.id(), "expected a choice name, " + d.rangeText()
                            + ", got " + describe(v));
                }
                set = set.withChoice(d.id(), name);
            } else if (d.unit() == ParameterUnit.BOOLEAN) {
                if (!(v instanceof Boolean on)) {
                    throw new InvalidParameterException(type, d.id(), "expected true or false, got " + describe(v));
                }
                set = set.with(d.id(), on ? 1 : 0);
            } else {
                if (!(v instanceof Number n)) {
                    throw new InvalidParameterException(type, d.id(), "expected a number, got " + describe(v));
                }
                set = set.with(d.id(), n.doubleValue());
            }
        }
        return set;
    }

    /** A value as it would appear in JSON, for messages. */
    static String describe(Object v) {
        if (v instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString(d.longValue());
        }
        return v instanceof String s ? "\"" + s + "\"" : String.valueOf(v);
    }
}
