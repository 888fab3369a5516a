package io.mixai.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixai.chain.EffectSpec;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The metadata → chain mapping, checked at the level of effect specs (the effects themselves
 * live in mixai-dsp).
 */
class StemSettingsTest {

    private static StemSettings stem(String name) throws IOException {
        return MetadataJson.read(MetadataJsonTest.corpusFile()).stem(name);
    }

    private static List<String> types(List<EffectSpec> specs) {
        return specs.stream().map(EffectSpec::type).toList();
    }

    @Test
    void stagesFollowTheDocumentedProcessingOrder() throws IOException {
        List<EffectSpec> specs = stem("vocals").toEffectSpecs();
        assertEquals(List.of("gain", "eq", "compressor", "reverb", "gain", "pan"), types(specs));
        assertEquals(Map.of("gain_db", -2.0), specs.get(0).params());
        assertEquals(Map.of("pan", 0.0), specs.get(5).params());
        // The bass has no reverb, so no reverb stage and no make-up for it.
        List<EffectSpec> bass = stem("bass").toEffectSpecs();
        assertEquals(List.of("gain", "eq", "compressor", "gain", "pan"), types(bass));
        assertEquals(Map.of("gain_db", -5.7), bass.get(3).params());
    }

    @Test
    void cutsComeFirstThenTheBandsInTheirOrderAndUnusedBandsAreOff() throws IOException {
        Map<String, Object> eq = stem("vocals").toEffectSpecs().get(1).params();
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("band1_type", "low_cut");
        expected.put("band1_freq_hz", 135.0);
        expected.put("band1_q", Math.sqrt(0.5));
        expected.put("band1_slope_db_oct", 12.0);
        expected.put("band2_type", "high_cut");
        expected.put("band2_freq_hz", 14500.0);
        expected.put("band2_q", Math.sqrt(0.5));
        expected.put("band2_slope_db_oct", 12.0);
        String[][] bands = {{"low_shelf", "180", "-5", "0.707"}, {"peak", "420", "-2", "1.1"},
            {"peak", "3300", "2.5", "1.2"}, {"high_shelf", "9000", "3", "0.707"}};
        for (int i = 0; i < bands.length; i++) {
            String p = "band" + (i + 3) + "_";
            expected.put(p + "type", bands[i][0]);
            expected.put(p + "freq_hz", Double.parseDouble(bands[i][1]));
            expected.put(p + "gain_db", Double.parseDouble(bands[i][2]));
            expected.put(p + "q", Double.parseDouble(bands[i][3]));
        }
        expected.put("band7_type", "off");
        expected.put("band8_type", "off");
        expected.put("linear_phase", false);
        assertEquals(expected, eq);
        assertEquals(new ArrayList<>(expected.keySet()), new ArrayList<>(eq.keySet()));
    }

    @Test
    void moreThanEightBandsSpillIntoASecondEq() {
        List<EqBand> bands = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            bands.add(new EqBand(EqBand.Type.BELL, 100 * (i + 1), i, 1));
        }
        StemSettings s = new StemSettings(null, null, new EqSettings(30.0, null, 24.0, bands), null, null, null,
                null, null);
        List<EffectSpec> specs = s.toEffectSpecs();
        assertEquals(List.of("eq", "eq"), types(specs));
        assertEquals(24.0, specs.get(0).params().get("band1_slope_db_oct"));
        assertEquals(700.0, specs.get(0).params().get("band8_freq_hz"));
        assertEquals(800.0, specs.get(1).params().get("band1_freq_hz"));
        assertEquals(900.0, specs.get(1).params().get("band2_freq_hz"));
        assertEquals("off", specs.get(1).params().get("band3_type"));
    }

    @Test
    void compressionMapsToTheCompressorsParameters() throws IOException {
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("threshold_db", -19.5);
        expected.put("ratio", 5.5);
        expected.put("knee_db", 4.5);
        expected.put("attack_ms", 7.0);
        expected.put("release_ms", 165.0);
        expected.put("makeup_db", 3.0);
        expected.put("auto_makeup", false);
        assertEquals(expected, stem("vocals").toEffectSpecs().get(2).params());
    }

    @Test
    void theReverbKeepsSoxsWetToDryRatioAndTheFaderRestoresTheDryLevel() throws IOException {
        List<EffectSpec> specs = stem("vocals").toEffectSpecs();
        Map<String, Object> reverb = specs.get(3).params();
        double mix = (Double) reverb.get("mix_percent") / 100;
        double fader = Math.pow(10, (Double) specs.get(4).params().get("gain_db") / 20);
        double faderDb = -5.1;
        // sox: dry + wet·10^(-6.5/20). mixai: fader·((1 − m)·dry + m·wet).
        double dryGain = fader * (1 - mix);
        double wetGain = fader * mix;
        assertEquals(Math.pow(10, faderDb / 20), dryGain, 1e-12);
        assertEquals(Math.pow(10, faderDb / 20) * Math.pow(10, -6.5 / 20), wetGain, 1e-12);
        assertEquals(20.0, reverb.get("predelay_ms"));
        assertEquals(47.0, reverb.get("damping_percent"));
        assertEquals(58.0, reverb.get("size_percent"));
        assertEquals(95.0, reverb.get("width_percent"));
    }

    /** The decay formula against a comb filter simulated sample by sample. */
    @Test
    void theDecayTimeIsTheReverberationTimeOfSoxsCombs() {
        for (double[] setting : new double[][] {{0, 100}, {53, 58}, {30, 43}}) {
            double reverberance = setting[0];
            double scale = 0.1 + 0.9 * setting[1] / 100;
            int delay = (int) Math.round(1378 * scale);
            // sox's feedback runs from 0.3 at reverberance 0 to 0.98 at 100 along 1 − exp(...).
            double a = -1 / Math.log(0.7);
            double b = 100 / (a * Math.log(0.02) + 1);
            double g = 1 - Math.exp((reverberance - b) / (a * b));
            if (reverberance == 0) {
                assertEquals(0.3, g, 1e-12);
            }
            // Impulse through y[n] = x[n] + g·y[n − D]: find when the level has fallen by 60 dB.
            double y = 1;
            int n = 0;
            while (y > 1e-3) {
                y *= g;
                n += delay;
            }
            double measured = n / 44100.0;
            double formula = StemSettings.decaySeconds(reverberance, setting[1]);
            double expected = Math.max(0.1, measured);
            assertEquals(expected, formula, Math.max(delay / 44100.0, 0.0) + 1e-9,
                    "reverberance " + reverberance + ", room " + setting[1]);
        }
        assertEquals(0.1, StemSettings.decaySeconds(0, 0), 1e-12);
        assertTrue(StemSettings.decaySeconds(100, 100) > 5);
    }

    @Test
    void theExtensionsMapToTheirEffects() {
        StemSettings s = new StemSettings(true, null, null, null, null, 1.5, 140.0, -0.25);
        List<EffectSpec> specs = s.toEffectSpecs();
        assertEquals(List.of("polarity", "gain", "width", "pan"), types(specs));
        assertEquals(Map.of("invert_left", true, "invert_right", true), specs.get(0).params());
        assertEquals(Map.of("width_percent", 140.0), specs.get(2).params());
    }
}
