package io.mirrordrill.emulator.k8s.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mirrordrill.port.kubernetes.KubernetesPort;
import io.mirrordrill.runtime.EventRecorder;
import io.mirrordrill.runtime.Outcome;

import java.time.Duration;
import java.util.Optional;

/**
 * The persistent-volume controller's checks of a claim that names its volume ({@code spec.volumeName}), after
 * {@code syncUnboundClaim} and {@code syncBoundClaim} in kubernetes/pkg/controller/volume/persistentvolume:
 * <ul>
 * <li>a claim the controller has not bound yet (no {@code pv.kubernetes.io/bind-completed}) binds to its volume when
 * the volume is free or its {@code claimRef} names this claim; a volume whose {@code claimRef} names another claim
 * (another name, namespace or uid) leaves it Pending with a FailedBinding warning "volume "x" already bound to a
 * different claim." and a retry; a volume that does not exist leaves it Pending;</li>
 * <li>a bound claim whose volume is gone is Lost (ClaimLost), and one whose volume's {@code claimRef} names another
 * claim is Lost too (ClaimMisbound: two claims bound to one volume).</li>
 * </ul>
 */
final class ClaimBinding {
    static final String BIND_COMPLETED = "pv.kubernetes.io/bind-completed";
    private static final Duration RETRY = Duration.ofSeconds(15);

    private final ClusterSimulator sim;
    private final KubernetesPort api;

    ClaimBinding(ClusterSimulator sim) {
        this.sim = sim;
        this.api = sim.api();
    }

    /** Empty when the claim is bound to its volume as it should be; otherwise what the controller did about it. */
    Optional<Outcome> check(ObjectNode pvc, String pvName) {
        Optional<ObjectNode> pv = api.get("v1", "PersistentVolume", null, pvName).map(Tree::of);
        boolean bound = pvc.path("metadata").path("annotations").has(BIND_COMPLETED);
        EventRecorder.Involved claim = ClusterSimulator.involved(pvc);
        EventRecorder controller = sim.events("persistentvolume-controller", "");
        if (bound) {
            if (pv.isEmpty()) {
                controller.warning(claim, "ClaimLost", "Bound claim has lost its PersistentVolume. Data on the volume"
                        + " is lost!");
                return Optional.of(phase(pvc, "Lost", "lost its volume " + pvName));
            }
            if (!refersTo(pv.get(), pvc)) {
                controller.warning(claim, "ClaimMisbound", "Two claims are bound to the same volume, this one is bound"
                        + " incorrectly");
                return Optional.of(phase(pvc, "Lost", "volume " + pvName + " is bound to " + ref(pv.get())));
            }
            return Optional.empty();
        }
        if (pv.isEmpty()) {
            phase(pvc, "Pending", "volume " + pvName + " not found");
            return Optional.of(Outcome.requeueAfter(RETRY));
        }
        JsonNode claimRef = pv.get().path("spec").path("claimRef");
        if (!claimRef.isMissingNode() && !claimRef.isNull() && !refersTo(pv.get(), pvc)) {
            controller.warning(claim, "FailedBinding", "volume \"" + pvName + "\" already bound to a different "
                    + "claim.");
            phase(pvc, "Pending", "volume " + pvName + " is bound to " + ref(pv.get()));
            return Optional.of(Outcome.requeueAfter(RETRY));
        }
        bind(pvc, pv.get());
        return Optional.of(Outcome.done());
    }

    /** The volume's claimRef names this claim: namespace and name, and its uid when the ref carries one. */
    private static boolean refersTo(ObjectNode pv, ObjectNode pvc) {
        JsonNode ref = pv.path("spec").path("claimRef");
        String uid = ref.path("uid").asText("");
        return ref.path("namespace").asText("").equals(Tree.namespace(pvc))
                && ref.path("name").asText("").equals(Tree.name(pvc))
                && (uid.isEmpty() || uid.equals(Tree.uid(pvc)));
    }

    private static String ref(ObjectNode pv) {
        JsonNode ref = pv.path("spec").path("claimRef");
        return ref.path("namespace").asText() + "/" + ref.path("name").asText() + " (uid "
                + ref.path("uid").asText("") + ")";
    }

    /** A pre-bound claim: the volume's claimRef is completed with the claim's uid, then both are Bound. */
    private void bind(ObjectNode pvc, ObjectNode pv) {
        ObjectNode volume = pv.deepCopy();
        ObjectNode ref = Tree.with(volume, "spec.claimRef");
        ref.put("apiVersion", "v1").put("kind", "PersistentVolumeClaim").put("namespace", Tree.namespace(pvc))
                .put("name", Tree.name(pvc)).put("uid", Tree.uid(pvc));
        ObjectNode updated = Tree.of(api.update(Tree.resource(volume)));
        Tree.with(updated, "status").put("phase", "Bound");
        api.updateStatus(Tree.resource(updated));
        ObjectNode claim = pvc.deepCopy();
        Tree.with(claim, "metadata.annotations").put(BIND_COMPLETED, "yes");
        ObjectNode bound = Tree.of(api.update(Tree.resource(claim)));
        ObjectNode status = Tree.with(bound, "status");
        status.put("phase", "Bound");
        status.set("accessModes", pv.path("spec").path("accessModes"));
        if (pv.path("spec").path("capacity").has("storage")) {
            Tree.with(status, "capacity").put("storage", pv.path("spec").path("capacity").path("storage").asText());
        }
        api.updateStatus(Tree.resource(bound));
        sim.record("bound " + Tree.namespace(pvc) + "/" + Tree.name(pvc) + " to its named volume " + Tree.name(pv));
    }

    private Outcome phase(ObjectNode pvc, String phase, String why) {
        if (!phase.equals(pvc.path("status").path("phase").asText())) {
            ObjectNode copy = pvc.deepCopy();
            Tree.with(copy, "status").put("phase", phase);
            api.updateStatus(Tree.resource(copy));
        }
        sim.record("claim " + Tree.namespace(pvc) + "/" + Tree.name(pvc) + " " + phase + ": " + why);
        return Outcome.done();
    }
}
