package io.mirrordrill.scenario.runner;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.mirrordrill.port.kubernetes.LabelSelector;
import io.mirrordrill.port.kubernetes.Resources;
import io.mirrordrill.scenario.world.SimCluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * While an AMR is Established its application does not run on the destination: no pod in a destination namespace
 * mounts a claim there (the engine stops the application before it resyncs claims it takes over, and a failover is
 * what starts it).
 */
final class DestinationAppStopped implements Invariant {
    @Override
    public String id() {
        return "no-app-on-destination-while-established";
    }

    @Override
    public List<Violation> check(Checkpoint at) {
        List<Violation> out = new ArrayList<>();
        for (AmrWatch.History h : at.amrs.in("Established")) {
            SimCluster c = at.estate.cluster(h.cluster);
            Optional<JsonNode> amr = at.amr(h);
            if (amr.isEmpty() || !amr.get().path("status").path("state").asText().equals("Established")) {
                continue;
            }
            for (JsonNode m : amr.get().path("spec").path("namespaceMapping")) {
                String ns = m.path("destination").asText();
                for (GenericKubernetesResource pod : c.api().list("v1", "Pod", ns, LabelSelector.everything())) {
                    JsonNode tree = Resources.toTree(pod);
                    for (JsonNode volume : tree.path("spec").path("volumes")) {
                        String claim = volume.path("persistentVolumeClaim").path("claimName").asText("");
                        if (!claim.isEmpty() && !tree.path("metadata").has("deletionTimestamp")) {
                            out.add(new Violation(id(), "the application runs on the destination of an Established"
                                    + " relationship", "AMR " + h.cluster + "/" + h.namespace + "/" + h.name
                                    + " Established since " + h.states.get(h.states.size() - 1).time() + "; pod "
                                    + ns + "/" + pod.getMetadata().getName() + " mounts claim " + claim));
                            break;
                        }
                    }
                }
            }
        }
        return out;
    }
}
