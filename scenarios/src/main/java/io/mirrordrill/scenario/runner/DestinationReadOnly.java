package io.mirrordrill.scenario.runner;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.mirrordrill.port.kubernetes.LabelSelector;
import io.mirrordrill.port.ontap.VolumeType;
import io.mirrordrill.scenario.workload.VolumeRef;
import io.mirrordrill.scenario.world.SimCluster;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * While an AMR is Established, nothing on its destination is writable: every claim in the destination namespaces
 * sits on a DP volume, and no write of an application was accepted there since it became Established.
 */
final class DestinationReadOnly implements Invariant {
    @Override
    public String id() {
        return "no-writable-destination-while-established";
    }

    @Override
    public List<Violation> check(Checkpoint at) {
        List<Violation> out = new ArrayList<>();
        for (AmrWatch.History h : at.amrs.in("Established")) {
            Optional<JsonNode> amr = at.amr(h);
            if (amr.isEmpty() || !amr.get().path("status").path("state").asText().equals("Established")) {
                continue;
            }
            Instant since = h.states.get(h.states.size() - 1).time();
            SimCluster c = at.estate.cluster(h.cluster);
            for (JsonNode m : amr.get().path("spec").path("namespaceMapping")) {
                String ns = m.path("destination").asText();
                for (GenericKubernetesResource pvc : c.api().list("v1", "PersistentVolumeClaim", ns,
                        LabelSelector.everything())) {
                    VolumeRef.of(c.api(), ns, pvc.getMetadata().getName()).ifPresent(v -> writable(at, h, v, ns,
                            pvc.getMetadata().getName(), out));
                }
                at.ledger.runsAfter(since).stream().filter(r -> r.location().cluster().equals(h.cluster)
                        && r.location().namespace().equals(ns)).findFirst()
                        .ifPresent(r -> out.add(new Violation(id(), "a write was accepted on the destination of an"
                                + " Established relationship", "AMR " + h.cluster + "/" + h.namespace + "/" + h.name
                                + " Established since " + since + "; records " + r.first() + "-" + r.last() + " of "
                                + r.workload() + " written to " + r.volume() + " at " + r.time())));
            }
        }
        return out;
    }

    private void writable(Checkpoint at, AmrWatch.History h, VolumeRef v, String ns, String claim,
                          List<Violation> out) {
        at.estate.sim().ontap().cluster(v.ontapCluster()).volume(v.svm(), v.volume())
                .filter(rec -> rec.type() == VolumeType.RW)
                .ifPresent(rec -> out.add(new Violation(id(), "the destination claim " + ns + "/" + claim
                        + " is writable while its relationship is Established", "AMR " + h.cluster + "/"
                        + h.namespace + "/" + h.name + "; volume " + v.path() + " is type rw (a DP volume was"
                        + " expected)")));
    }
}
