package io.mixai.settings;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The processing settings of every stem of a song (the dataset's
 * {@code data/raw/metadata/<song>_metadata.json}), by stem name in file order. Read and
 * written with {@link MetadataJson}.
 *
 * @param stems stem name ({@code "vocals"}, {@code "drums"}, …) to its settings
 */
public record MixMetadata(Map<String, StemSettings> stems) {

    public MixMetadata {
        Map<String, StemSettings> copy = new LinkedHashMap<>();
        for (Map.Entry<String, StemSettings> e : stems.entrySet()) {
            copy.put(Objects.requireNonNull(e.getKey(), "stem name"),
                    Objects.requireNonNull(e.getValue(), () -> "settings of " + e.getKey()));
        }
        stems = Collections.unmodifiableMap(copy);
    }

    /**
     * The settings of one stem.
     *
     * @throws IllegalArgumentException naming the stems there are
     */
    public StemSettings stem(String name) {
        StemSettings s = stems.get(name);
        if (s == null) {
            throw new IllegalArgumentException("no stem '" + name + "'; stems: " + String.join(", ", stems.keySet()));
        }
        return s;
    }
}
