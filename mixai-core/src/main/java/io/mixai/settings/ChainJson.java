package io.mixai.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mixai.chain.EffectChain;
import io.mixai.chain.EffectSpec;
import io.mixai.param.InvalidParameterException;
import io.mixai.param.ParameterSet;
import io.mixai.spi.EffectProvider;
import io.mixai.spi.EffectRegistry;
import io.mixai.spi.UnknownEffectException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Effect chains as JSON:
 * <pre>{@code
 * {
 *   "mixai_chain": 1,
 *   "effects": [
 *     {"type": "compressor", "params": {"threshold_db": -20.0, "ratio": 4.0, "detection": "rms", "auto_makeup": false}},
 *     {"type": "gain", "params": {"gain_db": 3.0}}
 *   ]
 * }
 * }</pre>
 * Choices are written as their names, toggles as {@code true}/{@code false}, everything else as
 * a number; parameters left out take their defaults. Writing lists every parameter in
 * declaration order, so JSON → chain → JSON gives the same text, and doubles parse back to the
 * same bits, so a chain rebuilt from its JSON renders bit-identical audio.
 *
 * <p>Reading is strict: an unknown key, an unknown effect type or parameter, a value of the
 * wrong kind or out of range is a {@link SettingsException} naming its JSON path, e.g.
 * {@code $.effects[1].params.ratio: expected a number, got "four"}.
 */
public final class ChainJson {

    /** The format version written in {@code "mixai_chain"}. */
    public static final int VERSION = 1;

    private static final List<String> TOP_KEYS = List.of("mixai_chain", "effects");
    private static final List<String> EFFECT_KEYS = List.of("type", "params");

    private ChainJson() {
    }

    /** The chain's current settings as JSON text. */
    public static String toJson(EffectChain chain) {
        return toJson(chain.specs());
    }

    /** Specs as JSON text, their parameters in the order given. */
    public static String toJson(List<EffectSpec> specs) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("mixai_chain", VERSION);
        ArrayNode effects = root.putArray("effects");
        for (EffectSpec spec : specs) {
            ObjectNode effect = effects.addObject();
            effect.put("type", spec.type());
            ObjectNode params = effect.putObject("params");
            for (Map.Entry<String, Object> p : spec.params().entrySet()) {
                Object v = p.getValue();
                if (v instanceof Boolean b) {
                    params.put(p.getKey(), b);
                } else if (v instanceof String s) {
                    params.put(p.getKey(), s);
                } else {
                    params.put(p.getKey(), ((Number) v).doubleValue());
                }
            }
        }
        return JsonSupport.print(root);
    }

    /** Writes the chain's settings to a file (atomically: a temporary file moved into place). */
    public static void write(EffectChain chain, Path file) {
        JsonSupport.writeAtomically(file, toJson(chain));
    }

    /**
     * Reads the structure of a chain document without checking types and parameters against
     * any provider.
     *
     * @throws SettingsException for malformed JSON or a malformed structure
     */
    public static List<EffectSpec> readSpecs(String json) {
        JsonFields top = JsonFields.of(JsonSupport.parse(json), "$", "a chain document").allowOnly(TOP_KEYS);
        if (!top.has("mixai_chain")) {
            throw top.missing("mixai_chain");
        }
        JsonNode version = top.get("mixai_chain");
        if (!version.isIntegralNumber() || version.intValue() != VERSION) {
            throw new SettingsException(top.path("mixai_chain"), "unsupported format version "
                    + JsonSupport.describe(version) + "; this mixai reads version " + VERSION);
        }
        JsonNode effects = top.array("effects");
        if (effects == null) {
            throw top.missing("effects");
        }
        List<EffectSpec> specs = new ArrayList<>();
        for (int i = 0; i < effects.size(); i++) {
            JsonFields effect = JsonFields.of(effects.get(i), "$.effects[" + i + "]", "an effect").allowOnly(EFFECT_KEYS);
            String type = effect.requiredString("type");
            Map<String, Object> values = new LinkedHashMap<>();
            if (effect.has("params")) {
                JsonFields params = JsonFields.of(effect.get("params"), effect.path("params"), type);
                for (Iterator<String> it = params.keys(); it.hasNext();) {
                    String id = it.next();
                    JsonNode v = params.get(id);
                    if (v.isNumber()) {
                        values.put(id, v.doubleValue());
                    } else if (v.isTextual()) {
                        values.put(id, v.textValue());
                    } else if (v.isBoolean()) {
                        values.put(id, v.booleanValue());
                    } else {
                        throw new SettingsException(params.path(id), "expected a number, a choice name or a boolean, got "
                                + JsonSupport.describe(v));
                    }
                }
            }
            specs.add(new EffectSpec(type, values));
        }
        return specs;
    }

    /**
     * Reads a chain and checks every effect against the registry's providers.
     *
     * @throws SettingsException naming the JSON path of the first problem
     */
    public static EffectChain read(String json, EffectRegistry registry) {
        List<EffectSpec> specs = readSpecs(json);
        EffectChain.Builder builder = EffectChain.builder(registry);
        for (int i = 0; i < specs.size(); i++) {
            builder.add(resolve(specs.get(i), registry, "$.effects[" + i + "]"));
        }
        return builder.build();
    }

    /** Reads a chain from a file; error messages name the file. */
    public static EffectChain read(Path file, EffectRegistry registry) {
        return JsonSupport.readFile(file, text -> read(text, registry));
    }

    /**
     * Validates one spec against its provider, turning errors into path-naming ones.
     *
     * @param path the spec's JSON path, e.g. {@code $.effects[2]}
     */
    public static ParameterSet resolve(EffectSpec spec, EffectRegistry registry, String path) {
        EffectProvider provider;
        try {
            provider = registry.provider(spec.type());
        } catch (UnknownEffectException e) {
            throw new SettingsException(null, path + ".type", e.getMessage(), e);
        }
        try {
            return spec.resolve(provider);
        } catch (InvalidParameterException e) {
            throw new SettingsException(null, JsonSupport.member(path + ".params", e.parameterId()), e.problem(), e);
        }
    }
}
