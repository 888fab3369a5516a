package io.mixai.master;

import io.mixai.param.InvalidParameterException;
import java.util.Locale;

/**
 * How far reference mode moves each aspect of the track towards the references, each from 0 %
 * (leave it) to 100 % (match it).
 *
 * @param tonalPercent    tonal balance (long-term mid spectrum, smoothed; via the {@code eq} effect)
 * @param loudnessPercent integrated loudness
 * @param widthPercent    stereo width per band (side-to-mid ratio)
 * @param dynamicsPercent crest (peak-to-loudness ratio), through a compressor ahead of the limiter
 */
public record MatchAmounts(double tonalPercent, double loudnessPercent, double widthPercent, double dynamicsPercent) {

    /** Everything matched fully. */
    public static final MatchAmounts FULL = new MatchAmounts(100, 100, 100, 100);

    public MatchAmounts {
        Preferences.check("match.tonal", tonalPercent, 0, 100);
        Preferences.check("match.loudness", loudnessPercent, 0, 100);
        Preferences.check("match.width", widthPercent, 0, 100);
        Preferences.check("match.dynamics", dynamicsPercent, 0, 100);
    }

    /**
     * Parses {@code tonal=P,loudness=P,width=P,dynamics=P} (any subset, any order); aspects not
     * named stay as in {@code base}.
     *
     * @throws InvalidParameterException naming the bad item
     */
    public static MatchAmounts parse(String text, MatchAmounts base) {
        double[] v = {base.tonalPercent, base.loudnessPercent, base.widthPercent, base.dynamicsPercent};
        for (String item : text.split(",")) {
            String trimmed = item.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            int eq = trimmed.indexOf('=');
            if (eq < 0) {
                throw new InvalidParameterException("mastering", "match", "expected aspect=percent, got '" + trimmed + "'");
            }
            String key = trimmed.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            String number = trimmed.substring(eq + 1).trim();
            if (number.endsWith("%")) {
                number = number.substring(0, number.length() - 1);
            }
            double p;
            try {
                p = Double.parseDouble(number);
            } catch (NumberFormatException e) {
                throw new InvalidParameterException("mastering", "match." + key, "not a number: '" + number + "'");
            }
            switch (key) {
                case "tonal" -> v[0] = p;
                case "loudness" -> v[1] = p;
                case "width" -> v[2] = p;
                case "dynamics" -> v[3] = p;
                default -> throw new InvalidParameterException("mastering", "match", "unknown aspect '" + key
                        + "'; one of tonal, loudness, width, dynamics");
            }
        }
        return new MatchAmounts(v[0], v[1], v[2], v[3]);
    }
}
