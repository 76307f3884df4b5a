package io.mirrordrill.engine.model.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mirrordrill.engine.model.AppMirrorRelationship;
import io.mirrordrill.engine.model.AppVault;
import io.mirrordrill.engine.model.Application;
import io.mirrordrill.engine.model.CredentialSource;
import io.mirrordrill.engine.model.DesiredState;
import io.mirrordrill.engine.model.Granularity;
import io.mirrordrill.engine.model.NamespaceMapping;
import io.mirrordrill.engine.model.ProtectApi;
import io.mirrordrill.engine.model.ProtectResource;
import io.mirrordrill.engine.model.ProviderType;
import io.mirrordrill.engine.model.Schedule;
import io.mirrordrill.engine.model.Seeds;
import io.mirrordrill.engine.model.ShutdownSnapshot;
import io.mirrordrill.engine.model.schedule.Frequency;
import io.mirrordrill.engine.model.schedule.RecurrenceRule;
import io.mirrordrill.engine.model.schedule.Recurrences;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SeedResourcesTest {

    private static ProtectResource<?, ?> read(String file) {
        List<Document> documents = ProtectYaml.parse(Seeds.path(file));
        assertEquals(1, documents.size());
        return ProtectYaml.bind(documents.get(0));
    }

    static List<String> seedFiles() {
        return Seeds.ALL;
    }

    @Test
    void theGenericS3AppVaultTakesBothKeysFromASecretAndIsWrittenCamelCase() {
        AppVault vault = (AppVault) read(Seeds.APPVAULT_PRIMARY_SOURCE);
        assertEquals(ProtectApi.API_VERSION, vault.apiVersion());
        assertEquals("generic-s3-trident-protect-src-bucket-04b6b4ec-46a3-420a-b351-45795e1b5e34", vault.name());
        assertEquals("trident-protect", vault.namespace());
        assertEquals("GenericS3", vault.spec().providerType());
        assertEquals(ProviderType.GENERIC_S3, vault.spec().providerTypeValue().orElseThrow());
        assertEquals("trident-protect-src-bucket", vault.spec().providerConfig().s3().bucketName());
        assertEquals(Map.of("accessKeyID", CredentialSource.fromSecret("s3-secret", "accessKeyID"),
                "secretAccessKey", CredentialSource.fromSecret("s3-secret", "secretAccessKey")),
                vault.spec().providerCredentials());
        assertTrue(ProtectYaml.write(vault).contains("providerType: GenericS3"));
    }

    @Test
    void theApplicationSelectsEverythingInItsOwnNamespace() {
        Application app = (Application) read(Seeds.APP_SOURCE);
        assertEquals("my-app-name", app.name());
        assertEquals("my-app-namespace", app.namespace());
        assertEquals(1, app.spec().includedNamespaces().size());
        assertEquals("my-app-namespace", app.spec().includedNamespaces().get(0).namespace());
        assertTrue(app.spec().includedNamespaces().get(0).labelSelector().getMatchLabels().isEmpty());
    }

    @Test
    void theReplicationScheduleIsCustomEveryFiveMinutesKeepingTwoSnapshotsAndNoBackups() {
        Schedule schedule = (Schedule) read(Seeds.SCHEDULE);
        assertEquals("appmirror-schedule-0e1f88ab-f013-4bce-8ae9-6afed9df59a1", schedule.name());
        assertEquals(Granularity.CUSTOM, schedule.spec().granularityValue().orElseThrow());
        assertEquals("0", schedule.spec().backupRetention());
        assertEquals("2", schedule.spec().snapshotRetention());
        assertEquals(Boolean.TRUE, schedule.spec().enabled());
        assertEquals(new RecurrenceRule(Instant.parse("2022-01-01T00:02:00Z"), Frequency.MINUTELY, 5),
                RecurrenceRule.parse(schedule.spec().recurrenceRule()));
        assertEquals(Instant.parse("2022-01-01T00:07:00Z"),
                Recurrences.of(schedule.spec()).next(Instant.parse("2022-01-01T00:02:00Z")));
    }

    @Test
    void theRelationshipReplicatesMyAppNameIntoTheSameNamespaceOnStorageClassScVsim2() {
        AppMirrorRelationship amr = (AppMirrorRelationship) read(Seeds.RELATIONSHIP);
        assertEquals("amr-16061e80-1b05-4e80-9d26-d326dc1953d8", amr.name());
        assertEquals(DesiredState.ESTABLISHED, amr.spec().desiredStateValue().orElseThrow());
        assertEquals("7498d32c-328e-4ddd-9029-122540866aeb", amr.spec().sourceApplicationUID());
        assertEquals("sc-vsim-2", amr.spec().storageClassName());
        assertEquals("my-app-name", amr.spec().sourceApplicationName());
        assertEquals(List.of(new NamespaceMapping("my-app-namespace", "my-app-namespace")),
                amr.spec().namespaceMapping());
        assertEquals("generic-s3-trident-protect-src-bucket-b643cc50-0429-4ad5-971f-ac4a83621922",
                amr.spec().sourceAppVaultRef());
        assertNull(amr.status());
    }

    @Test
    void theShutdownSnapshotNamesTheSourceVaultAndApplication() {
        ShutdownSnapshot shutdown = (ShutdownSnapshot) read(Seeds.SHUTDOWN_SNAPSHOT);
        assertEquals("replication-shutdown-snapshot-afc4c564-e700-4b72-86c3-c08a5dbe844e", shutdown.name());
        assertEquals("my-app-name", shutdown.spec().applicationRef());
        assertEquals("generic-s3-trident-protect-src-bucket-04b6b4ec-46a3-420a-b351-45795e1b5e34",
                shutdown.spec().appVaultRef());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seedFiles")
    void everySeedResourceReadsBackEqualAfterWritingItAsYaml(String file) {
        ProtectResource<?, ?> original = read(file);
        String written = ProtectYaml.write(original);
        List<ProtectResource<?, ?>> again = ProtectYaml.readAll("written", written);
        assertEquals(List.of(original), again);
        assertEquals(written, ProtectYaml.write(again.get(0)), "writing is stable");
    }

    @Test
    void theSeedFilesJoinedIntoOneMultiDocumentFileDispatchToTheirKinds() {
        StringBuilder joined = new StringBuilder();
        List<ProtectResource<?, ?>> expected = new ArrayList<>();
        for (String file : Seeds.ALL) {
            joined.append("---\n").append(Seeds.text(file));
            expected.add(read(file));
        }
        List<ProtectResource<?, ?>> resources = ProtectYaml.readAll("all.yaml", joined.toString());
        assertEquals(expected, resources);
        assertInstanceOf(AppMirrorRelationship.class, resources.get(5));
        assertEquals(expected, ProtectYaml.readAll("again.yaml", ProtectYaml.writeAll(resources)));
    }

    @Test
    void theRelationshipIsWrittenWithTheRecurrenceRuleAsABlockAndFieldsInKubectlOrder() {
        String written = ProtectYaml.write(read(Seeds.RELATIONSHIP));
        assertEquals("""
                apiVersion: protect.trident.netapp.io/v1
                kind: AppMirrorRelationship
                metadata:
                  name: amr-16061e80-1b05-4e80-9d26-d326dc1953d8
                  namespace: my-app-namespace
                spec:
                  desiredState: Established
                  destinationAppVaultRef: generic-s3-trident-protect-dst-bucket-8fe0b902-f369-4317-93d1-ad7f2edc02b5
                  namespaceMapping:
                  - destination: my-app-namespace
                    source: my-app-namespace
                  recurrenceRule: |-
                    DTSTART:20220101T000200Z
                    RRULE:FREQ=MINUTELY;INTERVAL=5
                  sourceAppVaultRef: generic-s3-trident-protect-src-bucket-b643cc50-0429-4ad5-971f-ac4a83621922
                  sourceApplicationName: my-app-name
                  sourceApplicationUID: 7498d32c-328e-4ddd-9029-122540866aeb
                  storageClassName: sc-vsim-2
                """, written);
    }
}
