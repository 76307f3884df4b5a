package io.mirrordrill.cli;

import io.mirrordrill.engine.InputException;
import io.mirrordrill.scenario.secret.Redactor;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * {@code mirrordrill}: exit code 0 when every drill passes, 1 when a drill or an invariant failed, 2 for bad input
 * (a malformed drill, a missing file) or bad usage.
 */
public final class Main {
    public static final int PASSED = 0;
    public static final int FAILED = 1;
    public static final int BAD_INPUT = 2;

    private Main() {
    }

    /** Whether this JVM runs the command line only (from {@link #main}), not inside another program. */
    private static volatile boolean ownsProcess;

    public static void main(String[] args) {
        ownsProcess = true;
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    static boolean ownsProcess() {
        return ownsProcess;
    }

    /** Runs the command line with the given streams; returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new MirrordrillCommand());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parsed) -> {
            // a URL's password (a kubeconfig's server, an endpoint) may sit in any message: never printed
            if (e instanceof InputException input) {
                commandLine.getErr().println(Redactor.maskUserInfo(input.getMessage()));
                return BAD_INPUT;
            }
            commandLine.getErr().println("mirrordrill: " + Redactor.maskUserInfo(e.toString()));
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            commandLine.getErr().print(Redactor.maskUserInfo(trace.toString()));
            return FAILED;
        });
        return cli.execute(args);
    }
}
