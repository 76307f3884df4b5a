package io.mirrordrill.scenario.runner;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.mirrordrill.port.kubernetes.LabelSelector;
import io.mirrordrill.port.kubernetes.Resources;
import io.mirrordrill.scenario.drill.Condition;
import io.mirrordrill.scenario.drill.Ref;
import io.mirrordrill.scenario.drill.Template;
import io.mirrordrill.scenario.world.SimCluster;

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
            return new Result(f.contains() ? text.contains(wanted) : text.equals(wanted), f.field() + " = " + text
                    + (f.field().startsWith("status") ? "; status " + object.get().path("status") : ""));
        }
        if (c instanceof Condition.Presence p) {
            Ref ref = vars.render(p.ref());
            boolean exists = read(ref).isPresent();
            return new Result(exists == p.present(), ref.describe() + (exists ? " exists" : " does not exist"));
        }
        Condition.AppRunning a = (Condition.AppRunning) c;
        List<String> phases = pods(a.cluster(), a.namespace(), a.deployment());
        boolean running = !phases.isEmpty() && phases.stream().allMatch("Running"::equals);
        return new Result(running == a.running(), "pods of " + a.deployment() + ": " + phases);
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
