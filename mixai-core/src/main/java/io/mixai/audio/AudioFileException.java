package io.mixai.audio;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * An audio file that cannot be read or written: unreadable, truncated, not the format it claims
 * to be, or using a feature mixai does not support. The message names the file and the problem.
 */
public class AudioFileException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final String problem;

    public AudioFileException(Path file, String problem) {
        this(file, problem, null);
    }

    public AudioFileException(Path file, String problem, Throwable cause) {
        super((file == null ? "<stream>" : file.toString()) + ": " + Objects.requireNonNull(problem, "problem"), cause);
        this.file = file;
        this.problem = problem;
    }

    /** The file concerned, or null when reading from a stream without a name. */
    public Path file() {
        return file;
    }

    /** What is wrong, without the file name. */
    public String problem() {
        return problem;
    }
}
