package io.mirrordrill.emulator.k8s.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.mirrordrill.runtime.Outcome;
import io.mirrordrill.runtime.Reconciler;
import io.mirrordrill.runtime.ResourceKey;
import io.mirrordrill.port.kubernetes.LabelSelector;
import io.mirrordrill.port.kubernetes.NotFoundException;
import io.mirrordrill.sim.RandomStream;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The Deployment and StatefulSet controllers. Pods are owned directly by their workload (the ReplicaSet level is
 * left out: nothing in a drill observes it). Deployment pods are named {@code <name>-<template hash>-<suffix>}; a
 * template change replaces the pods of the old template at once (a Recreate-like roll, which suits the single-writer
 * volumes of drills). StatefulSet pods are {@code <name>-<ordinal>} with claims {@code <template>-<name>-<ordinal>}
 * from volumeClaimTemplates, kept when pods go, as Kubernetes does; a template change does not roll them. Status is
 * what the real controllers write and what {@code kubectl rollout status} and {@code kubectl wait} read
 * ({@link WorkloadStatus}).
 */
final class WorkloadControllers implements Reconciler {
    private static final Duration REFRESH = Duration.ofSeconds(5);
    private static final String SUFFIX_ALPHABET = "bcdfghjklmnpqrstvwxz2456789";

    private final ClusterSimulator sim;
    private final RandomStream random;

    WorkloadControllers(ClusterSimulator sim) {
        this.sim = sim;
        this.random = sim.world().random("k8s/" + sim.name() + "/pods");
    }

    /** The workload that owns a pod, for re-reconciling it when its pods change. */
    static ResourceKey ownerKey(GenericKubernetesResource pod) {
        return pod.getMetadata().getOwnerReferences().stream()
                .filter(o -> o.getKind().equals("Deployment") || o.getKind().equals("StatefulSet"))
                .map(o -> new ResourceKey(o.getKind(), pod.getMetadata().getNamespace(), o.getName()))
                .findFirst().orElse(null);
    }

    @Override
    public Outcome reconcile(ResourceKey key) {
        String apiVersion = "apps/v1";
        Optional<ObjectNode> workload = sim.api().get(apiVersion, key.kind(), key.namespace(), key.name())
                .map(Tree::of);
        List<ObjectNode> pods = ownedPods(key);
        if (workload.isEmpty() || !Tree.at(workload.get(), "metadata.deletionTimestamp").isMissingNode()) {
            pods.forEach(this::deletePod);
            return Outcome.done();
        }
        ObjectNode w = workload.get();
        int replicas = w.path("spec").path("replicas").asInt(1);
        boolean stateful = key.kind().equals("StatefulSet");
        List<ObjectNode> alive = pods.stream().filter(p -> Tree.at(p, "metadata.deletionTimestamp").isMissingNode())
                .toList();
        if (stateful) {
            for (int i = 0; i < replicas; i++) {
                String podName = key.name() + "-" + i;
                // a terminating pod keeps its name until it is gone: the StatefulSet waits for it
                if (pods.stream().noneMatch(p -> Tree.name(p).equals(podName))) {
                    createStatefulPod(w, i);
                }
            }
            alive.stream().filter(p -> ordinal(p) >= replicas).forEach(this::deletePod);
        } else {
            String hash = templateHash(w);
            List<ObjectNode> current = alive.stream().filter(p -> hash.equals(hashOf(key.name(), p))).toList();
            alive.stream().filter(p -> !current.contains(p)).forEach(this::deletePod); // the old template's pods
            for (int i = current.size(); i < replicas; i++) {
                createPod(w, key.name() + "-" + hash + "-" + suffix(), w.path("spec").path("template"));
            }
            current.stream().skip(replicas).forEach(this::deletePod);
        }
        List<ObjectNode> now = ownedPods(key).stream()
                .filter(p -> Tree.at(p, "metadata.deletionTimestamp").isMissingNode()).toList();
        long ready = now.stream().filter(p -> "Running".equals(p.path("status").path("phase").asText())).count();
        String hash = templateHash(w);
        long updated = stateful ? now.size() : now.stream().filter(p -> hash.equals(hashOf(key.name(), p))).count();
        ObjectNode status = stateful
                ? WorkloadStatus.statefulSet(w, now.size(), ready, key.name() + "-" + hash)
                : WorkloadStatus.deployment(w, replicas, now.size(), updated, ready, key.name() + "-" + hash,
                        sim.world().now());
        if (!status.equals(w.path("status"))) {
            w.set("status", status);
            sim.api().updateStatus(Tree.resource(w));
        }
        return ready < replicas ? Outcome.requeueAfter(REFRESH) : Outcome.done();
    }

