package io.mirrordrill.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One in-process run of the command line, as {@code ./mirrordrill} runs it: its exit code and what it printed. */
record Ran(int code, String out, String err) {
    static Ran run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Ran(code, out.toString(), err.toString());
    }
}
