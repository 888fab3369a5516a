package io.mixai.dsp.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EffectHarnessTest {

    private static volatile Object sink;

    @Test
    void allocationCounterSeesAnAllocation() {
        long bytes = EffectHarness.allocatedBytes(() -> sink = new double[1000]);
        assertTrue(bytes >= 8000, "counted " + bytes + " bytes for an 8000-byte array");
        long none = EffectHarness.allocatedBytes(() -> { });
        assertTrue(none == 0, "counted " + none + " bytes for doing nothing");
    }
}
