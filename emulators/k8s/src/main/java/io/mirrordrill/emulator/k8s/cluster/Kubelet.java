package io.mirrordrill.emulator.k8s.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mirrordrill.runtime.EventRecorder;
import io.mirrordrill.runtime.Outcome;
import io.mirrordrill.runtime.Reconciler;
import io.mirrordrill.runtime.ResourceKey;

import java.time.Duration;
import java.util.Optional;

/**
 * The kubelet of the simulated cluster: a pod runs once every claim it mounts is bound and its volume can be mounted
 * (read-write unless the mount is read-only). Until then it stays Pending with the reason, and is looked at again.
 * A pod being deleted is stopped by {@link PodTermination}.
 */
final class Kubelet implements Reconciler {
    private static final Duration RECHECK = Duration.ofSeconds(5);

    private final ClusterSimulator sim;
    private final PodTermination termination;

    Kubelet(ClusterSimulator sim) {
        this.sim = sim;
        this.termination = new PodTermination(sim);
    }

    /**
     * The scheduler's binding: a pod whose claims are bound is assigned to the node ({@code spec.nodeName}), which
     * makes its deletion graceful from then on (an unscheduled pod is deleted at once).
     */
    private ObjectNode bind(ObjectNode pod) {
        if (!pod.path("spec").path("nodeName").asText("").isEmpty()) {
            return pod;
        }
        Tree.with(pod, "spec").put("nodeName", sim.node());
        return Tree.of(sim.api().update(Tree.resource(pod)));
    }

    @Override
    public Outcome reconcile(ResourceKey key) {
        Optional<ObjectNode> found = sim.api().get("v1", "Pod", key.namespace(), key.name()).map(Tree::of);
        if (found.isEmpty()) {
            return Outcome.done();
        }
        ObjectNode pod = found.get();
        if (!Tree.at(pod, "metadata.deletionTimestamp").isMissingNode()) {
            return termination.reconcile(pod);
        }
        // A pod reported Running that this node never started (its status came back with a restored etcd) is
        // admitted again: its volumes must mount here before it runs.
        if ("Running".equals(pod.path("status").path("phase").asText()) && sim.runs(Tree.uid(pod))) {
            return Outcome.done();
        }
        Optional<String> problem = problem(pod);
        if (problem.isEmpty() || problem.get().startsWith("MountVolume")) {
            pod = bind(pod);
        }
        setStatus(pod, problem);
        if (problem.isPresent()) {
            return Outcome.requeueAfter(RECHECK);
        }
        sim.started(Tree.uid(pod));
        return Outcome.done();
    }

    private Optional<String> problem(ObjectNode pod) {
        for (JsonNode volume : pod.path("spec").path("volumes")) {
            if (!volume.has("persistentVolumeClaim")) {
                continue;
            }
            String claim = volume.path("persistentVolumeClaim").path("claimName").asText();
            Optional<ObjectNode> pvc = sim.api().get("v1", "PersistentVolumeClaim", Tree.namespace(pod), claim)
                    .map(Tree::of);
            if (pvc.isEmpty()) {
                return Optional.of("persistentvolumeclaim \"" + claim + "\" not found");
            }
            Optional<String> pv = Tree.text(pvc.get(), "spec.volumeName");
            if (pv.isEmpty() || !"Bound".equals(pvc.get().path("status").path("phase").asText())) {
                return Optional.of("pod has unbound immediate PersistentVolumeClaims (" + claim + ")");
            }
            Optional<String> mount = sim.workloads().mountProblem(pv.get(), writes(pod, volume.path("name").asText()));
            if (mount.isPresent()) {
                return Optional.of("MountVolume.SetUp failed for volume \"" + pv.get() + "\": " + mount.get());
            }
        }
        return Optional.empty();
    }

    private static boolean writes(ObjectNode pod, String volumeName) {
        for (JsonNode container : pod.path("spec").path("containers")) {
            for (JsonNode vm : container.path("volumeMounts")) {
                if (volumeName.equals(vm.path("name").asText()) && !vm.path("readOnly").asBoolean(false)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The events a person sees in {@code kubectl describe pod}: the scheduler's and the kubelet's, worded as theirs
     * (a claim not bound is the scheduler's FailedScheduling, a volume that cannot mount the kubelet's FailedMount;
     * a pod that runs was assigned, its images were present, its containers created and started).
     */
    private void recordEvents(ObjectNode pod, Optional<String> problem) {
        EventRecorder kubelet = sim.events("kubelet", sim.node());
        EventRecorder.Involved involved = ClusterSimulator.involved(pod);
        if (problem.isPresent()) {
            if (problem.get().startsWith("MountVolume")) {
                kubelet.warning(involved, "FailedMount", problem.get());
            } else {
                sim.events("default-scheduler", "").warning(involved, "FailedScheduling", "0/1 nodes are available: "
                        + problem.get() + ". preemption: 0/1 nodes are available: 1 Preemption is not helpful for "
                        + "scheduling.");
            }
            return;
        }
        sim.events("default-scheduler", "").normal(involved, "Scheduled", "Successfully assigned "
                + Tree.namespace(pod) + "/" + Tree.name(pod) + " to " + sim.node());
        for (JsonNode c : pod.path("spec").path("containers")) {
            String name = c.path("name").asText();
            kubelet.normal(involved, "Pulled", "Container image \"" + c.path("image").asText() + "\" already "
                    + "present on machine");
            kubelet.normal(involved, "Created", "Created container: " + name);
            kubelet.normal(involved, "Started", "Started container " + name);
        }
    }

    private void setStatus(ObjectNode pod, Optional<String> problem) {
        String phase = problem.isPresent() ? "Pending" : "Running";
        String message = problem.orElse("");
        JsonNode status = pod.path("status");
        if (phase.equals(status.path("phase").asText()) && message.equals(status.path("message").asText(""))) {
            return;
        }
        ObjectNode s = pod.putObject("status");
        s.put("phase", phase);
        if (problem.isPresent()) {
            s.put("reason", "ContainerCreating").put("message", message);
        } else {
            s.put("startTime", sim.world().now().toString());
        }
        ArrayNode conditions = s.putArray("conditions");
        conditions.addObject().put("type", "Ready").put("status", problem.isPresent() ? "False" : "True")
                .put("lastTransitionTime", sim.world().now().toString());
        // what kubectl's READY and STATUS columns and describe read
        ArrayNode containers = s.putArray("containerStatuses");
        for (JsonNode c : pod.path("spec").path("containers")) {
            ObjectNode cs = containers.addObject();
            cs.put("name", c.path("name").asText()).put("image", c.path("image").asText(""))
                    .put("ready", problem.isEmpty()).put("restartCount", 0).put("started", problem.isEmpty());
            if (problem.isPresent()) {
                cs.putObject("state").putObject("waiting").put("reason", "ContainerCreating");
            } else {
                cs.putObject("state").putObject("running").put("startedAt", sim.world().now().toString());
            }
        }
        ObjectNode written = Tree.of(sim.api().updateStatus(Tree.resource(pod)));
        recordEvents(written, problem);
        sim.record("pod " + Tree.namespace(pod) + "/" + Tree.name(pod) + " " + phase
                + (problem.isPresent() ? ": " + message : ""));
    }
}
