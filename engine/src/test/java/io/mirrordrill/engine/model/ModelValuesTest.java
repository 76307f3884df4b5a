package io.mirrordrill.engine.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ModelValuesTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "aws, AWS", "AWS, AWS", "Aws, AWS", "azure, Azure", "gcp, GCP", "generic-s3, GenericS3",
        "GenericS3, GenericS3", "GENERICS3, GenericS3", "ontap-s3, OntapS3", "OntapS3, OntapS3",
        "storagegrid-s3, StorageGridS3", "StorageGridS3, StorageGridS3"
    })
    void bothProviderTypeSpellingsParseInAnyCaseAndPrintCamelCase(String raw, String camelCase) {
        assertEquals(camelCase, ProviderType.parse(raw).orElseThrow().value());
        assertEquals(camelCase, ProviderType.canonical(raw));
    }

    @Test
    void anUnknownProviderTypeIsKeptAsWritten() {
        assertEquals(Optional.empty(), ProviderType.parse("generic_s3"));
        assertEquals("generic_s3", ProviderType.canonical("generic_s3"));
        assertEquals(null, ProviderType.canonical(null));
    }

    @Test
    void onlyTheS3FamilyIsConfiguredUnderS3() {
        assertTrue(ProviderType.ONTAP_S3.isS3() && ProviderType.AWS.isS3() && ProviderType.STORAGE_GRID_S3.isS3());
        assertFalse(ProviderType.AZURE.isS3() || ProviderType.GCP.isS3());
        assertEquals("storagegrid-s3", ProviderType.STORAGE_GRID_S3.kebabCase());
    }

    @Test
    void granularityAndCriterionTypesAcceptAnyCaseWhileDesiredStateIsExact() {
        assertEquals("Custom", Granularity.canonical("custom"));
        assertEquals("Weekly", Granularity.canonical("WEEKLY"));
        assertEquals("ContainerImage", MatchingCriterionType.canonical("containerImage"));
        assertEquals(Optional.empty(), DesiredState.parse("promoted"));
        assertEquals(Optional.of(DesiredState.PROMOTED), DesiredState.parse("Promoted"));
        assertEquals("Establishing, Established, Promoting, Promoted, Failed", NamedValue.list(MirrorState.class));
    }

    @Test
    void absentOptionalFieldsTakeTridentProtectsDefaults() {
        AppMirrorRelationshipSpec amr = new AppMirrorRelationshipSpec(null, null, null, null, null, null, null, null,
                null, null, null, null);
        assertEquals(Optional.of(DesiredState.ESTABLISHED), amr.desiredStateValue());
        assertEquals(Optional.of(ReclaimPolicy.RETAIN), new SnapshotSpec("app", "vault").reclaimPolicyValue());
        S3Config s3 = new S3Config("bucket", "endpoint");
        assertFalse(s3.skipCertValidationOrDefault());
        assertTrue(s3.secureOrDefault());
        S3Config insecure = new S3Config("b", "e", "TRUE", "False", null, null, null);
        assertTrue(insecure.skipCertValidationOrDefault());
        assertFalse(insecure.secureOrDefault());
        ExecHookSpec hook = new ExecHookSpec("app", "Pre", "Snapshot", null, "c2g=", null, null, null, null);
        assertEquals(25, hook.timeoutOrDefault());
        assertTrue(hook.enabledOrDefault());
        assertTrue(ScheduleSpec.custom("app", "vault", "0", "2", "DTSTART:20220101T000200Z\nRRULE:FREQ=DAILY")
                .enabledOrDefault());
    }

    @Test
    void theArchiveBasenameIsTheLastPathSegmentThatPromotedSnapshotTakes() {
        SnapshotStatus status = new SnapshotStatus("Completed", "my-app-name_7498d32c-328e-4ddd-9029-122540866aeb/"
                + "snapshots/20240301101500_replication-shutdown-snapshot-afc4c564_0d7c5d1e");
        assertEquals("20240301101500_replication-shutdown-snapshot-afc4c564_0d7c5d1e", status.archiveBasename());
        assertEquals("x", new SnapshotStatus("Completed", "a/x/").archiveBasename());
        assertEquals(null, new SnapshotStatus("Running", null).archiveBasename());
    }

    @Test
    void kindsKnowTheirApiServerNamesAndJavaTypes() {
        assertEquals(Optional.of(ResourceKind.APP_MIRROR_RELATIONSHIP), ResourceKind.byKind("AppMirrorRelationship"));
        assertEquals(Optional.empty(), ResourceKind.byKind("appmirrorrelationship"));
        assertEquals(Optional.of(ResourceKind.APP_VAULT), ResourceKind.byKindIgnoringCase("appvault"));
        assertEquals("appmirrorrelationships.protect.trident.netapp.io", ResourceKind.APP_MIRROR_RELATIONSHIP.crdName());
        assertEquals(List.of("amr"), ResourceKind.APP_MIRROR_RELATIONSHIP.shortNames());
        assertEquals("shutdownsnapshot", ResourceKind.SHUTDOWN_SNAPSHOT.singular());
        assertEquals(ResourceKind.EXEC_HOOK, ResourceKind.of(ExecHook.class));
        assertThrows(IllegalArgumentException.class, () -> ResourceKind.of(String.class));
        for (ResourceKind kind : ResourceKind.values()) {
            assertEquals(kind.kind(), kind.type().getSimpleName());
        }
    }

    @Test
    void absentListsStayAbsentAndPresentOnesAreCopied() {
        List<NamespaceMapping> mappings = new java.util.ArrayList<>(List.of(new NamespaceMapping("a", "b")));
        SnapshotRestoreSpec spec = new SnapshotRestoreSpec("p", "v", mappings, null, null, null, null);
        mappings.clear();
        assertEquals(1, spec.namespaceMapping().size());
        assertEquals(null, spec.storageClassMapping());
    }
}
