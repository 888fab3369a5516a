package io.mixai.settings;

import java.nio.file.Path;

/**
 * A settings document (an effect chain, mix metadata) that cannot be used. The message names
 * the file, when there is one, and the JSON path of the offending value, e.g.
 * {@code song_metadata.json: $.vocals.compression.ratio: expected a number, got "four"}.
 *
 * <p>Unchecked, like {@link io.mixai.param.InvalidParameterException}: bad settings are bad
 * input that callers report, not a condition they can recover from locally.
 */
public class SettingsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final String jsonPath;
    private final String problem;

    public SettingsException(String jsonPath, String problem) {
        this(null, jsonPath, problem, null);
    }

    public SettingsException(Path file, String jsonPath, String problem, Throwable cause) {
        super((file == null ? "" : file + ": ") + (jsonPath == null ? "" : jsonPath + ": ") + problem, cause);
        this.file = file;
        this.jsonPath = jsonPath;
        this.problem = problem;
    }

    /** The same problem, located in a file. */
    public SettingsException inFile(Path file) {
        return new SettingsException(file, jsonPath, problem, getCause() != null ? getCause() : this);
    }

    /** The file the settings came from, or null when they came from a string. */
    public Path file() {
        return file;
    }

    /** The JSON path of the offending value ({@code $.effects[1].params.ratio}), or null for the whole document. */
    public String jsonPath() {
        return jsonPath;
    }

    /** What is wrong, without file and path. */
    public String problem() {
        return problem;
    }
}
