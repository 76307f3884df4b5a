package io.mirrordrill.engine.snapshot;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.mirrordrill.engine.archive.StagedCapture;
import io.mirrordrill.engine.model.ProtectApi;
import io.mirrordrill.port.kubernetes.KubernetesPort;
import io.mirrordrill.port.kubernetes.NotFoundException;
import io.mirrordrill.port.kubernetes.Resources;
import io.mirrordrill.port.kubernetes.UnknownKindException;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A ShutdownSnapshot stops the application gracefully by deleting its captured namespaced resources, keeping its
 * claims (and, being cluster-scoped, its volumes), then waits until no pod of its namespaces uses one of its claims:
 * only then are the volumes quiet enough to snapshot with nothing lost. Trident protect's own resources (the
 * ExecHooks) stay, and so do cluster-scoped resources, which other applications may share.
 */
final class StopApplicationStep implements SnapshotStep {
    @Override
    public Step step() {
        return Step.STOP_APPLICATION;
    }

    @Override
    public StepResult run(SnapshotContext context) {
        StagedCapture capture = context.capture();
        KubernetesPort kube = context.kube();
        for (GenericKubernetesResource r : capture.resources()) {
            if (r.getMetadata().getNamespace() != null && !Claims.isClaim(r)
                    && !r.getApiVersion().startsWith(ProtectApi.GROUP + "/")) {
                delete(kube, r);
            }
        }
        List<String> running = podsUsingClaims(kube, capture);
        return running.isEmpty() ? StepResult.FINISHED : StepResult.waiting(VolumeSnapshotStep.POLL,
                "waiting for pod " + String.join(", ", running) + " to stop");
    }

    private static void delete(KubernetesPort kube, GenericKubernetesResource r) {
        try {
            kube.delete(r.getApiVersion(), r.getKind(), r.getMetadata().getNamespace(), r.getMetadata().getName());
        } catch (NotFoundException | UnknownKindException gone) {
            // already deleted (an earlier attempt, or its owner's garbage collection)
        }
    }

    /** Pods of the captured namespaces that mount a captured claim. */
    private static List<String> podsUsingClaims(KubernetesPort kube, StagedCapture capture) {
        Set<String> claims = new TreeSet<>();
        Set<String> namespaces = new TreeSet<>();
        for (JsonNode claim : Claims.of(capture)) {
            claims.add(Claims.describe(claim));
            namespaces.add(Claims.namespace(claim));
        }
        List<String> running = new ArrayList<>();
        for (String ns : namespaces) {
            for (GenericKubernetesResource pod : kube.list("v1", "Pod", ns, null)) {
                for (JsonNode volume : Resources.toTree(pod).path("spec").path("volumes")) {
                    String claim = volume.path("persistentVolumeClaim").path("claimName").asText("");
                    if (!claim.isEmpty() && claims.contains(ns + "/" + claim)) {
                        running.add(ns + "/" + pod.getMetadata().getName());
                        break;
                    }
                }
            }
        }
        return running;
    }
}
