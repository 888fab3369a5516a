package io.mixai.spi;

import io.mixai.param.ParameterDescriptor;
import io.mixai.param.ParameterSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The effects available to settings, chains and the mixing engine, by type id.
 *
 * <p>Discovery follows the SLF4J provider pattern: providers are found with
 * {@link ServiceLoader} (declared in {@code META-INF/services/io.mixai.spi.EffectProvider} or a
 * module's {@code provides}); a provider that fails to load is logged and kept in
 * {@link #failures()} while the others still load; when two providers claim one type id the
 * one whose class name sorts first wins, and the other is reported in {@link #duplicates()};
 * {@link #register(EffectProvider)} and {@link #prefer(String, String)} override by type id.
 *
 * <p>A registry is safe to read from any thread; registrations are atomic.
 */
public final class EffectRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(EffectRegistry.class);
    private static final String TYPE_PATTERN = "[a-z][a-z0-9_]*";
    /** A broken class path can make a ServiceLoader iterator fail on every call; stop trying then. */
    private static final int MAX_CONSECUTIVE_FAILURES = 100;

    /** Every candidate per type id, the one in use first. Replaced wholesale on change (copy on write). */
    private volatile Map<String, List<EffectProvider>> candidates;
    private final List<ProviderFailure> failures;
    private final List<DuplicateProvider> duplicates;

    private EffectRegistry(Map<String, List<EffectProvider>> candidates, List<ProviderFailure> failures,
            List<DuplicateProvider> duplicates) {
        this.candidates = candidates;
        this.failures = List.copyOf(failures);
        this.duplicates = List.copyOf(duplicates);
    }

    /** A registry with no providers; fill it with {@link #register(EffectProvider)}. */
    public static EffectRegistry empty() {
        return new EffectRegistry(Map.of(), List.of(), List.of());
    }

    /** Discovers providers with the thread's context class loader (or the system one). */
    public static EffectRegistry discover() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return discover(loader != null ? loader : ClassLoader.getSystemClassLoader());
    }

    /** Discovers the providers visible to a class loader (its named modules and its class path). */
    public static EffectRegistry discover(ClassLoader loader) {
        Objects.requireNonNull(loader, "loader");
        List<EffectProvider> found = new ArrayList<>();
        List<ProviderFailure> failures = new ArrayList<>();
        Iterator<EffectProvider> it = ServiceLoader.load(EffectProvider.class, loader).iterator();
        int consecutiveFailures = 0;
        while (consecutiveFailures < MAX_CONSECUTIVE_FAILURES) {
            EffectProvider provider;
            try {
                if (!it.hasNext()) {
                    break;
                }
                provider = it.next();
            } catch (ServiceConfigurationError | LinkageError e) {
                // Per ServiceLoader's contract the iterator moves past the bad entry, so the rest still load.
                consecutiveFailures++;
                ProviderFailure failure = new ProviderFailure(providerNameIn(e), oneLine(e), e);
                failures.add(failure);
                LOG.warn("Effect provider {} could not be loaded and is skipped: {}", failure.provider(),
                        failure.message());
                LOG.debug("Loading effect provider {} failed", failure.provider(), e);
                continue;
            }
            consecutiveFailures = 0;
            String problem = checkDeclaration(provider);
            if (problem != null) {
                ProviderFailure failure = new ProviderFailure(provider.getClass().getName(), problem,
                        new IllegalStateException(problem));
                failures.add(failure);
                LOG.warn("Effect provider {} is skipped: {}", failure.provider(), problem);
                continue;
            }
            found.add(provider);
        }
        return fromDiscovered(found, failures);
    }

    private static EffectRegistry fromDiscovered(List<EffectProvider> found, List<ProviderFailure> failures) {
        Map<String, List<EffectProvider>> byType = new TreeMap<>();
        Set<String> seenClasses = new HashSet<>();
        found.sort(Comparator.comparing((EffectProvider p) -> p.getClass().getName()));
        for (EffectProvider p : found) {
            // The same class seen twice (module path and class path) is one provider, not a duplicate.
            if (seenClasses.add(p.getClass().getName())) {
                byType.computeIfAbsent(p.type(), t -> new ArrayList<>()).add(p);
            }
        }
        List<DuplicateProvider> duplicates = new ArrayList<>();
        Map<String, List<EffectProvider>> frozen = new TreeMap<>();
        for (Map.Entry<String, List<EffectProvider>> e : byType.entrySet()) {
            List<EffectProvider> list = e.getValue();
            for (int i = 1; i < list.size(); i++) {
                DuplicateProvider d = new DuplicateProvider(e.getKey(), list.get(0).getClass().getName(),
                        list.get(i).getClass().getName());
                duplicates.add(d);
                LOG.warn("Two effect providers claim type '{}': using {}, ignoring {}", d.type(), d.used(), d.ignored());
            }
            frozen.put(e.getKey(), List.copyOf(list));
        }
        return new EffectRegistry(Collections.unmodifiableMap(frozen), failures, duplicates);
    }

    /** Why a provider cannot be used, or null when its declaration is consistent. */
    private static String checkDeclaration(EffectProvider p) {
        try {
            String type = p.type();
            if (type == null || !type.matches(TYPE_PATTERN)) {
                return "type id " + (type == null ? "null" : "'" + type + "'") + " is not lower_snake_case";
            }
            List<ParameterDescriptor> parameters = p.parameters();
            if (parameters == null) {
                return "type '" + type + "' returned null parameters";
            }
            Set<String> ids = new HashSet<>();
            for (ParameterDescriptor d : parameters) {
                if (!ids.add(d.id())) {
                    return "type '" + type + "' declares parameter '" + d.id() + "' twice";
                }
            }
            return null;
        } catch (RuntimeException e) {
            return "its declaration threw " + oneLine(e);
        }
    }

    /** The provider class named in a ServiceConfigurationError, e.g. "Provider a.B could not be instantiated". */
    private static String providerNameIn(Throwable e) {
        String message = String.valueOf(e.getMessage());
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("Provider ([\\w.$]+)").matcher(message);
        return m.find() ? m.group(1) : message;
    }

    private static String oneLine(Throwable e) {
        StringBuilder text = new StringBuilder(String.valueOf(e.getMessage()));
        for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            text.append(" (caused by ").append(c.getClass().getSimpleName());
            if (c.getMessage() != null) {
                text.append(": ").append(c.getMessage());
            }
            text.append(')');
        }
        return text.toString().replaceAll("\\s*\\R\\s*", " ");
    }

    /**
     * Makes {@code provider} the one used for its type id, replacing any discovered or registered
     * one (the explicit override).
     *
     * @return this registry
     * @throws IllegalArgumentException if the provider's declaration is inconsistent
     */
    public synchronized EffectRegistry register(EffectProvider provider) {
        Objects.requireNonNull(provider, "provider");
        String problem = checkDeclaration(provider);
        if (problem != null) {
            throw new IllegalArgumentException("cannot register " + provider.getClass().getName() + ": " + problem);
        }
        String type = provider.type();
        Map<String, List<EffectProvider>> copy = new TreeMap<>(candidates);
        List<EffectProvider> list = new ArrayList<>(copy.getOrDefault(type, List.of()));
        if (!list.isEmpty()) {
            LOG.info("Effect type '{}': {} replaces {}", type, provider.getClass().getName(),
                    list.get(0).getClass().getName());
        }
        list.remove(provider);
        list.add(0, provider);
        copy.put(type, List.copyOf(list));
        candidates = Collections.unmodifiableMap(copy);
        return this;
    }

    /**
     * Uses, for a type id, the discovered provider with the given class name (for choosing
     * between {@link #duplicates() duplicates}).
     *
     * @return this registry
     * @throws UnknownEffectException if no provider has that type id
     * @throws IllegalArgumentException if no provider of that type has that class name
     */
    public synchronized EffectRegistry prefer(String type, String providerClassName) {
        List<EffectProvider> list = candidates.get(type);
        if (list == null) {
            throw new UnknownEffectException(type, types());
        }
        for (EffectProvider p : list) {
            if (p.getClass().getName().equals(providerClassName)) {
                return register(p);
            }
        }
        List<String> names = new ArrayList<>();
        for (EffectProvider p : list) {
            names.add(p.getClass().getName());
        }
        throw new IllegalArgumentException("no provider of effect type '" + type + "' is named " + providerClassName
                + "; candidates: " + String.join(", ", names));
    }

    /**
     * The provider used for a type id.
     *
     * @throws UnknownEffectException listing the known ids when there is none
     */
    public EffectProvider provider(String type) {
        List<EffectProvider> list = candidates.get(Objects.requireNonNull(type, "type"));
        if (list == null) {
            throw new UnknownEffectException(type, types());
        }
        return list.get(0);
    }

    /** The provider used for a type id, if there is one. */
    public Optional<EffectProvider> find(String type) {
        List<EffectProvider> list = candidates.get(type);
        return list == null ? Optional.empty() : Optional.of(list.get(0));
    }

    /** The providers in use, one per type id, sorted by type id. */
    public List<EffectProvider> providers() {
        List<EffectProvider> result = new ArrayList<>();
        for (List<EffectProvider> list : candidates.values()) {
            result.add(list.get(0));
        }
        return Collections.unmodifiableList(result);
    }

    /** The known type ids, sorted. */
    public List<String> types() {
        return List.copyOf(candidates.keySet());
    }

    /**
     * A new, unprepared effect with validated parameters; ids not given take their defaults.
     *
     * @throws UnknownEffectException for an unknown type id
     * @throws io.mixai.param.InvalidParameterException for an unknown parameter id or a bad value
     */
    public Effect create(String type, Map<String, ? extends Number> params) {
        EffectProvider provider = provider(type);
        return provider.create(ParameterSet.of(type, provider.parameters(), params));
    }

    /** Providers that failed to load during discovery, in discovery order. */
    public List<ProviderFailure> failures() {
        return failures;
    }

    /** Type ids claimed by more than one discovered provider. */
    public List<DuplicateProvider> duplicates() {
        return duplicates;
    }

    @Override
    public String toString() {
        return "EffectRegistry" + types();
    }
}
