package io.mirrordrill.scenario.runner;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.mirrordrill.emulator.k8s.cluster.WorkloadIoException;
import io.mirrordrill.port.kubernetes.LabelSelector;
import io.mirrordrill.port.kubernetes.Resources;
import io.mirrordrill.scenario.drill.Condition;
import io.mirrordrill.scenario.drill.Ref;
import io.mirrordrill.scenario.drill.Template;
import io.mirrordrill.scenario.world.SimCluster;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Evaluates a {@link Condition} now, as the operator would see it, with what was seen for messages. */
final class Conditions {
    /** Whether it holds, and what was observed. */
    record Result(boolean holds, String observed) {}

    private final Estate estate;
    private final Vars vars;

    Conditions(Estate estate, Vars vars) {
        this.estate = estate;
        this.vars = vars;
    }

    boolean holds(Condition c) {
        return evaluate(c).holds();
    }

    Result evaluate(Condition c) {
        if (c instanceof Condition.FieldEquals f) {
            Ref ref = vars.render(f.ref());
            Optional<JsonNode> object = read(ref);
            if (object.isEmpty()) {
                return new Result(false, ref.describe() + " does not exist or cannot be reached");
            }
            JsonNode value = Template.at(object.get(), f.field());
            String text = value.isValueNode() ? value.asText() : value.isMissingNode() ? "<absent>" : value.toString();
            String wanted = vars.render(f.value());
            boolean holds = f.contains() ? text.contains(wanted) : text.equals(wanted);
            return new Result(holds, f.field() + " = " + text + (holds || !f.field().startsWith("status") ? ""
                    : statusSummary(object.get().path("status"))));
        }
        if (c instanceof Condition.Presence p) {
            Ref ref = vars.render(p.ref());
            boolean exists = read(ref).isPresent();
            return new Result(exists == p.present(), ref.describe() + (exists ? " exists" : " does not exist"));
        }
        if (c instanceof Condition.FileContains fc) {
            return file(fc);
        }
        Condition.AppRunning a = (Condition.AppRunning) c;
        List<String> phases = pods(a.cluster(), a.namespace(), a.deployment());
        boolean running = !phases.isEmpty() && phases.stream().allMatch("Running"::equals);
        return new Result(running == a.running(), "pods of " + a.deployment() + ": " + phases);
    }

    /** Fills in the drill's variables in a description ({@code ${AMR}} as the name it held). */
    String describe(String text) {
        return vars.renderVariables(text);
    }

    /**
     * Why a status field is not what was wanted, as a person reads it: the state and each condition's status, reason
     * and message (not the raw status JSON).
     */
    static String statusSummary(JsonNode status) {
        StringBuilder out = new StringBuilder();
        if (status.hasNonNull("state")) {
            out.append("; state ").append(status.path("state").asText());
        }
        for (JsonNode c : status.path("conditions")) {
            out.append("; ").append(c.path("type").asText("?")).append(' ').append(c.path("status").asText("?"));
            if (!c.path("reason").asText("").isEmpty()) {
                out.append(" (").append(c.path("reason").asText()).append(')');
            }
            if (!c.path("message").asText("").isEmpty()) {
                out.append(": ").append(c.path("message").asText());
            }
        }
        if (status.hasNonNull("error") && !status.path("error").asText("").isEmpty()) {
            out.append("; error: ").append(status.path("error").asText());
        }
        return out.toString();
    }

    /** The file as a running pod of the Deployment reads it ({@code cat}); absent when no pod has it. */
    private Result file(Condition.FileContains fc) {
        SimCluster c = estate.cluster(fc.cluster());
        String namespace = vars.render(fc.namespace());
        String wanted = vars.render(fc.text());
        if (!estate.reachable(c)) {
            return new Result(false, fc.cluster() + " cannot be reached");
        }
        List<String> seen = new ArrayList<>();
        for (GenericKubernetesResource pod : c.api().list("v1", "Pod", namespace, LabelSelector.everything())) {
            String name = pod.getMetadata().getName();
            if (!owned(pod, fc.deployment())
                    || !"Running".equals(Resources.toTree(pod).path("status").path("phase").asText())) {
                continue;
            }
            Optional<String> mount = c.simulator().workloads().mountHolding(namespace, name, null, fc.file());
            if (mount.isEmpty()) {
                seen.add(name + ": " + fc.file() + " is on no volume mount");
                continue;
            }
            String file = fc.file().substring(mount.get().length() + 1);
            try {
                if (!c.simulator().workloads().exists(namespace, name, mount.get(), file)) {
                    seen.add(name + ": no such file");
                    continue;
                }
                String text = new String(c.simulator().workloads().read(namespace, name, mount.get(), file),
                        StandardCharsets.UTF_8);
                if (text.contains(wanted)) {
                    return new Result(true, name + ": " + fc.file() + " holds " + text.strip());
                }
                seen.add(name + ": " + text.strip());
            } catch (WorkloadIoException e) {
                seen.add(name + ": " + e.getMessage());
            }
        }
        return new Result(false, seen.isEmpty() ? "no running pod of " + fc.deployment() : seen.toString());
    }

    private Optional<JsonNode> read(Ref ref) {
        SimCluster c = estate.cluster(ref.cluster());
        if (!estate.reachable(c)) {
            return Optional.empty();
        }
        return c.api().get(ref.apiVersion(), ref.kind(), ref.namespace(), ref.name()).map(Resources::toTree);
    }

    /** Phases of the Deployment's pods; empty when none (or the cluster is unreachable). */
    private List<String> pods(String cluster, String namespace, String deployment) {
        SimCluster c = estate.cluster(cluster);
        if (!estate.reachable(c)) {
            return List.of();
        }
        return c.api().list("v1", "Pod", vars.render(namespace), LabelSelector.everything()).stream()
                .filter(p -> owned(p, deployment))
                .map(p -> Resources.toTree(p).path("status").path("phase").asText("Pending")).toList();
    }

    private static boolean owned(GenericKubernetesResource pod, String deployment) {
        return pod.getMetadata().getOwnerReferences().stream()
                .anyMatch(o -> o.getKind().equals("Deployment") && o.getName().equals(deployment));
    }
}
