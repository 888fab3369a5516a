package io.mixai.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mixai.param.ParameterDescriptor;
import io.mixai.param.ParameterUnit;
import io.mixai.spi.EffectProvider;
import io.mixai.spi.EffectRegistry;
import io.mixai.spi.ProviderFailure;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mixai effects [--json]}: every effect the registry discovers, with its parameters (id,
 * unit, range, default, scale, choices). Providers that failed to load are reported on stderr.
 */
@Command(name = "effects", mixinStandardHelpOptions = true,
        description = "List the installed effects and their parameters.")
public final class EffectsCommand implements Callable<Integer> {

    @Option(names = "--json", description = "Print a JSON array of {type, description, parameters[]} instead of text.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws JsonProcessingException {
        EffectRegistry registry = EffectRegistry.discover();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        for (ProviderFailure f : registry.failures()) {
            err.println("mixai: warning: effect provider " + f.provider() + " could not be loaded: " + f.message());
        }
        if (json) {
            ObjectMapper mapper = new ObjectMapper();
            out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(toJson(registry, mapper)));
        } else {
            printText(registry, out);
        }
        out.flush();
        err.flush();
        return MixaiCli.EXIT_OK;
    }

    static ArrayNode toJson(EffectRegistry registry, ObjectMapper mapper) {
        ArrayNode effects = mapper.createArrayNode();
        for (EffectProvider p : registry.providers()) {
            ObjectNode effect = effects.addObject();
            effect.put("type", p.type());
            effect.put("description", p.description());
            ArrayNode params = effect.putArray("parameters");
            for (ParameterDescriptor d : p.parameters()) {
                ObjectNode param = params.addObject();
                param.put("id", d.id());
                param.put("unit", d.unit().symbol());
                param.put("min", d.min());
                param.put("max", d.max());
                param.put("default", d.defaultValue());
                param.put("scale", d.scale().name().toLowerCase(Locale.ROOT));
                if (d.step() > 0) {
                    param.put("step", d.step());
                }
                if (!d.choices().isEmpty()) {
                    ArrayNode choices = param.putArray("choices");
                    d.choices().forEach(choices::add);
                }
                if (!d.description().isEmpty()) {
                    param.put("description", d.description());
                }
            }
        }
        return effects;
    }

    private static void printText(EffectRegistry registry, PrintWriter out) {
        if (registry.providers().isEmpty()) {
            out.println("No effects found.");
            return;
        }
        for (EffectProvider p : registry.providers()) {
            out.println(p.type() + " - " + p.description());
            int width = 0;
            for (ParameterDescriptor d : p.parameters()) {
                width = Math.max(width, d.id().length());
            }
            for (ParameterDescriptor d : p.parameters()) {
                out.printf("  %-" + width + "s  %-30s  default %s%n", d.id(), range(d), defaultText(d));
            }
        }
    }

    private static String range(ParameterDescriptor d) {
        String text = d.unit() == ParameterUnit.BOOLEAN ? "on/off" : d.rangeText();
        if (d.scale() != io.mixai.param.ParameterScale.LINEAR) {
            text += " (" + d.scale().name().toLowerCase(Locale.ROOT) + ")";
        }
        return text;
    }

    private static String defaultText(ParameterDescriptor d) {
        if (d.unit() == ParameterUnit.CHOICE) {
            return d.choices().get((int) Math.rint(d.defaultValue()));
        }
        if (d.unit() == ParameterUnit.BOOLEAN) {
            return d.defaultValue() >= 0.5 ? "on" : "off";
        }
        String unit = d.unit().symbol();
        return d.defaultValue() + (unit.isEmpty() ? "" : " " + unit);
    }
}
