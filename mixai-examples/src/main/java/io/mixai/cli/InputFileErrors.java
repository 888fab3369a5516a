package io.mixai.cli;

import io.mixai.audio.AudioFileException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;

/**
 * One-line reporting of an input file that could not be read, for commands that go on with
 * their other files (the command then exits with {@link MixaiCli#EXIT_BAD_INPUT}).
 */
final class InputFileErrors {

    private InputFileErrors() {
    }

    static void report(CommandSpec spec, Path file, IOException e) {
        PrintWriter err = spec.commandLine().getErr();
        // AudioFileException already names the file; other I/O errors may not.
        String message = e instanceof AudioFileException ? e.getMessage() : file + ": " + e.getMessage();
        err.println("mixai: " + message.replaceAll("\\s*\\R\\s*", " "));
        if (isVerbose(spec)) {
            e.printStackTrace(err);
        }
        err.flush();
    }

    /**
     * Fails early, before any work, when an input is missing (or is a directory), so such a run
     * exits 3 with the file named.
     */
    static void requireRegularFile(Path file) throws AudioFileException {
        if (!Files.isRegularFile(file)) {
            throw new AudioFileException(file, "no such file");
        }
    }

    static boolean isVerbose(CommandSpec spec) {
        return spec.root().userObject() instanceof MixaiCli root && root.verbose;
    }
}
