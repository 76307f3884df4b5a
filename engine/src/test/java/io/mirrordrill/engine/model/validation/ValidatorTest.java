package io.mirrordrill.engine.model.validation;

import static io.mirrordrill.engine.model.validation.Problems.has;
import static io.mirrordrill.engine.model.validation.Problems.single;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.mirrordrill.engine.model.AppMirrorRelationship;
import io.mirrordrill.engine.model.AppMirrorRelationshipSpec;
import io.mirrordrill.engine.model.NamespaceMapping;
import io.mirrordrill.engine.model.ProtectResource;
import io.mirrordrill.engine.model.Seeds;
import io.mirrordrill.engine.model.yaml.Document;
import io.mirrordrill.engine.model.yaml.ProtectYaml;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidatorTest {
    private static final String HEADER = "apiVersion: protect.trident.netapp.io/v1\n";

    @Test
    void malformedYamlIsOneProblemNamingTheFileAndLine() {
        Problem problem = single(Validator.validate(Problems.FILE, Seeds.text(Seeds.RELATIONSHIP)
                .replace("  sourceApplicationName: my-app-name", "   sourceApplicationName: my-app-name")), "",
                "malformed YAML", "correct the YAML syntax");
        assertEquals(17, problem.line(), "the mis-indented sourceApplicationName line");
        assertTrue(problem.toString().startsWith("bad.yaml:17: malformed YAML"), problem.toString());
    }

    @Test
    void aFileIsValidatedFromDiskWithItsPathAsSource(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("amr.yaml");
        Files.writeString(file, Seeds.text(Seeds.RELATIONSHIP).replace("desiredState: Established",
                "desiredState: Paused"));
        List<Problem> problems = Validator.validate(file);
        assertEquals(1, problems.size());
        assertEquals(file.toString(), problems.get(0).source());
        assertEquals("spec.desiredState", problems.get(0).field());
    }

    @Test
    void anUnknownKindInTheProtectGroupSuggestsTheRightSpelling() {
        single(Validator.validate(Problems.FILE, Seeds.text(Seeds.APPVAULT_PRIMARY_SOURCE)
                .replace("kind: AppVault", "kind: Appvault")), "kind", "unknown kind \"Appvault\"",
                "write AppVault (kinds are case-sensitive)");
        single(Validator.validate(Problems.FILE, HEADER + "kind: BackupRestore\nmetadata: {name: r}\n"), "kind",
                "unknown kind \"BackupRestore\"", "use one of AppVault, Application, Schedule, Snapshot,"
                        + " ShutdownSnapshot, AppMirrorRelationship, SnapshotRestore, ExecHook");
    }

    @Test
    void anotherVersionOfTheProtectGroupIsNotServed() {
        single(Validator.validate(Problems.FILE, Seeds.text(Seeds.APP_SOURCE)
                .replace("protect.trident.netapp.io/v1", "protect.trident.netapp.io/v1beta1")), "apiVersion",
                "\"protect.trident.netapp.io/v1beta1\" is not served", "write apiVersion: protect.trident.netapp.io/v1");
    }

    @Test
    void aProtectKindUnderANearbyNetAppGroupIsFlaggedAsTheWrongApi() {
        single(Validator.validate(Problems.FILE, Seeds.text(Seeds.APPVAULT_PRIMARY_SOURCE)
                .replace("protect.trident.netapp.io/v1", "astra.netapp.io/v1")), "apiVersion",
                "\"astra.netapp.io/v1\" is not the Trident protect API", "protect.trident.netapp.io/v1");
    }

    @Test
    void documentsOfOtherApisAreLeftAlone() {
        String text = """
                apiVersion: v1
                kind: Secret
                metadata: {name: s3-secret, namespace: trident-protect}
                stringData: {accessKeyID: x}
                ---
                apiVersion: argoproj.io/v1alpha1
                kind: Application
                metadata: {name: argo-app}
                spec: {project: default}
                ---
                """ + Seeds.text(Seeds.APP_SOURCE);
        assertEquals(List.of(), Validator.validate(Problems.FILE, text));
    }

    @Test
    void aMissingApiVersionOrKindIsReported() {
        List<Problem> problems = Validator.validate(Problems.FILE, "metadata: {name: x}\nspec: {}\n");
        has(problems, "apiVersion", "is missing", "add apiVersion: protect.trident.netapp.io/v1");
        has(problems, "kind", "is missing", "kind: AppVault");
        assertEquals(2, problems.size());
    }

    @Test
    void metadataNeedsAValidNameAndNamespace() {
        single(Validator.validate(Problems.FILE, Seeds.text(Seeds.SHUTDOWN_SNAPSHOT)
                .replace("  name: replication-shutdown-snapshot-afc4c564-e700-4b72-86c3-c08a5dbe844e\n", "")),
                "metadata.name", "is missing", "name the resource");
        single(Validator.validate(Problems.FILE, Seeds.text(Seeds.SHUTDOWN_SNAPSHOT)
                .replace("namespace: my-app-namespace", "namespace: My.App")), "metadata.namespace",
                "\"My.App\" is not a valid namespace name", "at most 63");
        assertEquals(List.of(), Validator.validate(Problems.FILE, Seeds.text(Seeds.SHUTDOWN_SNAPSHOT)
                .replace("  name: replication-shutdown-snapshot-afc4c564-e700-4b72-86c3-c08a5dbe844e\n",
                        "  generateName: shutdown-\n")), "generateName stands in for a name");
    }

    @Test
    void problemsOfEveryDocumentAreReportedInFileOrder() {
        String text = Seeds.text(Seeds.SCHEDULE).replace("granularity: custom", "granularity: sometimes") + "---\n"
                + Seeds.text(Seeds.RELATIONSHIP).replace("desiredState: Established", "desiredState: Paused");
        List<Problem> problems = Validator.validate(Problems.FILE, text);
        assertEquals(2, problems.size(), Problems.render(problems));
        assertEquals("spec.granularity", problems.get(0).field());
        assertEquals("spec.desiredState", problems.get(1).field());
        assertEquals(25, problems.get(1).line());
    }

    @Test
    void validationChangesNeitherTheDocumentNorTheResource() {
        String text = Seeds.text(Seeds.RELATIONSHIP).replace("desiredState: Established", "desiredState: promoted")
                .replace("- destination: my-app-namespace", "- destination: 7");
        Document document = ProtectYaml.parse(Problems.FILE, text).get(0);
        ObjectNode before = document.tree().deepCopy();
        List<Problem> first = Validator.validate(document);
        assertEquals(before, document.tree());
        assertEquals(first, Validator.validate(document), "the same input gives the same problems");

        ProtectResource<?, ?> resource = ProtectYaml.readAll("amr", Seeds.text(Seeds.RELATIONSHIP)).get(0);
        String written = ProtectYaml.write(resource);
        Validator.validate(resource, "amr");
        assertEquals(written, ProtectYaml.write(resource));
    }

    @Test
    void aResourceBuiltInCodeIsValidatedWithoutLines() {
        AppMirrorRelationship amr = new AppMirrorRelationship(new ObjectMetaBuilder().withName("amr")
                .withNamespace("dst").build(), new AppMirrorRelationshipSpec("Established", "src-vault", null, "app",
                        null, List.of(new NamespaceMapping("src", "dst")), null, null, null, null, null, null));
        List<Problem> problems = Validator.validate(amr, "controller");
        assertEquals(1, problems.size());
        Problem problem = problems.get(0);
        assertEquals(new Problem("controller", 0, "AppMirrorRelationship/dst/amr", "spec.destinationAppVaultRef",
                "is missing", "set it to the name of the AppVault for the destination application on this cluster"),
                problem);
        assertEquals("controller: AppMirrorRelationship/dst/amr: spec.destinationAppVaultRef: is missing. Fix: set it"
                + " to the name of the AppVault for the destination application on this cluster.", problem.toString());
        InvalidResourceException e = assertThrows(InvalidResourceException.class,
                () -> Validator.requireValid(amr, "controller"));
        assertEquals(problems, e.problems());
        assertTrue(e.getMessage().startsWith("1 problem:\ncontroller: AppMirrorRelationship/dst/amr"), e.getMessage());
    }

    @Test
    void loadingRefusesTheWholeFileWhenAnyDocumentIsInvalid() {
        String text = Seeds.text(Seeds.APP_SOURCE) + "---\n" + Seeds.text(Seeds.SCHEDULE)
                .replace("snapshotRetention: \"2\"", "snapshotRetention: \"many\"");
        InvalidResourceException e = assertThrows(InvalidResourceException.class,
                () -> ResourceFiles.load(Problems.FILE, text));
        single(e.problems(), "spec.snapshotRetention", "\"many\" is not a non-negative integer",
                "snapshotRetention: \"2\"");
    }

    @Test
    void loadingMalformedYamlRefusesTheFileWithItsLine() {
        InvalidResourceException e = assertThrows(InvalidResourceException.class,
                () -> ResourceFiles.load(Problems.FILE, "apiVersion: [\n"));
        assertEquals(1, e.problems().size());
        assertTrue(e.problems().get(0).line() > 0);
        assertTrue(e.problems().get(0).message().startsWith("malformed YAML"), e.problems().get(0).message());
    }

    @Test
    void loadingAllSeedFilesTogetherTypesEveryResourceInOrder() {
        StringBuilder text = new StringBuilder();
        for (String file : Seeds.ALL) {
            text.append("---\n").append(Seeds.text(file));
        }
        LoadedFile loaded = ResourceFiles.load("seed.yaml", text.toString());
        assertEquals(7, loaded.resources().size());
        assertEquals(List.of("AppVault", "Application", "Schedule", "AppVault", "AppVault", "AppMirrorRelationship",
                "ShutdownSnapshot"), loaded.resources().stream().map(ProtectResource::kind).toList());
        assertEquals(loaded.resources(), loaded.documents().stream().map(ProtectYaml::fromGeneric).toList());
    }
}
