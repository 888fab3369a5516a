package io.mixai.spi;

import java.util.Collection;
import java.util.List;

/** Asked for an effect type id that no provider offers; the message lists the known ids. */
public class UnknownEffectException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String type;
    private final List<String> knownTypes;

    public UnknownEffectException(String type, Collection<String> knownTypes) {
        super("unknown effect type '" + type + "'; known types: "
                + (knownTypes.isEmpty() ? "(none: no EffectProvider was found)" : String.join(", ", knownTypes)));
        this.type = type;
        this.knownTypes = List.copyOf(knownTypes);
    }

    public String type() {
        return type;
    }

    public List<String> knownTypes() {
        return knownTypes;
    }
}
