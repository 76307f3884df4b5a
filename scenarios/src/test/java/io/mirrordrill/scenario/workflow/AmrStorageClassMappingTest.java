package io.mirrordrill.scenario.workflow;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A relationship's {@code storageClassMapping} as Trident protect 26.06 applies it to the destination claims: it
 * overrides {@code storageClassName} entirely, and a claim it does not map gets the destination's default class.
 */
class AmrStorageClassMappingTest {
    /** Maps a class the app does not use, so the app's claim (sc-vsim-1) is unmatched. */
    private static final String UNMATCHING_MAPPING = """
              storageClassName: sc-west-archive
              storageClassMapping:
                - {source: sc-gold, destination: sc-west-gold}
            """;

    private static SeedEstate estate(long seed) {
        SeedEstate e = new SeedEstate(seed);
        e.destination.storageClass("sc-west-gold", "nas-west", false).storageClass("sc-west-archive", "nas-west", false);
        e.write(e.source);
        e.snapshot();
        return e;
    }

    private static String amr(SeedEstate e) {
        return e.amrYaml("Established", null).replace("  storageClassName: sc-vsim-2\n", UNMATCHING_MAPPING);
    }

    private static String destinationClass(SeedEstate e) {
        return e.destination.get("v1", "PersistentVolumeClaim", SeedEstate.NS, "data").orElseThrow()
                .path("spec").path("storageClassName").asText();
    }

    @Test
    void aClaimTheMappingMissesGetsTheDestinationsDefaultClassNotStorageClassName() {
        SeedEstate e = estate(41);
        e.destination.apply("amr.yaml", amr(e), SeedEstate.NS);
        e.awaitState("Established");
        assertEquals("sc-vsim-2", destinationClass(e));
    }

    @Test
    void aClaimTheMappingMissesOnADestinationWithoutADefaultClassFailsTheRelationshipNamingTheMapping() {
        SeedEstate e = estate(42);
        e.destination.apply("sc.yaml", """
                apiVersion: storage.k8s.io/v1
                kind: StorageClass
                metadata:
                  name: sc-vsim-2
                  annotations: {storageclass.kubernetes.io/is-default-class: "false"}
                provisioner: csi.trident.netapp.io
                reclaimPolicy: Retain
                parameters: {backendType: ontap-nas, storagePools: "nas-west:aggr1"}
                """, null);
        e.destination.apply("amr.yaml", amr(e), SeedEstate.NS);
        e.runUntil(() -> e.amrState().equals("Failed"), Duration.ofHours(1), "Failed; status " + e.amrStatus());
        String error = e.amrStatus().path("error").asText();
        assertTrue(error.contains("spec.storageClassMapping") && error.contains("\"sc-vsim-1\"")
                && error.contains("no default storage class") && error.contains("Fix:"), error);
        assertTrue(e.destination.get("v1", "PersistentVolumeClaim", SeedEstate.NS, "data").isEmpty(),
                "no claim was made on storageClassName's class");
    }
}
