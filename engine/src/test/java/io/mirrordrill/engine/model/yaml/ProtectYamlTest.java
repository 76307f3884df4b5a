package io.mirrordrill.engine.model.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.mirrordrill.engine.model.AppMirrorRelationship;
import io.mirrordrill.engine.model.AppMirrorRelationshipStatus;
import io.mirrordrill.engine.model.AppVault;
import io.mirrordrill.engine.model.Condition;
import io.mirrordrill.engine.model.ExecHook;
import io.mirrordrill.engine.model.LastTransfer;
import io.mirrordrill.engine.model.ProtectResource;
import io.mirrordrill.engine.model.Schedule;
import io.mirrordrill.engine.model.Seeds;
import io.mirrordrill.engine.model.SnapshotRestore;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProtectYamlTest {
    private static final String HEADER = "apiVersion: protect.trident.netapp.io/v1\n";

    @Test
    void unknownFieldsAtEveryLevelSurviveARoundTrip() {
        String text = HEADER + """
                kind: AppVault
                metadata:
                  name: vault
                  namespace: trident-protect
                  labels: {team: storage}
                  futureMetaField: kept
                spec:
                  providerType: OntapS3
                  providerConfig:
                    s3:
                      bucketName: b
                      endpoint: e
                      useIAM: true
                      zeta: 1
                      alpha: [x, {y: 2}]
                    futureProvider: {a: b}
                  providerCredentials:
                    accessKeyID:
                      valueFromSecret: {name: s, key: k, optional: false}
                      fromVault: no
                  properties:
                    dataMoverPasswordSecretRef: my-secret
                status:
                  state: Available
                  lastSync: 2024-01-01
                topLevelExtra: {nested: [1, 2]}
                """;
        AppVault vault = (AppVault) ProtectYaml.readAll("vault.yaml", text).get(0);
        assertEquals(List.of("alpha", "useIAM", "zeta"),
                List.copyOf(vault.spec().providerConfig().s3().unknownFields().keySet()), "sorted, as kubectl prints");
        assertEquals(Map.of("a", "b"), vault.spec().providerConfig().unknownFields().get("futureProvider"));
        assertEquals(false, vault.spec().providerCredentials().get("accessKeyID").unknownFields().get("fromVault"));
        assertEquals(Map.of("optional", false),
                vault.spec().providerCredentials().get("accessKeyID").valueFromSecret().unknownFields());
        assertEquals("2024-01-01", vault.status().unknownFields().get("lastSync"));
        assertEquals("kept", vault.metadata().getAdditionalProperties().get("futureMetaField"));
        assertEquals(Map.of("nested", List.of(1, 2)), vault.unknownFields().get("topLevelExtra"));

        String written = ProtectYaml.write(vault);
        assertTrue(written.contains("useIAM: true"), written);
        assertTrue(written.contains("lastSync: \"2024-01-01\""), written);
        AppVault again = (AppVault) ProtectYaml.readAll("written", written).get(0);
        assertEquals(vault, again);
        assertEquals(ProtectYaml.toTree(vault), ProtectYaml.toTree(again));
    }

    @Test
    void retentionCountsAreWrittenAsQuotedStringsEvenWhenReadAsNumbers() {
        Schedule schedule = (Schedule) ProtectYaml.readAll("s.yaml", HEADER + """
                kind: Schedule
                metadata: {name: s, namespace: ns}
                spec: {applicationRef: a, appVaultRef: v, backupRetention: 0, snapshotRetention: "2",
                       granularity: HOURLY, minute: 5}
                """).get(0);
        assertEquals("0", schedule.spec().backupRetention());
        assertEquals("Hourly", schedule.spec().granularity());
        String written = ProtectYaml.write(schedule);
        assertTrue(written.contains("backupRetention: \"0\""), written);
        assertTrue(written.contains("minute: \"5\""), written);
        assertTrue(written.contains("granularity: Hourly"), written);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"yes", "No", "on", "OFF", "y", "true", "null", "~", "", "017", "0x1F", "0b101", "1_000",
        "1:30", "12.5", ".inf", "-.NaN", "2024-01-01", "2024-03-01T10:15:30Z", "- item", "a: b", "#x", "*alias",
        "&anchor", "!tag", "%x", "@x", "`x", "{x}", "[x]", "'q'", "\"q\"", " lead", "trail ", "multi\nline"})
    void stringsThatLookLikeOtherYamlScalarsAreQuotedSoTheyReadBackAsTheSameString(String value) {
        AppMirrorRelationship amr = (AppMirrorRelationship) ProtectYaml.readAll("amr", Seeds.text(Seeds.RELATIONSHIP))
                .get(0);
        AppMirrorRelationship edited = amr.withSpec(amr.spec().withPromotedSnapshot(value));
        String written = ProtectYaml.write(edited);
        assertEquals(edited, ProtectYaml.readAll("written", written).get(0), written);
    }

    @Test
    void bothProviderTypeSpellingsInAnyCaseReadAsTheSameVault() {
        AppVault kebab = vault("generic-s3");
        assertEquals(kebab, vault("GenericS3"));
        assertEquals(kebab, vault("GENERIC-S3"));
        assertEquals(kebab, vault("genericS3"));
        assertEquals("StorageGridS3", vault("storagegrid-s3").spec().providerType());
        assertEquals("Azure", vault("AZURE").spec().providerType());
        assertEquals("s4", vault("s4").spec().providerType(), "an unknown value is kept for validation to name");
    }

    private static AppVault vault(String providerType) {
        return (AppVault) ProtectYaml.readAll("v.yaml", HEADER + "kind: AppVault\nmetadata: {name: v}\nspec: {providerType: "
                + providerType + "}\n").get(0);
    }

    @Test
    void statusTimesAndSizesRoundTripAsRfc3339AndNumbers() {
        AppMirrorRelationship amr = (AppMirrorRelationship) ProtectYaml.readAll("amr", Seeds.text(Seeds.RELATIONSHIP))
                .get(0);
        AppMirrorRelationshipStatus status = new AppMirrorRelationshipStatus("Established",
                List.of(new Condition("Ready", "True", "Replicating", "up to date",
                        Instant.parse("2024-03-01T10:15:30Z"))),
                "my-app-name", List.of("my-app-namespace"),
                new LastTransfer(Instant.parse("2024-03-01T10:15:00Z"), 1_073_741_824L), "snap-1", null, null);
        AppMirrorRelationship withStatus = amr.withStatus(status);
        String written = ProtectYaml.write(withStatus);
        assertTrue(written.contains("lastTransitionTime: \"2024-03-01T10:15:30Z\""), written);
        assertTrue(written.contains("completionTimestamp: \"2024-03-01T10:15:00Z\""), written);
        assertTrue(written.contains("transferSizeBytes: 1073741824"), written);
        assertEquals(withStatus, ProtectYaml.readAll("again", written).get(0));
        assertEquals(amr, withStatus.withStatus(null), "with... makes a new value and leaves the original alone");
    }

    @Test
    void aJsonPatchValueOfNullIsKeptDistinctFromAnAbsentValue() {
        SnapshotRestore restore = (SnapshotRestore) ProtectYaml.readAll("r", HEADER + """
                kind: SnapshotRestore
                metadata: {name: r, namespace: ns}
                spec:
                  appArchivePath: a/b
                  appVaultRef: v
                  transformations:
                  - resource: {kind: Deployment}
                    operations:
                    - {op: add, path: /metadata/annotations/x, value: null}
                    - {op: remove, path: /spec/replicas}
                """).get(0);
        assertEquals(NullNode.getInstance(), restore.spec().transformations().get(0).operations().get(0).value());
        assertEquals(null, restore.spec().transformations().get(0).operations().get(1).value());
        assertEquals(restore, ProtectYaml.readAll("again", ProtectYaml.write(restore)).get(0));
    }

    @Test
    void aResourceConvertsToAGenericKubernetesResourceAndBack() {
        ProtectResource<?, ?> amr = ProtectYaml.readAll("amr", Seeds.text(Seeds.RELATIONSHIP)).get(0);
        GenericKubernetesResource generic = ProtectYaml.toGeneric(amr);
        assertEquals("AppMirrorRelationship", generic.getKind());
        assertEquals("amr-16061e80-1b05-4e80-9d26-d326dc1953d8", generic.getMetadata().getName());
        assertEquals("sc-vsim-2", ((Map<?, ?>) generic.getAdditionalProperties().get("spec")).get("storageClassName"));
        assertEquals(amr, ProtectYaml.fromGeneric(generic));
    }

    @Test
    void aResourceConvertsToAJacksonTreeAndBack() {
        ProtectResource<?, ?> schedule = ProtectYaml.readAll("s", Seeds.text(Seeds.SCHEDULE)).get(0);
        ObjectNode tree = ProtectYaml.toTree(schedule);
        assertEquals("Custom", tree.path("spec").path("granularity").asText());
        assertEquals(schedule, ProtectYaml.fromTree(tree));
        assertEquals(schedule, ProtectYaml.fromTree(tree, Schedule.class));
    }

    @Test
    void aResourceBuiltInCodeGetsApiVersionAndKind() {
        ExecHook hook = new ExecHook(new ObjectMetaBuilder().withName("freeze").build(), null);
        assertEquals("protect.trident.netapp.io/v1", hook.apiVersion());
        assertEquals("ExecHook", hook.kind());
        assertEquals("ExecHook/freeze", hook.describe());
    }

    @Test
    void aliasesMergeKeysAndYaml11ScalarsResolveAsKubectlWould() {
        List<Document> documents = ProtectYaml.parse("anchors.yaml", """
                base: &common {x: 1, y: 2}
                merged:
                  <<: *common
                  y: 3
                name: &n shared
                again: *n
                octal: 017
                hex: 0x1F
                flag: yes
                off: off
                date: 2022-01-01
                nothing: ~
                big: 12345678901234567890
                ratio: 1_000.5
                """);
        JsonNode tree = documents.get(0).tree();
        assertEquals(3, tree.path("merged").path("y").asInt());
        assertEquals(1, tree.path("merged").path("x").asInt());
        assertEquals("shared", tree.path("again").asText());
        assertEquals(15, tree.path("octal").asInt());
        assertEquals(31, tree.path("hex").asInt());
        assertTrue(tree.path("flag").asBoolean());
        assertTrue(tree.path("off").isBoolean() && !tree.path("off").asBoolean());
        assertEquals("2022-01-01", tree.path("date").textValue());
        assertTrue(tree.path("nothing").isNull());
        assertTrue(tree.path("big").isBigInteger());
        assertEquals(1000.5, tree.path("ratio").asDouble());
    }

    @Test
    void everyFieldKnowsItsLineAndAMissingFieldFallsBackToItsParent() {
        Document document = ProtectYaml.parse("amr.yaml", Seeds.text(Seeds.RELATIONSHIP)).get(0);
        // Line 1 of the seed file is a comment.
        assertEquals(2, document.line());
        assertEquals(7, document.lineOf("spec"));
        assertEquals(11, document.lineOf("spec.namespaceMapping[0]"));
        assertEquals(12, document.lineOf("spec.namespaceMapping[0].source"));
        assertEquals(7, document.lineOf("spec.promotedSnapshot"));
        assertEquals(2, document.lineOf("nothing.here"));
    }

    @Test
    void emptyDocumentsAreSkippedAndDocumentsAreNumberedInOrder() {
        List<Document> documents = ProtectYaml.parse("multi.yaml", "---\n---\na: 1\n---\n# only a comment\n---\nb: 2\n");
        assertEquals(2, documents.size());
        assertEquals(0, documents.get(0).index());
        assertEquals(1, documents.get(1).index());
        assertEquals(7, documents.get(1).line());
    }

    @Test
    void malformedYamlNamesTheFileAndLine() {
        YamlException e = assertThrows(YamlException.class,
                () -> ProtectYaml.parse("broken.yaml", "apiVersion: v1\nkind: AppVault\nmetadata:\n  name: x\n   bad: y\n"));
        assertEquals("broken.yaml", e.source());
        assertEquals(5, e.line());
        assertTrue(e.reason().startsWith("malformed YAML"), e.reason());
        assertTrue(e.getMessage().startsWith("broken.yaml:5:"), e.getMessage());
    }

    @Test
    void anUnclosedQuoteIsMalformedAtItsLine() {
        YamlException e = assertThrows(YamlException.class,
                () -> ProtectYaml.parse("quote.yaml", "a: 1\nb: \"open\nc: 3\n"));
        assertTrue(e.line() >= 2, "line " + e.line());
        assertTrue(e.fix().contains("unclosed quote"), e.fix());
    }

    @Test
    void duplicateKeysAreRefusedLikeKubectlDoes() {
        YamlException e = assertThrows(YamlException.class,
                () -> ProtectYaml.parse("dup.yaml", "kind: AppVault\nspec:\n  providerType: aws\n  providerType: gcp\n"));
        assertEquals(4, e.line());
        assertTrue(e.reason().contains("duplicate key \"providerType\" (first at line 3)"), e.reason());
    }

    @Test
    void aDocumentThatIsNotAMappingIsRefused() {
        YamlException e = assertThrows(YamlException.class, () -> ProtectYaml.parse("list.yaml", "a: 1\n---\n- x\n"));
        assertEquals(3, e.line());
        assertTrue(e.reason().contains("not a mapping"), e.reason());
    }

    @Test
    void aBillionLaughsFileIsRefusedByTheAliasLimit() {
        StringBuilder bomb = new StringBuilder("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int i = 1; i < 10; i++) {
            bomb.append("a").append(i).append(": &a").append(i).append(" [");
            for (int j = 0; j < 9; j++) {
                bomb.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
            }
            bomb.append("]\n");
        }
        YamlException e = assertThrows(YamlException.class, () -> ProtectYaml.parse("bomb.yaml", bomb.toString()));
        assertTrue(e.reason().contains("Number of aliases for non-scalar nodes exceeds the specified max=50"),
                e.reason());
        assertTrue(e.line() > 0);
    }

    @Test
    void fewAliasesThatMultiplyATreeAreRefusedByTheNodeLimit() {
        // 2 aliases per level double the tree: 24 levels use 48 aliases (under 50) but would expand to 2^24 nodes.
        StringBuilder doubling = new StringBuilder("l0: &l0 [x, x]\n");
        for (int i = 1; i < 24; i++) {
            doubling.append("l").append(i).append(": &l").append(i).append(" [*l").append(i - 1).append(", *l")
                    .append(i - 1).append("]\n");
        }
        YamlException e = assertThrows(YamlException.class, () -> ProtectYaml.parse("doubling.yaml",
                doubling.toString()));
        assertTrue(e.reason().contains("expands to more than 200000 nodes"), e.reason());
    }

    @Test
    void aRecursiveAliasIsRefused() {
        YamlException e = assertThrows(YamlException.class, () -> ProtectYaml.parse("loop.yaml", "a: &r [1, *r]\n"));
        assertTrue(e.reason().contains("recursive"), e.reason());
    }

    @Test
    void deepNestingIsRefused() {
        String deep = "a: ".repeat(1) + "[".repeat(100) + "]".repeat(100) + "\n";
        YamlException e = assertThrows(YamlException.class, () -> ProtectYaml.parse("deep.yaml", deep));
        assertTrue(e.reason().contains("Nesting Depth exceeded"), e.reason());
    }

    @Test
    void aDocumentOverTheCodePointLimitIsRefused() {
        YamlLimits small = new YamlLimits(1_000_000, 1000, 50, 64, 1000, 10);
        String large = "a: " + "x".repeat(2000) + "\n";
        YamlException e = assertThrows(YamlException.class,
                () -> ProtectYaml.parse("large.yaml", new StringReader(large), small));
        assertTrue(e.reason().contains("exceeds the limit: 1000 code points"), e.reason());
    }

    @Test
    void inputOverTheTotalSizeLimitIsRefusedBeforeItIsBuffered() {
        YamlLimits small = new YamlLimits(10_000, 100_000, 50, 64, 1000, 10_000);
        String large = "a: 1\n---\n".repeat(3000);
        YamlException e = assertThrows(YamlException.class,
                () -> ProtectYaml.parse("many.yaml", new StringReader(large), small));
        assertTrue(e.reason().contains("larger than 10000 characters"), e.reason());
    }

    @Test
    void tooManyDocumentsAreRefused() {
        YamlLimits small = new YamlLimits(1_000_000, 100_000, 50, 64, 1000, 3);
        YamlException e = assertThrows(YamlException.class,
                () -> ProtectYaml.parse("docs.yaml", new StringReader("a: 1\n---\n".repeat(4)), small));
        assertTrue(e.reason().contains("more than 3 documents"), e.reason());
    }

    @Test
    void unsupportedTagsAreRefused() {
        YamlException e = assertThrows(YamlException.class, () -> ProtectYaml.parse("tag.yaml", "a: !!binary aGk=\n"));
        assertTrue(e.reason().contains("tag:yaml.org,2002:binary is not supported"), e.reason());
    }

    @Test
    void anUnknownKindIsRefusedWithTheKnownKinds() {
        BindingException e = assertThrows(BindingException.class,
                () -> ProtectYaml.readAll("k.yaml", HEADER + "kind: Backup\nmetadata: {name: b}\n"));
        assertEquals("kind", e.field());
        assertEquals(2, e.line());
        assertTrue(e.fix().contains("AppVault, Application, Schedule, Snapshot, ShutdownSnapshot"), e.fix());
    }

    @Test
    void aDocumentOfAnotherApiIsNotBound() {
        BindingException e = assertThrows(BindingException.class,
                () -> ProtectYaml.readAll("secret.yaml", "apiVersion: v1\nkind: Secret\nmetadata: {name: s}\n"));
        assertEquals("apiVersion", e.field());
        assertTrue(e.reason().contains("\"v1\" is not protect.trident.netapp.io/v1"), e.reason());
    }

    @Test
    void aValueOfTheWrongShapeNamesItsFieldPathAndLine() {
        BindingException e = assertThrows(BindingException.class, () -> ProtectYaml.readAll("hook.yaml", HEADER + """
                kind: ExecHook
                metadata: {name: h}
                spec:
                  applicationRef: a
                  timeout: soon
                """));
        assertEquals("spec.timeout", e.field());
        assertEquals(6, e.line());
        assertTrue(e.reason().contains("cannot read \"soon\" as a whole number"), e.reason());
    }

    @Test
    void theModelIsImmutable() {
        AppMirrorRelationship amr = (AppMirrorRelationship) ProtectYaml.readAll("amr", Seeds.text(Seeds.RELATIONSHIP))
                .get(0);
        assertThrows(UnsupportedOperationException.class, () -> amr.spec().namespaceMapping().clear());
        assertThrows(UnsupportedOperationException.class, () -> amr.unknownFields().put("x", 1));
        assertInstanceOf(AppMirrorRelationship.class, amr.withSpec(amr.spec()));
    }
}
