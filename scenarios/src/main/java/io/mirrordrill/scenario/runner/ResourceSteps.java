package io.mirrordrill.scenario.runner;

import com.fasterxml.jackson.databind.JsonNode;
import io.mirrordrill.engine.model.yaml.Document;
import io.mirrordrill.scenario.drill.Ref;
import io.mirrordrill.scenario.drill.Step;
import io.mirrordrill.sim.World;

import java.util.List;
import java.util.Set;

/** The steps the operator does with kubectl: apply, delete, patch, and a snapshot applied and waited for. */
final class ResourceSteps {
    private final Operator operator;
    private final World world;
    private final Vars vars;
    /** Where a ShutdownSnapshot's basename goes: failovers to it are planned. */
    private final Set<String> shutdowns;

    ResourceSteps(Operator operator, World world, Vars vars, Set<String> shutdowns) {
        this.operator = operator;
        this.world = world;
        this.vars = vars;
        this.shutdowns = shutdowns;
    }

    void apply(Step.Apply a) {
        a.files().forEach(f -> operator.apply(a.cluster(), f, a.namespace()));
    }

    void delete(Step.Delete d) {
        operator.delete(d.ref());
    }

    void patch(Step.Patch p) {
        operator.patch(p.ref(), p.merge());
    }

    void snapshot(Step.Snapshot s) {
        List<Document> docs = operator.apply(s.cluster(), s.file(), s.namespace());
        Document doc = docs.get(0);
        String ns = doc.namespace() != null ? doc.namespace() : s.namespace();
        Ref ref = new Ref(s.cluster(), doc.apiVersion(), doc.kind(), ns, doc.name());
        boolean done = world.runUntil(() -> operator.get(ref)
                .map(o -> o.path("status").path("state").asText("")).filter(st -> st.equals("Completed")
                        || st.equals("Failed")).isPresent(), s.within());
        JsonNode status = operator.get(ref).map(o -> o.path("status")).orElse(null);
        if (!done || !"Completed".equals(status.path("state").asText())) {
            throw new StepFailure(doc.kind() + " " + doc.name() + (done ? " failed" : " did not complete within "
                    + s.within()), "status " + status);
        }
        String path = status.path("appArchivePath").asText();
        String basename = path.substring(path.lastIndexOf('/') + 1);
        if (s.saveAs() != null) {
            vars.set(s.saveAs(), basename);
        }
        if (s.shutdown()) {
            shutdowns.add(basename);
        }
    }
}
