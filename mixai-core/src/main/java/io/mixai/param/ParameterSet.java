package io.mixai.param;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An immutable, validated set of parameter values for one effect type, in declaration order.
 * Values not given take their defaults. Effects read a snapshot once per block, so a set can be
 * handed over from any thread.
 */
public final class ParameterSet {

    private final String effectType;
    private final List<ParameterDescriptor> descriptors;
    private final Map<String, Double> values;

    private ParameterSet(String effectType, List<ParameterDescriptor> descriptors, Map<String, Double> values) {
        this.effectType = effectType;
        this.descriptors = descriptors;
        this.values = values;
    }

    /** All parameters at their defaults. */
    public static ParameterSet defaults(String effectType, List<ParameterDescriptor> descriptors) {
        return of(effectType, descriptors, Map.of());
    }

    /**
     * Validated values; ids not mentioned take their defaults.
     *
     * @throws InvalidParameterException for an unknown id or an invalid value
     */
    public static ParameterSet of(String effectType, List<ParameterDescriptor> descriptors, Map<String, ? extends Number> given) {
        Objects.requireNonNull(effectType, "effectType");
        List<ParameterDescriptor> declared = List.copyOf(descriptors);
        Map<String, Double> values = new LinkedHashMap<>();
        for (ParameterDescriptor d : declared) {
            values.put(d.id(), d.defaultValue());
        }
        for (Map.Entry<String, ? extends Number> e : given.entrySet()) {
            ParameterDescriptor d = find(effectType, declared, e.getKey());
            values.put(d.id(), d.validate(effectType, Objects.requireNonNull(e.getValue(), e.getKey()).doubleValue()));
        }
        return new ParameterSet(effectType, declared, Collections.unmodifiableMap(values));
    }

    private static ParameterDescriptor find(String effectType, List<ParameterDescriptor> declared, String id) {
        for (ParameterDescriptor d : declared) {
            if (d.id().equals(id)) {
                return d;
            }
        }
        StringBuilder known = new StringBuilder();
        for (ParameterDescriptor d : declared) {
            known.append(known.length() == 0 ? "" : ", ").append(d.id());
        }
        throw new InvalidParameterException(effectType, id, "unknown parameter; " + effectType + " has: " + known);
    }

    public String effectType() {
        return effectType;
    }

    public List<ParameterDescriptor> descriptors() {
        return descriptors;
    }

    public ParameterDescriptor descriptor(String id) {
        return find(effectType, descriptors, id);
    }

    /** The value of a parameter. */
    public double get(String id) {
        Double v = values.get(id);
        if (v == null) {
            find(effectType, descriptors, id);
        }
        return v;
    }

    public boolean getBoolean(String id) {
        return get(id) >= 0.5;
    }

    /** The name of the selected choice of a {@link ParameterUnit#CHOICE} parameter. */
    public String getChoice(String id) {
        return descriptor(id).choices().get((int) Math.rint(get(id)));
    }

    /** A copy with one value changed (validated). */
    public ParameterSet with(String id, double value) {
        ParameterDescriptor d = find(effectType, descriptors, id);
        Map<String, Double> copy = new LinkedHashMap<>(values);
        copy.put(id, d.validate(effectType, value));
        return new ParameterSet(effectType, descriptors, Collections.unmodifiableMap(copy));
    }

    /** A copy with a choice parameter set by name. */
    public ParameterSet withChoice(String id, String choice) {
        ParameterDescriptor d = find(effectType, descriptors, id);
        int index = d.choices().indexOf(choice);
        if (index < 0) {
            throw new InvalidParameterException(effectType, id, "'" + choice + "' is not " + d.rangeText());
        }
        return with(id, index);
    }

    /** Every value, by id, in declaration order. */
    public Map<String, Double> values() {
        return values;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ParameterSet other && effectType.equals(other.effectType) && values.equals(other.values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(effectType, values);
    }

    @Override
    public String toString() {
        return effectType + values;
    }
}
