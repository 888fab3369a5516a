package io.mixai.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes the dataset's per-stem metadata ({@link MixMetadata}):
 * <pre>{@code
 * {
 *   "vocals": {
 *     "polarity_invert": false,                                   // mixai extension
 *     "input_gain_db": -2.0,
 *     "eq": {"low_cut": 135, "high_cut": 14500, "filter_slope_db_per_oct": 12,
 *            "bands": [{"type": "bell", "freq": 420, "gain_db": -2.0, "q": 1.1}]},
 *     "compression": {"threshold": -19.5, "ratio": 5.5, "attack_ms": 7, "release_ms": 165,
 *                     "makeup_db": 3.0, "knee_db": 4.5, "detection": "rms"},   // detection: mixai extension
 *     "reverb": {"enabled": true, "reverberance": 53, "hf_damping": 47, "room_scale": 58,
 *                "stereo_depth": 95, "pre_delay_ms": 20, "wet_gain_db": -6.5},
 *     "gain_db": -5.1,
 *     "width_percent": 100,                                       // mixai extension
 *     "pan": 0.0
 *   }
 * }
 * }</pre>
 *
 * <p>Every key is optional except {@code compression.threshold}, {@code compression.ratio},
 * {@code reverb.enabled} and each band's four keys; an absent stage does nothing. Band types
 * are {@code bell}, {@code low_shelf} and {@code high_shelf}. The extensions are
 * {@code polarity_invert} (applied first), {@code width_percent} (0 mono, 100 unchanged, 200
 * doubled side; applied after {@code gain_db}, before {@code pan}) and
 * {@code compression.detection} ({@code peak} or {@code rms}).
 *
 * <p>Reading is strict: an unknown key, a value of the wrong kind or out of range is a
 * {@link SettingsException} naming its JSON path and, for files, the file. Writing keeps the key
 * order above and writes whole numbers of counted quantities (frequencies, times, percentages)
 * without a decimal point, as the dataset does, so the dataset's files round-trip as text.
 */
public final class MetadataJson {

    private static final List<String> STEM_KEYS = List.of("polarity_invert", "input_gain_db", "eq", "compression",
            "reverb", "gain_db", "width_percent", "pan");
    private static final List<String> EQ_KEYS = List.of("low_cut", "high_cut", "filter_slope_db_per_oct", "bands");
    private static final List<String> BAND_KEYS = List.of("type", "freq", "gain_db", "q");
    private static final List<String> COMPRESSION_KEYS = List.of("threshold", "ratio", "attack_ms", "release_ms",
            "makeup_db", "knee_db", "detection");
    private static final List<String> REVERB_KEYS = List.of("enabled", "reverberance", "hf_damping", "room_scale",
            "stereo_depth", "pre_delay_ms", "wet_gain_db");
    private static final List<String> SLOPES = List.of("12", "24", "36", "48");
    private static final List<String> DETECTIONS = List.of("peak", "rms");

    private static final double MAX_GAIN_DB = 120;
    private static final double MAX_FREQ_HZ = 100_000;

    private MetadataJson() {
    }

