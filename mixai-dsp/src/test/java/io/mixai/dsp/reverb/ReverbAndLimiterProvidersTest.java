package io.mixai.dsp.reverb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.mixai.param.ParameterDescriptor;
import io.mixai.spi.EffectProvider;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The reverbs and the limiter are found by type id, with the parameter ids other code relies on. */
class ReverbAndLimiterProvidersTest {

    private static Map<String, EffectProvider> discovered() {
        Map<String, EffectProvider> byType = new HashMap<>();
        for (EffectProvider provider : ServiceLoader.load(EffectProvider.class)) {
            byType.put(provider.type(), provider);
        }
        return byType;
    }

    private static List<String> ids(EffectProvider provider) {
        return provider.parameters().stream().map(ParameterDescriptor::id).collect(Collectors.toList());
    }

    @Test
    void providersAreDiscoverableWithTheirFixedParameterIds() {
        Map<String, EffectProvider> providers = discovered();
        assertEquals(List.of("decay_s", "predelay_ms", "damping_percent", "size_percent", "width_percent", "mix_percent"),
                ids(providers.get("reverb")));
        assertEquals(List.of("mix_percent", "predelay_ms", "gain_db"), ids(providers.get("convolution_reverb")));
        assertEquals(List.of("ceiling_dbtp", "release_ms", "auto_release", "lookahead_ms"), ids(providers.get("limiter")));
    }

    @Test
    void everyProviderCreatesAnEffectOfItsOwnType() {
        for (String type : List.of("reverb", "convolution_reverb", "limiter")) {
            EffectProvider provider = discovered().get(type);
            assertNotNull(provider, type);
            assertEquals(type, provider.create(provider.defaults()).type());
            assertEquals(provider.defaults(), provider.create(provider.defaults()).parameters());
        }
    }
}
