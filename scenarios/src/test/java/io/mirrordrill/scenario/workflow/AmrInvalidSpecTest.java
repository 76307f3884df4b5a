package io.mirrordrill.scenario.workflow;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Relationships that can never work end Failed with a message that names the fix, and change nothing. */
class AmrInvalidSpecTest {

    private static void awaitFailed(SeedEstate e) {
        e.runUntil(() -> e.amrState().equals("Failed"), Duration.ofHours(2), "Failed; status " + e.amrStatus());
    }

    private static String error(SeedEstate e) {
        return e.amrStatus().path("error").asText();
    }

    private static boolean noClaims(SeedEstate e) {
        return e.destination.get("v1", "PersistentVolumeClaim", SeedEstate.NS, "data").isEmpty();
    }

    @Test
    void anAmrNamingAMissingAppVaultFailsAndCreatesNothing() {
        SeedEstate e = new SeedEstate(31);
        e.write(e.source);
        e.snapshot();
        e.destination.apply("amr.yaml", e.amrYaml("Established", null)
                .replace(SeedEstate.DST_VAULT, "no-such-vault"), SeedEstate.NS);
        awaitFailed(e);
        assertTrue(error(e).contains("spec.destinationAppVaultRef") && error(e).contains("no-such-vault")
                && error(e).contains("Fix:"), error(e));
        assertEquals("AppVaultNotFound", e.amrStatus().path("conditions").get(0).path("reason").asText());
        assertTrue(noClaims(e));
    }

    @Test
    void aStorageClassOnAnUnpeeredSvmFailsNamingThePeering() {
        SeedEstate e = new SeedEstate(32);
        e.w.svm("ontap-west", "svm-lonely");
        e.destination.backend("nas-lonely", "ontap-west", "svm-lonely").storageClass("sc-lonely", "nas-lonely", false);
        e.write(e.source);
        e.snapshot();
        e.destination.apply("amr.yaml", e.amrYaml("Established", null).replace("sc-vsim-2", "sc-lonely"),
                SeedEstate.NS);
        awaitFailed(e);
        assertTrue(error(e).contains("not peered") && error(e).contains("svm-east") && error(e).contains("Fix:"),
                error(e));
        assertEquals("SvmNotPeered", e.amrStatus().path("conditions").get(0).path("reason").asText());
    }

    @Test
    void aPromotedSnapshotThatNeverArrivesFailsTheFailover() {
        SeedEstate e = new SeedEstate(33);
        e.establish(2);
        e.desire("Promoted", "20260101000000_never-taken_0b6b1f7e-0000-4000-8000-000000000000");
        e.runUntil(() -> e.amrStatus().path("conditions").get(0).path("message").asText()
                .startsWith("Waiting for snapshot"), Duration.ofMinutes(10), "the wait; " + e.amrStatus());
        awaitFailed(e);
        assertTrue(error(e).contains("did not arrive") && error(e).contains("Fix:"), error(e));
        assertTrue(e.pods(e.destination).isEmpty(), "nothing was restored");
    }

    @Test
    void aNamespaceMappingThatDoesNotMatchTheApplicationFails() {
        SeedEstate e = new SeedEstate(34);
        e.write(e.source);
        e.snapshot();
        e.destination.apply("amr.yaml", e.amrYaml("Established", null)
                .replace("      source: my-app-namespace", "      source: some-other-namespace"), SeedEstate.NS);
        awaitFailed(e);
        assertTrue(error(e).contains("my-app-namespace") && error(e).contains("Fix:"), error(e));
        assertTrue(noClaims(e));
    }

    @Test
    void aFailedRelationshipWaitsForAFixInsteadOfSpinning() {
        SeedEstate e = new SeedEstate(36);
        e.write(e.source);
        e.snapshot();
        e.destination.apply("amr.yaml", e.amrYaml("Promoted", null), SeedEstate.NS);  // nothing to promote yet
        awaitFailed(e);
        long before = e.w.world().eventsRun();
        e.w.advance(Duration.ofHours(1));
        long events = e.w.world().eventsRun() - before;
        assertTrue(events < 2_000, "a failed relationship ran " + events + " events in an hour");
        assertEquals("Failed", e.amrState());
    }

    @Test
    void fixingTheSpecRecoversAFailedRelationship() {
        SeedEstate e = new SeedEstate(35);
        e.write(e.source);
        e.snapshot();
        e.destination.apply("amr.yaml", e.amrYaml("Established", null)
                .replace(SeedEstate.DST_VAULT, "no-such-vault"), SeedEstate.NS);
        awaitFailed(e);
        e.desire("Established", null);
        e.awaitState("Established");
        assertEquals("", e.amrStatus().path("error").asText(""));
    }
}
