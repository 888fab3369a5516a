package io.mixai.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixai.param.InvalidParameterException;
import io.mixai.param.ParameterDescriptor;
import io.mixai.param.ParameterUnit;
import io.mixai.testeffects.DelayProvider;
import io.mixai.testeffects.ShadowDelayProvider;
import io.mixai.testeffects.StubProvider;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EffectRegistryTest {

    @Test
    void findsAProviderThatExistsOnlyInTheTestClassPath() {
        EffectRegistry registry = EffectRegistry.discover();
        assertInstanceOf(DelayProvider.class, registry.provider("test_delay"));
        assertTrue(registry.types().contains("test_delay"));
    }

    @Test
    void brokenProvidersAreContainedAndListed() {
        EffectRegistry registry = EffectRegistry.discover();
        List<String> failed = new ArrayList<>();
        for (ProviderFailure f : registry.failures()) {
            failed.add(f.provider());
        }
        assertTrue(failed.contains("io.mixai.testeffects.BrokenConstructorProvider"), failed.toString());
        assertTrue(failed.contains("io.mixai.testeffects.BrokenStaticInitProvider"), failed.toString());
        assertTrue(failed.contains("io.mixai.testeffects.MissingProvider"), failed.toString());
        assertTrue(failed.contains("io.mixai.testeffects.InvalidTypeProvider"), failed.toString());
        ProviderFailure ctor = registry.failures().stream()
                .filter(f -> f.provider().endsWith("BrokenConstructorProvider")).findFirst().orElseThrow();
        assertTrue(ctor.message().contains("constructor fails on purpose"), ctor.message());
        ProviderFailure init = registry.failures().stream()
                .filter(f -> f.provider().endsWith("BrokenStaticInitProvider")).findFirst().orElseThrow();
        assertTrue(init.message().contains("static initialiser fails on purpose"), init.message());
        // The providers listed after the broken ones in the services file still load.
        assertInstanceOf(DelayProvider.class, registry.provider("test_delay"));
        assertTrue(registry.types().stream().noneMatch(t -> t.startsWith("broken")));
    }

    @Test
    void duplicateTypeIdsAreReportedAndTheFirstClassNameWins() {
        EffectRegistry registry = EffectRegistry.discover();
        // ShadowDelayProvider is listed first in the services file, yet DelayProvider sorts first.
        assertEquals(List.of(new DuplicateProvider("test_delay", DelayProvider.class.getName(),
                ShadowDelayProvider.class.getName())), registry.duplicates().stream()
                        .filter(d -> d.type().equals("test_delay")).toList());
        registry.prefer("test_delay", ShadowDelayProvider.class.getName());
        assertInstanceOf(ShadowDelayProvider.class, registry.provider("test_delay"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> registry.prefer("test_delay", "no.such.Provider"));
        assertTrue(e.getMessage().contains(DelayProvider.class.getName()), e.getMessage());
    }

    @Test
    void explicitRegistrationOverridesByTypeId() {
        EffectRegistry registry = EffectRegistry.discover();
        EffectProvider mine = new ShadowDelayProvider();
        assertSame(registry, registry.register(mine));
        assertSame(mine, registry.provider("test_delay"));
        EffectProvider other = new Named("another_effect");
        registry.register(other);
        assertSame(other, registry.provider("another_effect"));
    }

    @Test
    void registeringAnInconsistentProviderIsRefused() {
        EffectRegistry registry = EffectRegistry.empty();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> registry.register(
                new StubProvider() {
                    @Override
                    public String type() {
                        return "twice";
                    }

                    @Override
                    public List<ParameterDescriptor> parameters() {
                        ParameterDescriptor d = ParameterDescriptor.linear("level_db", ParameterUnit.DECIBELS, -6, 6, 0);
                        return List.of(d, d);
                    }
                }));
        assertTrue(e.getMessage().contains("level_db") && e.getMessage().contains("twice"), e.getMessage());
    }

    @Test
    void anUnknownTypeIdListsTheKnownOnes() {
        EffectRegistry registry = EffectRegistry.discover();
        UnknownEffectException e = assertThrows(UnknownEffectException.class, () -> registry.provider("compresor"));
        assertTrue(e.getMessage().contains("'compresor'"), e.getMessage());
        assertTrue(e.getMessage().contains("test_delay"), e.getMessage());
        assertEquals(registry.types(), e.knownTypes());
    }

    @Test
    void providersAreSortedByTypeId() {
        EffectRegistry registry = EffectRegistry.discover();
        registry.register(new Named("aaa_first"));
        registry.register(new Named("zzz_last"));
        List<String> types = registry.providers().stream().map(EffectProvider::type).toList();
        List<String> sorted = new ArrayList<>(types);
        sorted.sort(null);
        assertEquals(sorted, types);
        assertEquals("aaa_first", types.get(0));
        assertEquals("zzz_last", types.get(types.size() - 1));
    }

    @Test
    void createValidatesParameters() {
        EffectRegistry registry = EffectRegistry.discover();
        Effect effect = registry.create("test_delay", Map.of("delay_samples", 12, "gain_db", -3.5));
        assertEquals("test_delay", effect.type());
        assertEquals(12, effect.parameters().get("delay_samples"));
        assertEquals(-3.5, effect.parameters().get("gain_db"));
        assertEquals(0, effect.parameters().get("mute"));
        InvalidParameterException unknown = assertThrows(InvalidParameterException.class,
                () -> registry.create("test_delay", Map.of("gain", 1)));
        assertTrue(unknown.getMessage().startsWith("test_delay.gain: unknown parameter"), unknown.getMessage());
        InvalidParameterException range = assertThrows(InvalidParameterException.class,
                () -> registry.create("test_delay", Map.of("gain_db", 30)));
        assertTrue(range.getMessage().contains("[-24.0, 24.0] dB"), range.getMessage());
    }

    @Test
    void aClassLoaderThatSeesNoProvidersGivesAnEmptyRegistry() throws Exception {
        try (URLClassLoader isolated = new URLClassLoader(new URL[0], null)) {
            EffectRegistry registry = EffectRegistry.discover(isolated);
            assertEquals(List.of(), registry.types());
            assertEquals(List.of(), registry.failures());
            UnknownEffectException e = assertThrows(UnknownEffectException.class, () -> registry.provider("gain"));
            assertTrue(e.getMessage().contains("no EffectProvider was found"), e.getMessage());
        }
    }

    private static final class Named extends ShadowDelayProvider {
        private final String type;

        Named(String type) {
            this.type = type;
        }

        @Override
        public String type() {
            return type;
        }
    }
}
