package io.mirrordrill.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

import java.util.List;

import static io.mirrordrill.cli.Ran.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The tree built along the arguments' path reads them as the whole tree does. */
class CommandTreeTest {
    @Test
    void everyPathReachesTheCommandTheWholeTreeReaches() {
        for (List<String> args : List.<List<String>>of(List.of("drill", "run", "setup-replication", "--seed", "7"),
                List.of("--debug", "drill", "validate", "x"), List.of("drill", "--debug", "list"),
                List.of("drill", "run", "--debug", "a", "b"), List.of("drill", "fuzz", "--seeds", "1..2"),
                List.of("drill", "fuzz", "merge", "out", "shard-0"), List.of("drill", "bench"), List.of("serve", "setup-replication"),
                List.of("controller"), List.of("-V"), List.of("drill"), List.of())) {
            String[] a = args.toArray(String[]::new);
            assertEquals(leaf(CommandTree.whole(), a), leaf(CommandTree.of(a), a), args.toString());
        }
    }

    @Test
    void usageStillListsEveryCommand() {
        String top = run("--help").out();
        for (String name : List.of("drill", "serve", "controller")) {
            assertTrue(top.contains("  " + name + " "), name + " missing from\n" + top);
        }
        String drill = run("drill").out();
        for (String name : List.of("list", "run", "validate", "fuzz", "bench")) {
            assertTrue(drill.contains("  " + name + " "), name + " missing from\n" + drill);
        }
    }

    @Test
    void aMisspeltCommandStillGetsASuggestion() {
        Ran r = run("drill", "runn", "x");
        assertEquals(Main.BAD_INPUT, r.code());
        assertTrue(r.err().contains("Did you mean: drill run?"), r.err());
    }

    /** The innermost command the arguments name, and whether --debug reached it. */
    private static String leaf(CommandLine tree, String[] args) {
        ParseResult r = tree.parseArgs(args);
        boolean debug = false;
        while (true) {
            debug |= r.hasMatchedOption("--debug");
            if (r.subcommand() == null) {
                break;
            }
            r = r.subcommand();
        }
        return r.commandSpec().userObject().getClass().getSimpleName() + " debug=" + debug;
    }
}
