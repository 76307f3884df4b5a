package io.mirrordrill.scenario.runner;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.mirrordrill.engine.model.ProtectApi;
import io.mirrordrill.engine.restore.RestoreLabels;
import io.mirrordrill.port.kubernetes.LabelSelector;
import io.mirrordrill.port.kubernetes.Resources;
import io.mirrordrill.scenario.world.SimCluster;

import java.util.ArrayList;
import java.util.List;

/**
 * A Schedule keeps {@code snapshotRetention} Completed snapshots: at most one more between a snapshot completing
 * and the retention pass that follows it.
 */
final class RetentionKeeps implements Invariant {
    private static final String SCHEDULE_LABEL = "protect.trident.netapp.io/schedule";

    @Override
    public String id() {
        return "schedule-retention-keeps";
    }

    @Override
    public List<Violation> check(Checkpoint at) {
        List<Violation> out = new ArrayList<>();
        for (SimCluster c : at.estate.clusters()) {
            if (!at.estate.reachable(c)) {
                continue;
            }
            for (GenericKubernetesResource s : c.api().list(ProtectApi.API_VERSION, "Schedule", null,
                    LabelSelector.everything())) {
                JsonNode schedule = Resources.toTree(s);
                String keep = schedule.path("spec").path("snapshotRetention").asText("").strip();
                if (!keep.matches("\\d{1,6}")) {
                    continue;
                }
                String ns = s.getMetadata().getNamespace();
                String name = s.getMetadata().getName();
                List<String> completed = c.api().list(ProtectApi.API_VERSION, "Snapshot", ns,
                        LabelSelector.parse(SCHEDULE_LABEL + "=" + RestoreLabels.labelValue(name))).stream()
                        .map(r -> (JsonNode) Resources.toTree(r))
                        .filter(r -> r.path("status").path("state").asText("").equals("Completed")
                                && !r.path("metadata").has("deletionTimestamp"))
                        .map(r -> r.path("metadata").path("name").asText()).toList();
                if (completed.size() > Integer.parseInt(keep) + 1) {
                    out.add(new Violation(id(), "schedule " + ns + "/" + name + " keeps " + completed.size()
                            + " snapshots, snapshotRetention is " + keep, c.name() + ": Completed snapshots "
                            + completed));
                }
            }
        }
        return out;
    }
}
