package io.mirrordrill.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code mirrordrill drill ...}; its subcommands are added by {@link CommandTree}. */
@Command(name = "drill", mixinStandardHelpOptions = true, description = "Run, list, validate and fuzz drills.")
final class DrillCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
