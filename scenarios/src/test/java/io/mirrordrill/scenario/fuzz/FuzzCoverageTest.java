package io.mirrordrill.scenario.fuzz;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FuzzCoverageTest {
    @Test
    void everyRowOfTheAmrLifecycleIsAnItemToReach() {
        List<String> rows = FuzzCoverage.rows();
        assertEquals(11, rows.size(), rows.toString());
        assertTrue(rows.containsAll(List.of("(new) -> Establishing", "(new) -> Failed", "Promoting -> Failed",
                "Failed -> Promoting", "Promoted -> Establishing")), rows.toString());
    }

    @Test
    void theStorageOperationsAreFaultKindsAndWorkflowsToReach() {
        assertEquals(List.of("siteDown", "partition", "degrade", "bucketOutage", "engineCrash", "svmStopped",
                "transferAborted"), FuzzCoverage.faults());
        assertTrue(FuzzCoverage.workflows().containsAll(List.of("tridentctl update backend",
                "volume snapshot restore")), FuzzCoverage.workflows().toString());
    }

    @Test
    void whatNoSeedReachedIsNamedByKindAndTheRestIsCountedPerSeed() {
        List<String> rows = new ArrayList<>(FuzzCoverage.rows());
        rows.remove("Promoting -> Failed");
        List<String> faults = new ArrayList<>(FuzzCoverage.faults());
        faults.remove("bucketOutage");
        List<String> workflows = new ArrayList<>(FuzzCoverage.workflows());
        workflows.remove(FuzzCoverage.HOOKS);
        List<Fuzzer.Outcome> outcomes = List.of(outcome(1, new FuzzCoverage.Reach(rows, faults, workflows)),
                outcome(2, new FuzzCoverage.Reach(List.of("(new) -> Establishing"), List.of(), List.of())),
                outcome(3, null));

        assertEquals(List.of("lifecycle row Promoting -> Failed", "fault kind bucketOutage",
                "workflow post-failover hooks"), FuzzCoverage.missed(outcomes));
        String text = FuzzCoverage.describe(outcomes);
        assertTrue(text.startsWith("coverage: 10 of 11 lifecycle rows, " + (FuzzCoverage.faults().size() - 1)
                + " of " + FuzzCoverage.faults().size() + " fault kinds, "
                + (FuzzCoverage.workflows().size() - 1) + " of " + FuzzCoverage.workflows().size()
                + " workflows\n"), text);
        assertTrue(text.contains("(new) -> Establishing 2, "), text);
        assertTrue(text.contains("Promoting -> Failed 0"), text);
        assertTrue(text.contains("NEVER REACHED: lifecycle row Promoting -> Failed; fault kind bucketOutage;"
                + " workflow post-failover hooks"), text);
    }

    @Test
    void aCampaignThatReachedEverythingNamesNothingMissed() {
        Fuzzer.Outcome all = outcome(1, new FuzzCoverage.Reach(FuzzCoverage.rows(), FuzzCoverage.faults(),
                FuzzCoverage.workflows()));
        assertEquals(List.of(), FuzzCoverage.missed(List.of(all)));
        assertTrue(!FuzzCoverage.describe(List.of(all)).contains("NEVER"));
    }

    private static Fuzzer.Outcome outcome(long seed, FuzzCoverage.Reach reach) {
        return new Fuzzer.Outcome(seed, true, null, 5, 0, null, false, "hash", 1000, reach);
    }
}
