package io.mixai.param;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParameterDescriptorTest {

    private final ParameterDescriptor cutoff =
            ParameterDescriptor.logarithmic("cutoff_hz", ParameterUnit.HERTZ, 20, 20000, 1000);
    private final ParameterDescriptor threshold =
            ParameterDescriptor.linear("threshold_db", ParameterUnit.DECIBELS, -60, 0, -20);

    @Test
    void logarithmicScaleSpendsEqualStepsOnEqualRatios() {
        assertEquals(20, cutoff.fromNormalized(0), 1e-12);
        assertEquals(20000, cutoff.fromNormalized(1), 1e-9);
        // 20 Hz … 20 kHz is three decades: each third of 0..1 is one decade.
        assertEquals(200, cutoff.fromNormalized(1.0 / 3), 1e-9);
        assertEquals(2000, cutoff.fromNormalized(2.0 / 3), 1e-9);
        assertEquals(Math.sqrt(20 * 20000), cutoff.fromNormalized(0.5), 1e-9);
        assertEquals(0.5, cutoff.toNormalized(Math.sqrt(20 * 20000)), 1e-12);
    }

    @Test
    void normalisedMappingRoundTrips() {
        for (int i = 0; i <= 1000; i++) {
            double n = i / 1000.0;
            assertEquals(n, cutoff.toNormalized(cutoff.fromNormalized(n)), 1e-12, "log at " + n);
            assertEquals(n, threshold.toNormalized(threshold.fromNormalized(n)), 1e-12, "linear at " + n);
        }
        for (double hz : new double[] {20, 31.5, 440, 1000, 9999.9, 20000}) {
            assertEquals(hz, cutoff.fromNormalized(cutoff.toNormalized(hz)), hz * 1e-12);
        }
        assertEquals(-30, threshold.fromNormalized(0.5), 1e-12);
    }

    @Test
    void normalisedValuesOutsideZeroToOneAreClamped() {
        assertEquals(20, cutoff.fromNormalized(-0.5), 1e-12);
        assertEquals(20000, cutoff.fromNormalized(7), 1e-9);
        assertEquals(1, threshold.toNormalized(12), 0);
    }

    @Test
    void steppedAndChoiceParametersSnapToTheirGrid() {
        ParameterDescriptor slope = ParameterDescriptor.builder("slope_db_oct", ParameterUnit.NONE).range(12, 48)
                .step(12).defaultValue(12).build();
        assertEquals(24, slope.fromNormalized(0.3), 0);
        assertEquals(36, slope.fromNormalized(0.6), 0);
        ParameterDescriptor detection = ParameterDescriptor.choice("detection", List.of("peak", "rms"), "rms");
        assertEquals(1, detection.defaultValue());
        assertEquals(0, detection.fromNormalized(0.2));
        assertEquals(1, detection.fromNormalized(0.7));
        assertEquals("one of [peak, rms]", detection.rangeText());
    }

    @Test
    void outOfRangeValuesNameEffectParameterAndRange() {
        InvalidParameterException e = assertThrows(InvalidParameterException.class,
                () -> threshold.validate("compressor", 3));
        assertEquals("compressor", e.effectType());
        assertEquals("threshold_db", e.parameterId());
        assertEquals("compressor.threshold_db: value 3.0 is outside the allowed range [-60.0, 0.0] dB", e.getMessage());
        InvalidParameterException nan = assertThrows(InvalidParameterException.class,
                () -> cutoff.validate("eq", Double.NaN));
        assertTrue(nan.getMessage().startsWith("eq.cutoff_hz: value NaN is not a finite number"), nan.getMessage());
        ParameterDescriptor slope = ParameterDescriptor.builder("slope_db_oct", ParameterUnit.NONE).range(12, 48)
                .step(12).defaultValue(12).build();
        InvalidParameterException off = assertThrows(InvalidParameterException.class, () -> slope.validate("eq", 18));
        assertTrue(off.getMessage().contains("not a multiple of 12.0"), off.getMessage());
    }

    @Test
    void unknownIdsNameTheEffectAndListTheKnownOnes() {
        List<ParameterDescriptor> ds = List.of(threshold, cutoff);
        InvalidParameterException e = assertThrows(InvalidParameterException.class,
                () -> ParameterSet.of("compressor", ds, Map.of("thresold_db", -10)));
        assertEquals("compressor.thresold_db: unknown parameter; compressor has: threshold_db, cutoff_hz",
                e.getMessage());
        ParameterSet set = ParameterSet.defaults("compressor", ds);
        assertThrows(InvalidParameterException.class, () -> set.get("ratio"));
        assertThrows(InvalidParameterException.class, () -> set.with("ratio", 2));
        assertEquals(-10, set.with("threshold_db", -10).get("threshold_db"));
        assertEquals(-20, set.get("threshold_db"));
    }

    @Test
    void declarationsAreCheckedWhenBuilt() {
        IllegalArgumentException suffix = assertThrows(IllegalArgumentException.class,
                () -> ParameterDescriptor.linear("threshold", ParameterUnit.DECIBELS, -60, 0, 0));
        assertTrue(suffix.getMessage().contains("must end with '_db'"), suffix.getMessage());
        IllegalStateException log = assertThrows(IllegalStateException.class,
                () -> ParameterDescriptor.logarithmic("time_ms", ParameterUnit.MILLISECONDS, 0, 10, 1));
        assertTrue(log.getMessage().contains("positive range"), log.getMessage());
        assertThrows(InvalidParameterException.class,
                () -> ParameterDescriptor.linear("level_db", ParameterUnit.DECIBELS, -6, 6, 9));
        assertThrows(IllegalArgumentException.class,
                () -> ParameterDescriptor.choice("mode", List.of("a", "b"), "c"));
    }
}
