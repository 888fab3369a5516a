package io.mixai.spi;

import java.util.Objects;

/**
 * Two discovered providers that claim the same type id. The one whose class name sorts first
 * is used (a rule that does not depend on class path order); the other is reported here and
 * can still be chosen with {@link EffectRegistry#prefer(String, String)}.
 *
 * @param type the contested type id
 * @param used class name of the provider that is used
 * @param ignored class name of the provider that is not used
 */
public record DuplicateProvider(String type, String used, String ignored) {

    public DuplicateProvider {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(used, "used");
        Objects.requireNonNull(ignored, "ignored");
    }
}
