package io.mirrordrill.engine.model.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mirrordrill.engine.model.AppMirrorRelationship;
import io.mirrordrill.engine.model.DesiredState;
import io.mirrordrill.engine.model.ProtectResource;
import io.mirrordrill.engine.model.Seeds;
import io.mirrordrill.engine.model.yaml.ProtectYaml;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SeedValidationTest {

    static List<String> seedFiles() {
        return Seeds.ALL;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seedFiles")
    void everySeedFileValidatesClean(String file) {
        List<Problem> problems = Validator.validate(Seeds.path(file));
        assertEquals(List.of(), problems, Problems.render(problems));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seedFiles")
    void everySeedResourceValidatesCleanAfterARoundTrip(String file) {
        ProtectResource<?, ?> resource = ProtectYaml.readAll(file, Seeds.text(file)).get(0);
        assertEquals(List.of(), Validator.validate(resource, file));
        assertEquals(List.of(), Validator.validate(file, ProtectYaml.write(resource)));
    }

    @Test
    void theFailoverEditOfTheSeedRelationshipValidatesClean() {
        AppMirrorRelationship amr = ResourceFiles.load(Seeds.path(Seeds.RELATIONSHIP)).resources().stream()
                .map(AppMirrorRelationship.class::cast).findFirst().orElseThrow();
        AppMirrorRelationship promoted = amr.withSpec(amr.spec().withDesiredState(DesiredState.PROMOTED)
                .withPromotedSnapshot("20240301101500_replication-shutdown-snapshot_0d7c5d1e-7f5d-4b0e-9a55-0c4d2f7f3e11"));
        assertEquals(List.of(), Validator.validate(promoted, "promoted"));
        assertTrue(ProtectYaml.write(promoted).contains("desiredState: Promoted"));
    }

    @Test
    void aFileWithASecretNextToTheAppVaultLoadsBothAndTypesOnlyTheAppVault() {
        String text = """
                apiVersion: v1
                kind: Secret
                metadata: {name: s3-secret, namespace: trident-protect}
                type: Opaque
                stringData: {accessKeyID: AKIAEXAMPLE, secretAccessKey: notARealKey}
                ---
                """ + Seeds.text(Seeds.APPVAULT_PRIMARY_SOURCE);
        LoadedFile loaded = ResourceFiles.load("vault-with-secret.yaml", text);
        assertEquals(2, loaded.documents().size());
        assertEquals("Secret", loaded.documents().get(0).getKind());
        assertEquals("AppVault", loaded.documents().get(1).getKind());
        assertEquals(1, loaded.resources().size());
        assertEquals("AppVault", loaded.resources().get(0).kind());
    }
}
