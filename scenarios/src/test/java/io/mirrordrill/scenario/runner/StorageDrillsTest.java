package io.mirrordrill.scenario.runner;

import io.mirrordrill.scenario.drill.DrillParser;
import io.mirrordrill.scenario.report.DrillResult;
import io.mirrordrill.scenario.report.TextSummary;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The storage administrator's drills of seed 002: the built-in ones pass with their measures, and the seed's
 * warnings (a step skipped or done in the wrong order) fail with the reason a person needs.
 */
class StorageDrillsTest {
    private static DrillResult run(String file) {
        return DrillRunner.run(DrillParser.parse(Path.of(file)), RunOptions.defaults());
    }

    private static void passes(String file) {
        DrillResult r = run(file);
        System.out.println(TextSummary.of(r));
        assertTrue(r.passed(), TextSummary.of(r));
    }

    @Test
    void anOntapSnapshotRestoreLosesOnlyWhatWasWrittenAfterTheSnapshot() {
        passes("drills/ontap-snapshot-restore.yaml");
    }

    @Test
    void anActivatedSvmDrDestinationServesTheApplicationAfterTheBackendUpdate() {
        passes("drills/svm-dr-activate.yaml");
    }

    @Test
    void volumeDrBreaksTheMirrorImportsTheVolumeAndRedeploysTheApplication() {
        passes("drills/volume-dr-import.yaml");
    }

    @Test
    void startingTheDestinationSvmBeforeTheBreakFailsWithOntapsReason() {
        DrillResult r = run("src/test/storage-drills/svm-dr-start-before-break.yaml");
        assertFalse(r.passed());
        assertEquals("step", r.failure().kind());
        assertTrue(r.failure().message().contains("c2::> vserver start -vserver svm_backup"), r.failure().message());
        assertTrue(r.failure().message().contains("break its SnapMirror relationship first"), r.failure().message());
        assertTrue(r.failure().evidence().contains("13434917"), r.failure().evidence());
    }

    @Test
    void forgettingTridentctlUpdateBackendLeavesTheApplicationsWritesRefused() {
        DrillResult r = run("src/test/storage-drills/svm-dr-no-backend-update.yaml");
        System.out.println(TextSummary.of(r));
        assertFalse(r.passed());
        assertNotNull(r.failure());
        assertEquals("expectation", r.failure().kind());
        assertTrue(r.failure().message().contains("RPO"), r.failure().message());
        assertTrue(r.failure().evidence().contains("workload app's writes are refused: svm1:"), r.failure().evidence());
        assertTrue(r.failure().evidence().contains("cluster c1 not reachable from site kube"), r.failure().evidence());
    }
}
