package io.mixai.spi;

import io.mixai.param.ParameterDescriptor;
import io.mixai.param.ParameterSet;
import java.util.List;

/**
 * Creates effects of one type. Providers are found with {@link java.util.ServiceLoader}: a jar
 * declares its providers in {@code META-INF/services/io.mixai.spi.EffectProvider} and, when it
 * is a named module, with {@code provides io.mixai.spi.EffectProvider with ...}.
 *
 * <p>The type id ({@code "compressor"}, {@code "limiter"}) is how settings, JSON and the
 * mixing engine refer to an effect; nothing refers to effect classes directly.
 */
public interface EffectProvider {

    /** The unique, stable, lower_snake_case type id. */
    String type();

    /** One line describing the effect for listings. */
    String description();

    /** The parameters the effect accepts, in a stable order. */
    List<ParameterDescriptor> parameters();

    /** A new, unprepared effect with the given (already validated) parameters. */
    Effect create(ParameterSet parameters);

    /** All parameters at their defaults. */
    default ParameterSet defaults() {
        return ParameterSet.defaults(type(), parameters());
    }
}
