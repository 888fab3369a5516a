package io.mixai.cli;

import io.mixai.Mixai;
import io.mixai.audio.AudioFileException;
import io.mixai.param.InvalidParameterException;
import io.mixai.settings.SettingsException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Option;

/**
 * The {@code mixai} command line. Each subcommand is a class of its own in this package.
 *
 * <p>Exit codes, the same for every subcommand: {@value #EXIT_OK} success,
 * {@value #EXIT_USAGE} usage error, {@value #EXIT_BAD_INPUT} bad or unreadable input,
 * {@value #EXIT_FAILURE} any other failure. Errors are one line on stderr; the stack trace
 * is printed only with {@code --verbose}.
 */
@Command(
        name = "mixai",
        mixinStandardHelpOptions = true,
        versionProvider = MixaiCli.Version.class,
        description = "Automatic mixing and mastering.",
        subcommands = {
            CommandLine.HelpCommand.class,
            InfoCommand.class,
            LoudnessCommand.class,
            EffectsCommand.class,
            FeaturesCommand.class,
            MasterCommand.class,
            RenderChainCommand.class,
        })
public final class MixaiCli implements Runnable {

    public static final int EXIT_OK = 0;
    public static final int EXIT_FAILURE = 1;
    public static final int EXIT_USAGE = 2;
    public static final int EXIT_BAD_INPUT = 3;

    @Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT,
            description = "Print stack traces with errors.")
    boolean verbose;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line with the given streams and returns the exit code (for tests and embedding). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        MixaiCli root = new MixaiCli();
        CommandLine cli = new CommandLine(root);
        cli.setOut(out);
        cli.setErr(err);
        cli.setExitCodeExceptionMapper(MixaiCli::exitCodeOf);
        cli.setParameterExceptionHandler((e, a) -> {
            err.println("mixai: " + e.getMessage());
            err.println("Try 'mixai --help' for usage.");
            err.flush();
            return EXIT_USAGE;
        });
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            err.println("mixai: " + oneLine(e));
            if (root.verbose) {
                e.printStackTrace(err);
            }
            err.flush();
            return exitCodeOf(e);
        });
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    static int exitCodeOf(Throwable e) {
        if (e instanceof AudioFileException || e instanceof BadInputException || e instanceof SettingsException) {
            return EXIT_BAD_INPUT;
        }
        if (e instanceof InvalidParameterException || e instanceof CommandLine.ParameterException) {
            return EXIT_USAGE;
        }
        return EXIT_FAILURE;
    }

    private static String oneLine(Throwable e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            message = e.getClass().getSimpleName();
        }
        return message.replaceAll("\\s*\\R\\s*", " ");
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required");
    }

    /** Reads the version from the build. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"mixai " + Mixai.version()};
        }
    }
}
