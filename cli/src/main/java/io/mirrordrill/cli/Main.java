package io.mirrordrill.cli;

import io.mirrordrill.engine.InputException;
import io.mirrordrill.scenario.secret.Redactor;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * {@code mirrordrill}: exit code 0 when every drill passes, 1 when a drill or an invariant failed (or, for serve and
 * controller, an unexpected failure), 2 for bad input (a malformed drill, a missing file, a bad option or path) or
 * bad usage. No input gives a stack trace: a bad one is one line naming the option or file and the fix; a stack
 * trace is printed only under {@code --debug}.
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
        ProcessFigures.writeAtExitIfAsked();
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    static boolean ownsProcess() {
        return ownsProcess;
    }

    /** Runs the command line with the given streams; returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = CommandTree.of(args);
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler((e, arguments) -> {
            CommandLine command = e.getCommandLine();
            command.getErr().println("mirrordrill: " + Redactor.maskUserInfo(e.getMessage()) + ". Fix: see '"
                    + command.getCommandSpec().qualifiedName() + " --help'");
            CommandLine.UnmatchedArgumentException.printSuggestions(e, command.getErr());
            return BAD_INPUT;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parsed) -> {
            // a URL's password (a kubeconfig's server, an endpoint) may sit in any message: never printed
            PrintWriter errors = commandLine.getErr();
            boolean debug = debug(parsed);
            if (e instanceof InputException input) {
                errors.println(Redactor.maskUserInfo(input.getMessage()));
                trace(e, errors, debug);
                return BAD_INPUT;
            }
            IOException io = e instanceof IOException i ? i : e instanceof UncheckedIOException u ? u.getCause() : null;
            if (io != null) {
                // a file the command was given could not be read or written: the user's to fix
                errors.println("mirrordrill: " + (e.getMessage() == null || io == e ? ""
                        : Redactor.maskUserInfo(e.getMessage()) + ": ") + OutputPaths.reason(io)
                        + ". Fix: check the paths given on the command line" + (debug ? "" : " (--debug shows where it failed)"));
                trace(e, errors, debug);
                return BAD_INPUT;
            }
            errors.println("mirrordrill: unexpected failure (a bug of mirrordrill): "
                    + Redactor.maskUserInfo(oneLine(e)) + (debug ? "" : ". Run again with --debug for the stack trace, and report it"));
            trace(e, errors, debug);
            return FAILED;
        });
        return cli.execute(args);
    }

    /** Whether --debug was given, before or after the subcommand. */
    private static boolean debug(ParseResult parsed) {
        for (ParseResult r = parsed; r != null; r = r.subcommand()) {
            if (r.hasMatchedOption("--debug")) {
                return true;
            }
        }
        return false;
    }

    private static void trace(Exception e, PrintWriter errors, boolean debug) {
        if (debug) {
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            errors.print(Redactor.maskUserInfo(trace.toString()));
        }
    }

    /** The failure's own words on one line, without the Java class name. */
    private static String oneLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.lines().findFirst().orElse("").strip();
    }
}
