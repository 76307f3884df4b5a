package io.mirrordrill.emulator.k8s.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mirrordrill.port.kubernetes.NotFoundException;
import io.mirrordrill.runtime.Outcome;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The kubelet stopping a pod that is being deleted, as a real one does: SIGTERM to its containers when it first sees
 * the deletionTimestamp, then the containers keep running (and the application keeps writing) until the application
 * exits, or until {@code deletionGracePeriodSeconds} after the SIGTERM, when they are killed. Then the pod's status
 * shows them terminated and the kubelet deletes the pod with grace 0, which removes it.
 *
 * <p>How long the simulated application takes to exit on SIGTERM is the pod's annotation
 * {@value #EXIT_ANNOTATION}: whole seconds, or {@code never} for one that ignores SIGTERM and is killed; without it
 * the application exits at once.
 */
final class PodTermination {
    static final String EXIT_ANNOTATION = "sim.mirrordrill.io/sigterm-exit-seconds";

    private final ClusterSimulator sim;

    PodTermination(ClusterSimulator sim) {
        this.sim = sim;
    }

    Outcome reconcile(ObjectNode pod) {
        String uid = Tree.uid(pod);
        if (!sim.runs(uid)) {
            finish(pod, Optional.empty()); // no container of it ever ran here: nothing to stop
            return Outcome.done();
        }
        Instant now = sim.world().now();
        Instant sigterm = sim.terminating(uid).orElse(null);
        if (sigterm == null) {
            sigterm = now;
            sim.sigterm(uid, now);
            sim.killing(pod);
            sim.record("pod " + Tree.namespace(pod) + "/" + Tree.name(pod) + " SIGTERM, grace "
                    + grace(pod) + "s");
        }
        Instant killed = sigterm.plusSeconds(grace(pod));
        Optional<Instant> exits = exitAfter(pod).map(sigterm::plus);
        Instant stops = exits.filter(e -> e.isBefore(killed)).orElse(killed);
        if (now.isBefore(stops)) {
            return Outcome.requeueAfter(Duration.between(now, stops));
        }
        sim.stopped(uid);
        finish(pod, Optional.of(exits.filter(e -> !e.isAfter(killed)).isPresent()));
        return Outcome.done();
    }

    private static long grace(ObjectNode pod) {
        return pod.path("metadata").path("deletionGracePeriodSeconds").asLong(0);
    }

    /** The application's exit delay after SIGTERM; empty when it never exits by itself. */
    static Optional<Duration> exitAfter(JsonNode pod) {
        String value = pod.path("metadata").path("annotations").path(EXIT_ANNOTATION).asText("0").trim();
        if (value.equals("never")) {
            return Optional.empty();
        }
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value))));
        } catch (NumberFormatException e) {
            return Optional.of(Duration.ZERO); // an unreadable setting: the default
        }
    }

    /**
     * The containers have stopped ({@code exited}: by themselves, exit code 0; otherwise killed, 137; empty: never
     * started): the status says so, with the terminal phase the kubelet gives a deleted pod, then the kubelet's
     * final DELETE with grace 0.
     */
    private void finish(ObjectNode pod, Optional<Boolean> exited) {
        String namespace = Tree.namespace(pod);
        String name = Tree.name(pod);
        try {
            if (exited.isPresent()) {
                pod.set("status", terminated(pod, exited.get()));
                sim.api().updateStatus(Tree.resource(pod));
                sim.record("pod " + namespace + "/" + name + (exited.get() ? " exited on SIGTERM" : " killed"));
            }
            sim.api().delete("v1", "Pod", namespace, name, 0);
        } catch (NotFoundException gone) {
            // deleted meanwhile (a force delete): what we were doing
        }
    }

    private ObjectNode terminated(ObjectNode pod, boolean exited) {
        ObjectNode status = pod.path("status").deepCopy();
        status.put("phase", exited ? "Succeeded" : "Failed");
        String at = sim.world().now().toString();
        ArrayNode conditions = status.putArray("conditions");
        conditions.addObject().put("type", "Ready").put("status", "False").put("reason", "PodCompleted")
                .put("lastTransitionTime", at);
        ArrayNode containers = status.putArray("containerStatuses");
        for (JsonNode c : pod.path("spec").path("containers")) {
            ObjectNode cs = containers.addObject();
            cs.put("name", c.path("name").asText()).put("image", c.path("image").asText(""))
                    .put("ready", false).put("restartCount", 0).put("started", false);
            cs.putObject("state").putObject("terminated").put("exitCode", exited ? 0 : 137)
                    .put("reason", exited ? "Completed" : "Error").put("finishedAt", at);
        }
        return status;
    }
}