    /** The template hash in a Deployment pod's name ({@code <name>-<hash>-<suffix>}), or "" for another name. */
    private static String hashOf(String deployment, ObjectNode pod) {
        String name = Tree.name(pod);
        int from = deployment.length() + 1;
        return name.length() == from + 16 && name.startsWith(deployment + "-") ? name.substring(from, from + 10) : "";
    }

    private List<ObjectNode> ownedPods(ResourceKey key) {
        return sim.api().list("v1", "Pod", key.namespace(), LabelSelector.everything()).stream()
                .filter(p -> key.equals(ownerKey(p))).map(Tree::of).toList();
    }

    private void createStatefulPod(ObjectNode sts, int ordinal) {
        String name = Tree.name(sts);
        ObjectNode template = sts.path("spec").path("template").deepCopy();
        ArrayNode volumes = Tree.with(template, "spec").withArray("volumes");
        for (JsonNode claimTemplate : sts.path("spec").path("volumeClaimTemplates")) {
            String claimName = Tree.name(claimTemplate) + "-" + name + "-" + ordinal;
            if (sim.api().get("v1", "PersistentVolumeClaim", Tree.namespace(sts), claimName).isEmpty()) {
                ObjectNode pvc = claimTemplate.deepCopy();
                pvc.put("apiVersion", "v1").put("kind", "PersistentVolumeClaim");
                Tree.with(pvc, "metadata").put("name", claimName).put("namespace", Tree.namespace(sts));
                pvc.remove("status");
                sim.api().create(Tree.resource(pvc));
            }
            volumes.addObject().put("name", Tree.name(claimTemplate)).putObject("persistentVolumeClaim")
                    .put("claimName", claimName);
        }
        createPod(sts, name + "-" + ordinal, template);
    }

    private void createPod(ObjectNode owner, String podName, JsonNode template) {
        ObjectNode pod = Tree.object();
        pod.put("apiVersion", "v1").put("kind", "Pod");
        ObjectNode meta = Tree.with(pod, "metadata");
        meta.put("name", podName).put("namespace", Tree.namespace(owner));
        if (template.path("metadata").has("labels")) {
            meta.set("labels", template.path("metadata").path("labels").deepCopy());
        }
        if (template.path("metadata").has("annotations")) {
            meta.set("annotations", template.path("metadata").path("annotations").deepCopy());
        }
        meta.putArray("ownerReferences").addObject().put("apiVersion", "apps/v1")
                .put("kind", owner.path("kind").asText()).put("name", Tree.name(owner)).put("uid", Tree.uid(owner))
                .put("controller", true).put("blockOwnerDeletion", true);
        pod.set("spec", template.path("spec").deepCopy());
        Tree.with(pod, "status").put("phase", "Pending");
        sim.api().create(Tree.resource(pod));
        sim.record("pod create " + Tree.namespace(owner) + "/" + podName);
    }

    private void deletePod(ObjectNode pod) {
        try {
            sim.api().delete("v1", "Pod", Tree.namespace(pod), Tree.name(pod));
            sim.record("pod delete " + Tree.namespace(pod) + "/" + Tree.name(pod));
        } catch (NotFoundException gone) {
            // already deleted: the outcome we wanted
        }
    }

    private static int ordinal(ObjectNode pod) {
        String name = Tree.name(pod);
        return Integer.parseInt(name.substring(name.lastIndexOf('-') + 1));
    }

    /** Like Kubernetes' pod-template-hash: a stable function of the template, ten characters. */
    private static String templateHash(ObjectNode workload) {
        byte[] bytes = workload.path("spec").path("template").toString().getBytes(StandardCharsets.UTF_8);
        long h = 0xcbf29ce484222325L;
        for (byte b : bytes) {
            h = (h ^ (b & 0xff)) * 0x100000001b3L;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            out.append(SUFFIX_ALPHABET.charAt((int) Long.remainderUnsigned(h, SUFFIX_ALPHABET.length())));
            h = Long.divideUnsigned(h, SUFFIX_ALPHABET.length()) ^ (h << 7);
        }
        return out.toString();
    }

    private String suffix() {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            out.append(SUFFIX_ALPHABET.charAt(random.nextInt(SUFFIX_ALPHABET.length())));
        }
        return out.toString();
    }
}
