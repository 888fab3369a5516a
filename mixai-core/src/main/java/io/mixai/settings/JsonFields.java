package io.mixai.settings;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.List;

/** Typed, range-checked access to the members of one JSON object, reporting errors with their path. */
final class JsonFields {

    private final JsonNode node;
    private final String path;
    private final String what;

    private JsonFields(JsonNode node, String path, String what) {
        this.node = node;
        this.path = path;
        this.what = what;
    }

    /**
     * Wraps an object node.
     *
     * @param what how unknown-key messages name this object ("compression", "an effect")
     */
    static JsonFields of(JsonNode node, String path, String what) {
        if (node == null || !node.isObject()) {
            throw new SettingsException(path, "expected an object, got " + JsonSupport.describe(node));
        }
        return new JsonFields(node, path, what);
    }

    String path() {
        return path;
    }

    String path(String key) {
        return JsonSupport.member(path, key);
    }

    /** Rejects any member not in {@code known}: misspelt keys are never silently ignored. */
    JsonFields allowOnly(List<String> known) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
            String key = it.next();
            if (!known.contains(key)) {
                throw new SettingsException(path(key), "unknown key; " + what + " has: " + String.join(", ", known));
            }
        }
        return this;
    }

    boolean has(String key) {
        return node.has(key);
    }

    JsonNode get(String key) {
        return node.get(key);
    }

    Iterator<String> keys() {
        return node.fieldNames();
    }

    /** A number in [min, max], or null when the key is absent. */
    Double number(String key, double min, double max) {
        JsonNode v = node.get(key);
        if (v == null) {
            return null;
        }
        if (!v.isNumber()) {
            throw new SettingsException(path(key), "expected a number, got " + JsonSupport.describe(v));
        }
        double d = v.doubleValue();
        if (!(d >= min && d <= max)) {
            throw new SettingsException(path(key), "value " + v + " is outside the allowed range [" + min + ", "
                    + max + "]");
        }
        return d;
    }

    double requiredNumber(String key, double min, double max) {
        Double d = number(key, min, max);
        if (d == null) {
            throw missing(key);
        }
        return d;
    }

    Boolean bool(String key) {
        JsonNode v = node.get(key);
        if (v == null) {
            return null;
        }
        if (!v.isBoolean()) {
            throw new SettingsException(path(key), "expected true or false, got " + JsonSupport.describe(v));
        }
        return v.booleanValue();
    }

    String string(String key) {
        JsonNode v = node.get(key);
        if (v == null) {
            return null;
        }
        if (!v.isTextual()) {
            throw new SettingsException(path(key), "expected a string, got " + JsonSupport.describe(v));
        }
        return v.textValue();
    }

    String requiredString(String key) {
        String s = string(key);
        if (s == null) {
            throw missing(key);
        }
        return s;
    }

    /** An array, or null when the key is absent. */
    JsonNode array(String key) {
        JsonNode v = node.get(key);
        if (v != null && !v.isArray()) {
            throw new SettingsException(path(key), "expected an array, got " + JsonSupport.describe(v));
        }
        return v;
    }

    SettingsException missing(String key) {
        return new SettingsException(path(key), "missing; " + what + " needs it");
    }
}
