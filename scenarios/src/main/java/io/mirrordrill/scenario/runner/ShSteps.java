package io.mirrordrill.scenario.runner;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import com.fasterxml.jackson.databind.JsonNode;
import io.mirrordrill.port.kubernetes.LabelSelector;
import io.mirrordrill.port.kubernetes.Resources;
import io.mirrordrill.scenario.drill.Step;
import io.mirrordrill.scenario.drill.Units;
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
import java.util.Set;
import java.util.TreeMap;

/**
 * Runbook steps ({@code sh}): the estate is served on 127.0.0.1 at the first one (a drill without any starts no
 * server), each command runs while simulated time stands still, and what it printed and how it ended are kept for the
 * report; {@code capture} gives later steps its output.
 */
final class ShSteps implements AutoCloseable {
    private final Estate estate;
    private final Operator operator;
    private final Vars vars;
    private final Instant begin;
    /** mirrordrill's own PATH: where the command's clients are looked for. */
    private final String path;
    private final List<CommandRun> runs = new ArrayList<>();
    /** Basenames of completed ShutdownSnapshots: a failover to one is planned ({@code planned-reverse-loses-nothing}). */
    private final Set<String> shutdowns;
    private RunbookEstate served;

    ShSteps(Estate estate, Operator operator, Vars vars, Instant begin, String path, Set<String> shutdowns) {
        this.estate = estate;
        this.operator = operator;
        this.shutdowns = shutdowns;
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
        Map<String, String> desiredBefore = desiredStates();
        Shell shell = new Shell(served.home().resolve("run"));
        Shell.Outcome out = served.whileUnlocked(() -> shell.run(command, served.workdir(step.dir()), env,
                step.timeout()));
        runs.add(new CommandRun(step.at().source(), step.at().path(), step.at().line(), context, command,
                out.exitCode(), served.stable(out.stdout()), served.stable(out.stderr()),
                Duration.between(begin, now).toMillis()));
        estate.world().record("drill", "sh " + step.at().path() + ": exit " + out.exitCode() + ", "
                + out.stdout().length() + " characters out, " + out.stderr().length() + " err");
        learnShutdownSnapshots();
        notePromotions(desiredBefore);
        estate.learnClusterSecrets();
        if (out.timedOut()) {
            throw new StepFailure("the command did not finish within " + Units.format(step.timeout())
                    + " (real time) and was killed; simulated time stands still while a command runs, so one that"
                    + " waits for the cluster to change (kubectl delete, wait, rollout status) waits forever: give it"
                    + " --wait=false and follow it with an await step", tail(served.stable(out.stderr())));
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

    /** Every AppMirrorRelationship of the reachable clusters (cluster/namespace/name) and its desiredState. */
    private Map<String, String> desiredStates() {
        Map<String, String> states = new TreeMap<>();
        for (SimCluster c : estate.clusters()) {
            if (estate.reachable(c)) {
                for (GenericKubernetesResource amr : amrs(c)) {
                    states.put(c.name() + "/" + amr.getMetadata().getNamespace() + "/" + amr.getMetadata().getName(),
                            Resources.toTree(amr).path("spec").path("desiredState").asText(""));
                }
            }
        }
        return states;
    }

    /**
     * A relationship the command turned to {@code desiredState: Promoted} is a failover request, as the drill's own
     * apply and patch steps report one: RPO and RTO are measured from it when no disaster came first.
     */
    private void notePromotions(Map<String, String> before) {
        for (SimCluster c : estate.clusters()) {
            if (!estate.reachable(c)) {
                continue;
            }
            for (GenericKubernetesResource amr : amrs(c)) {
                JsonNode tree = Resources.toTree(amr);
                String key = c.name() + "/" + amr.getMetadata().getNamespace() + "/" + amr.getMetadata().getName();
                if ("Promoted".equals(tree.path("spec").path("desiredState").asText())
                        && !"Promoted".equals(before.get(key))) {
                    operator.promotionRequested(c, amr.getMetadata().getNamespace(), amr.getMetadata().getName(),
                            tree);
                }
            }
        }
    }

    private static List<GenericKubernetesResource> amrs(SimCluster c) {
        return c.api().list("protect.trident.netapp.io/v1", "AppMirrorRelationship", null,
                LabelSelector.everything());
    }

    /**
     * A runbook reads a ShutdownSnapshot's {@code status.appArchivePath} with a command before it promotes to it (what
     * the {@code shutdownSnapshot} step's {@code saveAs} does otherwise), so after each command the completed ones are
     * noted.
     */
    private void learnShutdownSnapshots() {
        for (SimCluster c : estate.clusters()) {
            if (!estate.reachable(c)) {
                continue;
            }
            for (GenericKubernetesResource s : c.api().list("protect.trident.netapp.io/v1", "ShutdownSnapshot", null,
                    LabelSelector.everything())) {
                if (s.get("status") instanceof Map<?, ?> status && "Completed".equals(status.get("state"))
                        && status.get("appArchivePath") instanceof String path) {
                    shutdowns.add(path.substring(path.lastIndexOf('/') + 1));
                }
            }
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
