package io.mirrordrill.scenario.workflow;

import io.mirrordrill.engine.amr.AmrLifecycle;
import io.mirrordrill.port.kubernetes.LabelSelector;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Drives AppMirrorRelationships through every row of {@link AmrLifecycle} and watches their status.state change as
 * `kubectl get amr -w` would. Adding a row to the table without a workflow that takes it fails this test.
 */
class AmrTransitionCoverageTest {
    private final Set<String> seen = new TreeSet<>();

    private SeedEstate watched(long seed) {
        SeedEstate e = new SeedEstate(seed);
        Map<String, String> last = new TreeMap<>();
        e.destination.api().watch("protect.trident.netapp.io/v1", "AppMirrorRelationship", null,
                LabelSelector.everything(), null, event -> {
                    Object status = event.object().getAdditionalProperties().get("status");
                    String state = status instanceof Map<?, ?> m && m.get("state") != null ? (String) m.get("state")
                            : null;
                    String name = event.object().getMetadata().getName();
                    String before = last.get(name);
                    if (state != null && !state.equals(before)) {
                        seen.add((before == null ? "(new)" : before) + " -> " + state);
                        last.put(name, state);
                    }
                });
        return e;
    }

    @Test
    void everyRowOfTheAmrLifecycleIsTakenByAWorkflow() {
        SeedEstate a = watched(61);            // establish, promote, resync, then an unrecoverable vault loss
        a.establish(1);
        a.desire("Promoted", null);
        a.awaitState("Promoted");
        a.desire("Established", null);
        a.awaitState("Established");
        a.destination.api().delete("protect.trident.netapp.io/v1", "AppVault", "trident-protect",
                SeedEstate.DST_VAULT);
        a.awaitState("Failed");                // Established -> Failed
        a.destination.apply("vault.yaml", SeedEstate.vault(SeedEstate.DST_VAULT, "s3.west.example",
                "trident-protect-dst-bucket", "s3-dst-secret"), "trident-protect");
        a.desire("Promoted", null);
        a.awaitState("Promoted");              // Failed -> Promoting -> Promoted

        SeedEstate b = watched(62);            // created Promoted: nothing to promote
        b.write(b.source);
        b.snapshot();
        b.destination.apply("amr.yaml", b.amrYaml("Promoted", null), SeedEstate.NS);
        b.awaitState("Failed");                // (new) -> Failed
        b.w.advance(Duration.ofSeconds(5));    // deliver the watch events

        SeedEstate c = watched(63);            // a missing vault, fixed: Establishing -> Failed -> Establishing
        c.write(c.source);
        c.snapshot();
        c.destination.apply("amr.yaml", c.amrYaml("Established", null).replace(SeedEstate.DST_VAULT, "missing"),
                SeedEstate.NS);
        c.awaitState("Failed");
        c.desire("Established", null);
        c.awaitState("Established");
        c.desire("Promoted", "20260101000000_never_0b6b1f7e-0000-4000-8000-000000000000");
        c.runUntil(() -> c.amrState().equals("Failed"), Duration.ofHours(3), "Promoting -> Failed");
        c.w.advance(Duration.ofSeconds(5));

        Set<String> expected = new TreeSet<>();
        AmrLifecycle.machine().rows().forEach(t -> expected.add((t.from() == null ? "(new)" : t.from().value())
                + " -> " + t.to().value()));
        Set<String> missing = new TreeSet<>(expected);
        missing.removeAll(seen);
        assertEquals(Set.of(), missing, "rows never taken; seen " + seen);
        Set<String> unexpected = new TreeSet<>(seen);
        unexpected.removeAll(expected);
        assertEquals(Set.of(), unexpected, "state changes outside the table");
    }
}