    /**
     * Parses metadata text.
     *
     * @throws SettingsException naming the JSON path of the first problem
     */
    public static MixMetadata read(String json) {
        JsonNode root = JsonSupport.parse(json);
        if (!root.isObject()) {
            throw new SettingsException("$", "expected an object of stems, got " + JsonSupport.describe(root));
        }
        Map<String, StemSettings> stems = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            stems.put(e.getKey(), readStem(JsonFields.of(e.getValue(), JsonSupport.member("$", e.getKey()),
                    "a stem")));
        }
        return new MixMetadata(stems);
    }

    /** Parses a metadata file; error messages name the file. */
    public static MixMetadata read(Path file) {
        return JsonSupport.readFile(file, text -> read(text));
    }

    private static StemSettings readStem(JsonFields stem) {
        stem.allowOnly(STEM_KEYS);
        EqSettings eq = stem.has("eq") ? readEq(JsonFields.of(stem.get("eq"), stem.path("eq"), "eq")) : null;
        CompressionSettings compression = stem.has("compression")
                ? readCompression(JsonFields.of(stem.get("compression"), stem.path("compression"), "compression"))
                : null;
        ReverbSettings reverb = stem.has("reverb")
                ? readReverb(JsonFields.of(stem.get("reverb"), stem.path("reverb"), "reverb")) : null;
        return new StemSettings(
                stem.bool("polarity_invert"),
                stem.number("input_gain_db", -MAX_GAIN_DB, MAX_GAIN_DB),
                eq, compression, reverb,
                stem.number("gain_db", -MAX_GAIN_DB, MAX_GAIN_DB),
                stem.number("width_percent", 0, 200),
                stem.number("pan", -1, 1));
    }

    private static EqSettings readEq(JsonFields eq) {
        eq.allowOnly(EQ_KEYS);
        Double slope = eq.number("filter_slope_db_per_oct", 12, 48);
        if (slope != null && (slope % 1 != 0 || !SLOPES.contains(String.valueOf(slope.intValue())))) {
            throw new SettingsException(eq.path("filter_slope_db_per_oct"), "expected one of " + SLOPES + ", got "
                    + eq.get("filter_slope_db_per_oct"));
        }
        List<EqBand> bands = new ArrayList<>();
        JsonNode list = eq.array("bands");
        if (list != null) {
            for (int i = 0; i < list.size(); i++) {
                JsonFields band = JsonFields.of(list.get(i), eq.path("bands") + "[" + i + "]", "a band")
                        .allowOnly(BAND_KEYS);
                String typeName = band.requiredString("type");
                EqBand.Type type = EqBand.Type.ofJsonName(typeName);
                if (type == null) {
                    throw new SettingsException(band.path("type"), "unknown band type \"" + typeName
                            + "\"; expected bell, low_shelf or high_shelf");
                }
                bands.add(new EqBand(type, band.requiredNumber("freq", Double.MIN_VALUE, MAX_FREQ_HZ),
                        band.requiredNumber("gain_db", -MAX_GAIN_DB, MAX_GAIN_DB),
                        band.requiredNumber("q", Double.MIN_VALUE, 100)));
            }
        }
        return new EqSettings(eq.number("low_cut", Double.MIN_VALUE, MAX_FREQ_HZ),
                eq.number("high_cut", Double.MIN_VALUE, MAX_FREQ_HZ), slope, bands);
    }

    private static CompressionSettings readCompression(JsonFields c) {
        c.allowOnly(COMPRESSION_KEYS);
        String detection = c.string("detection");
        if (detection != null && !DETECTIONS.contains(detection)) {
            throw new SettingsException(c.path("detection"), "expected one of " + DETECTIONS + ", got \"" + detection
                    + "\"");
        }
        return new CompressionSettings(
                c.requiredNumber("threshold", -MAX_GAIN_DB, 0),
                c.requiredNumber("ratio", 1, Double.MAX_VALUE),
                c.number("attack_ms", 0, 10_000),
                c.number("release_ms", 0, 100_000),
                c.number("makeup_db", -MAX_GAIN_DB, MAX_GAIN_DB),
                c.number("knee_db", 0, MAX_GAIN_DB),
                detection);
    }

    private static ReverbSettings readReverb(JsonFields r) {
        r.allowOnly(REVERB_KEYS);
        Boolean enabled = r.bool("enabled");
        if (enabled == null) {
            throw r.missing("enabled");
        }
        ReverbSettings settings = new ReverbSettings(enabled,
                r.number("reverberance", 0, 100),
                r.number("hf_damping", 0, 100),
                r.number("room_scale", 0, 100),
                r.number("stereo_depth", 0, 100),
                r.number("pre_delay_ms", 0, 500),
                r.number("wet_gain_db", -MAX_GAIN_DB, 10));
        if (!enabled) {
            for (String key : REVERB_KEYS) {
                if (!key.equals("enabled") && r.has(key)) {
                    throw new SettingsException(r.path(key), "set on a disabled reverb; remove it or set \"enabled\": true");
                }
            }
        }
        return settings;
    }

    /** The metadata as JSON text. */
    public static String toJson(MixMetadata metadata) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, StemSettings> e : metadata.stems().entrySet()) {
            writeStem(root.putObject(e.getKey()), e.getValue());
        }
        return JsonSupport.print(root);
    }

    /** Writes metadata to a file (atomically: a temporary file moved into place). */
    public static void write(MixMetadata metadata, Path file) {
        JsonSupport.writeAtomically(file, toJson(metadata));
    }

    private static void writeStem(ObjectNode o, StemSettings s) {
        if (s.polarityInvert() != null) {
            o.put("polarity_invert", s.polarityInvert());
        }
        putDecimal(o, "input_gain_db", s.inputGainDb());
        if (s.eq() != null) {
            ObjectNode eq = o.putObject("eq");
            putCount(eq, "low_cut", s.eq().lowCutHz());
            putCount(eq, "high_cut", s.eq().highCutHz());
            putCount(eq, "filter_slope_db_per_oct", s.eq().filterSlopeDbPerOct());
            if (!s.eq().bands().isEmpty()) {
                ArrayNode bands = eq.putArray("bands");
                for (EqBand b : s.eq().bands()) {
                    ObjectNode band = bands.addObject();
                    band.put("type", b.type().jsonName());
                    putCount(band, "freq", b.freqHz());
                    putDecimal(band, "gain_db", b.gainDb());
                    putDecimal(band, "q", b.q());
                }
            }
        }
        if (s.compression() != null) {
            CompressionSettings c = s.compression();
            ObjectNode comp = o.putObject("compression");
            putDecimal(comp, "threshold", c.thresholdDb());
            putDecimal(comp, "ratio", c.ratio());
            putCount(comp, "attack_ms", c.attackMs());
            putCount(comp, "release_ms", c.releaseMs());
            putDecimal(comp, "makeup_db", c.makeupDb());
            putDecimal(comp, "knee_db", c.kneeDb());
            if (c.detection() != null) {
                comp.put("detection", c.detection());
            }
        }
        if (s.reverb() != null) {
            ReverbSettings r = s.reverb();
            ObjectNode rev = o.putObject("reverb");
            rev.put("enabled", r.enabled());
            putCount(rev, "reverberance", r.reverberance());
            putCount(rev, "hf_damping", r.hfDamping());
            putCount(rev, "room_scale", r.roomScale());
            putCount(rev, "stereo_depth", r.stereoDepth());
            putCount(rev, "pre_delay_ms", r.preDelayMs());
            putDecimal(rev, "wet_gain_db", r.wetGainDb());
        }
        putDecimal(o, "gain_db", s.gainDb());
        putCount(o, "width_percent", s.widthPercent());
        putDecimal(o, "pan", s.pan());
    }

    /** A level or factor: always written with a decimal point ({@code -5.0}). */
    private static void putDecimal(ObjectNode o, String key, Double value) {
        if (value != null) {
            o.put(key, value.doubleValue());
        }
    }

    /** A counted quantity (Hz, ms, %): a whole value is written without a decimal point ({@code 135}). */
    private static void putCount(ObjectNode o, String key, Double value) {
        if (value == null) {
            return;
        }
        double v = value;
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            o.put(key, (long) v);
        } else {
            o.put(key, v);
        }
    }
}
