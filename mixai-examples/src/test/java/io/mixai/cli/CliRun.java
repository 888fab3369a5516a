package io.mixai.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One in-process run of the CLI through {@link MixaiCli#run}: its exit code and what it wrote to stdout and stderr. */
record CliRun(int code, String out, String err) {

    static CliRun run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = MixaiCli.run(args, new PrintWriter(out), new PrintWriter(err));
        return new CliRun(code, out.toString(), err.toString());
    }
}
