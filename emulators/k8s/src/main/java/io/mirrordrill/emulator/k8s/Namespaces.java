package io.mirrordrill.emulator.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mirrordrill.port.kubernetes.ResourceKind;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Namespace rules and the namespace controller, modelled on Kubernetes:
 * <ul>
 *   <li>a new namespace gets {@code spec.finalizers: [kubernetes]}, {@code status.phase: Active} and the label
 *       {@code kubernetes.io/metadata.name=<name>}; updates cannot change the spec finalizers, status or that label;</li>
 *   <li>deleting it sets deletionTimestamp and {@code phase: Terminating}; new objects are then refused (403);</li>
 *   <li>the controller (a simulated event {@link #SYNC_DELAY} later, and again whenever an object in the namespace
 *       disappears) deletes every object in it; objects with finalizers stay, marked, until those are removed;</li>
 *   <li>once the namespace is empty the controller removes the {@code kubernetes} finalizer and the namespace goes,
 *       unless metadata finalizers still hold it.</li>
 * </ul>
 */
final class Namespaces {
    static final String FINALIZER = "kubernetes";
    static final String NAME_LABEL = "kubernetes.io/metadata.name";
    /** How long the namespace controller takes to notice work, a typical informer resync latency. */
    static final Duration SYNC_DELAY = Duration.ofSeconds(1);

    private final KubernetesCluster cluster;
    private final Set<String> syncPending = new TreeSet<>();

    Namespaces(KubernetesCluster cluster) {
        this.cluster = cluster;
    }

    static void initialise(ObjectNode namespace, String name) {
        ObjectNode spec = namespace.path("spec") instanceof ObjectNode s ? s : namespace.putObject("spec");
        Json.array(spec, "finalizers", List.of(FINALIZER));
        namespace.putObject("status").put("phase", "Active");
        ObjectNode meta = Json.meta(namespace);
        ObjectNode labels = meta.path("labels") instanceof ObjectNode l ? l : meta.putObject("labels");
        labels.put(NAME_LABEL, name);
    }

    static void preserveOnUpdate(ObjectNode current, ObjectNode next) {
        ObjectNode spec = next.path("spec") instanceof ObjectNode s ? s : next.putObject("spec");
        Json.array(spec, "finalizers", specFinalizers(current));
        ObjectNode meta = Json.meta(next);
        ObjectNode labels = meta.path("labels") instanceof ObjectNode l ? l : meta.putObject("labels");
        labels.put(NAME_LABEL, Json.text(meta, "name"));
    }

    static void markTerminating(ObjectNode namespace) {
        ObjectNode status = namespace.path("status") instanceof ObjectNode s ? s : namespace.putObject("status");
        status.put("phase", "Terminating");
    }

    static List<String> specFinalizers(ObjectNode namespace) {
        JsonNode spec = namespace.get("spec");
        return spec == null ? List.of() : Json.strings(spec.get("finalizers"));
    }

    boolean isTerminating(String namespace) {
        return cluster.store().get(kind(), null, namespace).map(Json::deleting).orElse(false);
    }

    /** Schedules one controller pass for the namespace unless one is already due. */
    void requestSync(String namespace) {
        if (syncPending.add(namespace)) {
            cluster.world().schedule(SYNC_DELAY, "k8s/" + cluster.name() + " namespace controller " + namespace,
                    () -> sync(namespace));
        }
    }

    private void sync(String namespace) {
        syncPending.remove(namespace);
        if (!isTerminating(namespace)) {
            return;
        }
        ApiStore store = cluster.store();
        store.deleteContents(namespace);
        if (store.isEmpty(namespace)) {
            store.finalizeNamespace(kind(), namespace);
        }
    }

    private ResourceKind kind() {
        return cluster.kinds().require("v1", "Namespace");
    }
}
