package io.mirrordrill.scenario.runner;

import io.mirrordrill.scenario.drill.Step;
import io.mirrordrill.scenario.report.CommandRun;
import io.mirrordrill.scenario.runbook.RunbookEstate;
import io.mirrordrill.scenario.runbook.Shell;
import io.mirrordrill.scenario.runbook.Tools;
import io.mirrordrill.scenario.world.SimCluster;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Runbook steps ({@code sh}): the estate is served on 127.0.0.1 at the first one (a drill without any starts no
 * server), each command runs while simulated time stands still, and what it printed and how it ended are kept for the
 * report; {@code capture} gives later steps its output.
 */
final class ShSteps implements AutoCloseable {
    private final Estate estate;
    private final Vars vars;
    private final Instant begin;
    /** mirrordrill's own PATH: where the command's clients are looked for. */
    private final String path;
    private final List<CommandRun> runs = new ArrayList<>();
    private RunbookEstate served;

    ShSteps(Estate estate, Vars vars, Instant begin, String path) {
        this.estate = estate;
        this.vars = vars;
        this.begin = begin;
        this.path = path;
    }

    void sh(Step.Sh step) {
        String command = vars.render(step.command());
        Tools.missing(command, path).ifPresent(message -> {
            throw new StepFailure(message, "the runbook step needs it: " + step.describe());
        });
        if (served == null) {
            served = RunbookEstate.start(estate.sim(), estate.redactor());
        }
        String context = step.context() != null ? vars.render(step.context()) : estate.clusters().stream()
                .map(SimCluster::name).min(Comparator.naturalOrder()).orElseThrow();
        Instant now = estate.world().now();
        Map<String, String> env = served.environment(context, path, now.toString());
        Shell shell = new Shell(served.home().resolve("run"));
        Shell.Outcome out = served.whileUnlocked(() -> shell.run(command, served.workdir(step.dir()), env,
                step.timeout()));
        runs.add(new CommandRun(step.at().source(), step.at().path(), step.at().line(), context, command,
                out.exitCode(), served.stable(out.stdout()), served.stable(out.stderr()),
                Duration.between(begin, now).toMillis()));
        estate.world().record("drill", "sh " + step.at().path() + ": exit " + out.exitCode() + ", "
                + out.stdout().length() + " characters out, " + out.stderr().length() + " err");
        if (out.timedOut()) {
            throw new StepFailure("the command did not finish within " + step.timeout() + " (real time) and was"
                    + " killed", tail(served.stable(out.stderr())));
        }
        if (out.exitCode() != step.expectExit()) {
            String hint = out.exitCode() == 127 ? " (a command was not found: install it, or fix its name)" : "";
            throw new StepFailure("the command exited " + out.exitCode() + ", expected " + step.expectExit() + hint,
                    tail(served.stable(out.stderr().isBlank() ? out.stdout() : out.stderr())));
        }
        if (step.capture() != null) {
            vars.set(step.capture(), out.stdout().replaceAll("\\n+$", ""));
        }
    }

    /** The last lines of an output, for a failure's evidence. */
    private static String tail(String text) {
        List<String> lines = text.strip().lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 10), lines.size()));
    }

    List<CommandRun> runs() {
        return List.copyOf(runs);
    }

    /** Stops the servers, if a runbook step started them. */
    @Override
    public void close() {
        if (served != null) {
            served.close();
            served = null;
        }
    }
}
