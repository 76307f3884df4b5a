package io.mirrordrill.emulator.k8s.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Deployment and StatefulSet status as kube-controller-manager writes it, with the fields {@code kubectl rollout
 * status} and {@code kubectl wait --for=condition=Available} read. Zero counts are left out, as the API's
 * {@code omitempty} does (StatefulSet's replicas and availableReplicas are always written). A condition keeps its times while its status and reason stay.
 */
final class WorkloadStatus {
    private WorkloadStatus() {
    }

    /**
     * @param desired  spec.replicas
     * @param replicas the pods that exist (not being deleted)
     * @param updated  those of the current template
     * @param ready    those running
     * @param replicaSet the name the current template's ReplicaSet would have ({@code <name>-<hash>})
     */
    static ObjectNode deployment(ObjectNode deployment, int desired, long replicas, long updated, long ready,
                                 String replicaSet, Instant now) {
        ObjectNode s = Tree.object();
        s.put("observedGeneration", deployment.path("metadata").path("generation").asInt());
        count(s, "replicas", replicas);
        count(s, "updatedReplicas", updated);
        count(s, "readyReplicas", ready);
        count(s, "availableReplicas", ready);
        count(s, "unavailableReplicas", Math.max(0, desired - ready));
        JsonNode before = deployment.path("status").path("conditions");
        ArrayNode conditions = s.putArray("conditions");
        boolean available = ready >= desired - maxUnavailable(deployment, desired);
        conditions.add(condition(before, "Available", available,
                available ? "MinimumReplicasAvailable" : "MinimumReplicasUnavailable",
                available ? "Deployment has minimum availability." : "Deployment does not have minimum availability.",
                now));
        boolean complete = updated == desired && replicas == updated && ready == updated;
        conditions.add(condition(before, "Progressing", true,
                complete ? "NewReplicaSetAvailable" : "ReplicaSetUpdated",
                "ReplicaSet \"" + replicaSet + "\" " + (complete ? "has successfully progressed." : "is progressing."),
                now));
        return s;
    }

    /** Pods are not rolled on a template change, so every pod is current and both revisions are the template's. */
    static ObjectNode statefulSet(ObjectNode sts, long replicas, long ready, String revision) {
        ObjectNode s = Tree.object();
        s.put("observedGeneration", sts.path("metadata").path("generation").asInt());
        s.put("replicas", (int) replicas);
        count(s, "readyReplicas", ready);
        count(s, "currentReplicas", replicas);
        count(s, "updatedReplicas", replicas);
        s.put("currentRevision", revision).put("updateRevision", revision);
        s.put("collisionCount", 0);
        s.put("availableReplicas", (int) ready);
        return s;
    }

    /**
     * deploymentutil.MaxUnavailable: 0 for Recreate or no replicas; otherwise the rolling update's maxUnavailable
     * (default 25%), a percentage rounded down.
     */
    static int maxUnavailable(JsonNode deployment, int desired) {
        JsonNode strategy = deployment.path("spec").path("strategy");
        if ("Recreate".equals(strategy.path("type").asText()) || desired == 0) {
            return 0;
        }
        JsonNode value = strategy.path("rollingUpdate").path("maxUnavailable");
        int max;
        if (value.isInt()) {
            max = value.asInt();
        } else {
            String text = value.isTextual() ? value.asText() : "25%";
            max = text.endsWith("%")
                    ? (int) Math.floor(desired * Integer.parseInt(text.substring(0, text.length() - 1)) / 100.0)
                    : Integer.parseInt(text);
        }
        return Math.min(max, desired);
    }

    private static ObjectNode condition(JsonNode before, String type, boolean status, String reason, String message,
                                        Instant now) {
        String time = now.truncatedTo(ChronoUnit.SECONDS).toString();
        ObjectNode c = Tree.object();
        c.put("type", type).put("status", status ? "True" : "False");
        JsonNode old = null;
        for (JsonNode o : before) {
            if (type.equals(o.path("type").asText())) {
                old = o;
            }
        }
        boolean sameStatus = old != null && c.path("status").asText().equals(old.path("status").asText());
        boolean same = sameStatus && reason.equals(old.path("reason").asText())
                && message.equals(old.path("message").asText());
        c.put("lastUpdateTime", same ? old.path("lastUpdateTime").asText(time) : time);
        c.put("lastTransitionTime", sameStatus ? old.path("lastTransitionTime").asText(time) : time);
        c.put("reason", reason).put("message", message);
        return c;
    }

    private static void count(ObjectNode s, String field, long value) {
        if (value != 0) {
            s.put(field, (int) value); // ints, as the stored JSON reads back: a status compares equal to its copy
        }
    }
}
