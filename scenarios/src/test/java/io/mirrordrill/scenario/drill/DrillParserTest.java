package io.mirrordrill.scenario.drill;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DrillParserTest {
    @TempDir
    Path dir;

    private static final String WORLD = """
            world:
              sites: [east, west]
              links: [{between: [east, west], latency: 10ms, bandwidth: 100MB/s}]
              ontap:
                - {name: ontap-east, site: east, svms: [svm-east]}
              objectStores:
                - {host: s3.example, site: east, buckets: [b], credentials: {accessKeyID: AK, secretAccessKey: secret-123456}}
              kubernetes:
                - name: k8s-east
                  site: east
                  backends: [{name: nas, ontap: ontap-east, svm: svm-east}]
                  storageClasses: [{name: sc, backend: nas, default: true}]
                  environment: {RESTORE_SKIP_NAMESPACE_ANNOTATIONS: "a/b"}
            """;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    private DrillInputException refused(String text) throws IOException {
        Path file = write("drill.yaml", text);
        return assertThrows(DrillInputException.class, () -> DrillParser.parse(file));
    }

    @Test
    void aWellFormedDrillIsReadWithItsWorldStepsAndExpectations() throws IOException {
        write("cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {k: \"${X}\"}\n");
        Drill d = DrillParser.parse(write("drill.yaml", "name: ok-drill\ndescription: d\nseed: 7\n" + WORLD + """
                vars: {X: one}
                steps:
                  - apply: {cluster: k8s-east, namespace: default, file: cm.yaml}
                  - advance: 1h30m
                  - fault: {siteDown: east, after: 30s, disaster: true}
                  - run: again
                procedures:
                  again:
                    - await: {cluster: k8s-east, kind: ConfigMap, namespace: default, name: c, field: data.k, equals: one, within: 2m}
                expect:
                  rpo: {atMost: 5m}
                  writesLost: {atMost: 3}
                """));
        assertEquals("ok-drill", d.name());
        assertEquals(7, d.seed());
        assertEquals(4, d.steps().size());
        assertEquals(Duration.ofMinutes(90), ((Step.Advance) d.steps().get(1)).duration());
        Step.Fault f = (Step.Fault) d.steps().get(2);
        assertEquals(new FaultSpec.SiteDown("east"), f.fault());
        assertTrue(f.disaster());
        assertEquals(Duration.ofSeconds(30), f.after());
        assertInstanceOf(Step.Await.class, d.procedures().get("again").get(0));
        assertEquals(List.of("a/b"), List.of(d.world().kubernetes().get(0).environment()
                .get("RESTORE_SKIP_NAMESPACE_ANNOTATIONS")));
        assertEquals(2, d.expectations().size());
    }

    @Test
    void aClustersHelmValuesAreReadUnderTheNamesOfTheTridentProtectChart() throws IOException {
        Drill d = DrillParser.parse(write("drill.yaml", "name: helm-drill\ndescription: d\n"
                + WORLD.replace("environment: {RESTORE_SKIP_NAMESPACE_ANNOTATIONS: \"a/b\"}",
                        "helmValues: {restoreSkipNamespaceAnnotations: \"a/b,c/d\", restoreSkipNamespaceLabels: role}")
                + "steps:\n  - advance: 1m\n"));
        assertEquals(Map.of("restoreSkipNamespaceAnnotations", "a/b,c/d", "restoreSkipNamespaceLabels", "role"),
                d.world().kubernetes().get(0).helmValues());
    }

    @Test
    void aHelmValueTheEngineDoesNotReadIsRefusedNamingTheOnesItDoes() throws IOException {
        DrillInputException e = refused("name: x\ndescription: d\n"
                + WORLD.replace("environment: {RESTORE_SKIP_NAMESPACE_ANNOTATIONS: \"a/b\"}",
                        "helmValues: {restoreSkipNamespaceAnotations: \"a/b\"}")
                + "steps:\n  - advance: 1m\n");
        Problem p = e.problems().get(0);
        assertEquals("world.kubernetes[0].helmValues.restoreSkipNamespaceAnotations", p.field(), e.getMessage());
        assertTrue(p.fix().contains("restoreSkipNamespaceAnnotations"), p.fix());
    }

    @Test
    void malformedYamlNamesTheLine() throws IOException {
        DrillInputException e = refused("name: x\ndescription: d\nsteps:\n  - advance: 1m\n   bad: [\n");
        assertEquals(5, e.line(), e.getMessage());
        assertTrue(e.getMessage().contains("drill.yaml:5"), e.getMessage());
    }

    @Test
    void aMisspeltFieldIsNamedWithItsLineAndTheFieldsThatExist() throws IOException {
        DrillInputException e = refused("name: x\ndescription: d\n" + WORLD + """
                steps:
                  - advance: 1m
                  - workload: {start: w, cluster: k8s-east, namespace: n, deployment: d, mount: /d, rate: 2/s, sped: 3}
                """);
        Problem p = e.problems().get(0);
        assertEquals("steps[1].workload.sped", p.field());
        assertEquals(18, p.line());
        assertTrue(p.fix().contains("recordSize"), p.fix());
    }

    @Test
    void everyProblemIsReportedAtOnce() throws IOException {
        DrillInputException e = refused("name: Bad Name\ndescription: d\n" + WORLD + """
                steps:
                  - advance: soon
                  - fault: {siteDown: north}
                  - apply: {cluster: k8s-north, file: missing.yaml}
                  - run: nowhere
                  - check: {cluster: k8s-east, kind: ConfigMap, namespace: n, name: "${NEVER_SET}", field: data.k, equals: v}
                """);
        String all = e.getMessage();
        for (String expected : List.of("Bad Name", "\"soon\" is not a duration", "site north",
                "no Kubernetes cluster \"k8s-north\"", "missing.yaml does not exist", "no procedure \"nowhere\"",
                "variable NEVER_SET is never set")) {
            assertTrue(all.contains(expected), "missing \"" + expected + "\" in\n" + all);
        }
    }

    @Test
    void anInvalidProtectResourceInAnAppliedFileIsNamedWithItsFileAndLine() throws IOException {
        write("amr.yaml", """
                apiVersion: protect.trident.netapp.io/v1
                kind: AppMirrorRelationship
                metadata: {name: a, namespace: n}
                spec:
                  desiredState: Sideways
                  sourceApplicationUID: ${UID}
                """);
        DrillInputException e = refused("name: x\ndescription: d\nvars: {UID: u}\n" + WORLD + """
                steps:
                  - apply: {cluster: k8s-east, file: amr.yaml}
                """);
        Problem p = e.problems().stream().filter(x -> x.field().equals("spec.desiredState")).findFirst()
                .orElseThrow(() -> new AssertionError(e.getMessage()));
        assertTrue(p.source().endsWith("amr.yaml"), p.source());
        assertEquals(5, p.line());
        assertTrue(e.problems().stream().noneMatch(x -> x.field().equals("spec.sourceApplicationUID")),
                "a templated field is filled in at run time and not judged before: " + e.getMessage());
    }

    @Test
    void worldReferencesAreChecked() throws IOException {
        DrillInputException e = refused("""
                name: x
                description: d
                world:
                  sites: [east]
                  ontap: [{name: o, site: east, svms: [s]}]
                  peers: [{svm: o/s, peer: p/q}]
                  kubernetes:
                    - {name: k, site: mars, backends: [{name: b, ontap: o, svm: nope}], storageClasses: [{name: c, backend: z}]}
                steps:
                  - advance: 1m
                """);
        String all = e.getMessage();
        for (String expected : List.of("unknown ONTAP cluster \"p\"", "unknown site \"mars\"", "has no SVM \"nope\"",
                "names backend z")) {
            assertTrue(all.contains(expected), "missing \"" + expected + "\" in\n" + all);
        }
        assertTrue(e.problems().stream().allMatch(p -> p.line() > 0), "every problem has a line: " + all);
    }

    @Test
    void aProcedureThatRunsItselfIsRefused() throws IOException {
        DrillInputException e = refused("name: x\ndescription: d\n" + WORLD + """
                steps:
                  - run: a
                procedures:
                  a: [{run: b}]
                  b: [{run: a}]
                """);
        assertTrue(e.getMessage().contains("runs itself"), e.getMessage());
    }

    @Test
    void unitsReadDurationsSizesAndRates() {
        assertEquals(Duration.ofMillis(1_800_250), Units.duration("30m250ms").orElseThrow());
        assertTrue(Units.duration("5 minutes").isEmpty());
        assertEquals(100_000_000L, Units.bandwidth("100MB/s").orElseThrow());
        assertEquals(125_000L, Units.bandwidth("1Mbit/s").orElseThrow());
        assertEquals(4096L, Units.bytes("4KiB").orElseThrow());
        assertEquals(0.5, Units.rate("30/min").orElseThrow());
        assertEquals("1h5m3.250s", Units.format(Duration.ofMillis(3_903_250)));
        assertEquals("1h0m33s", Units.format(Duration.ofSeconds(3633)));
        assertEquals("2h", Units.format(Duration.ofHours(2)));
    }

    @Test
    void aWorldFileThatIsNoWorldMappingIsRefusedWithoutShowingItsContent() throws IOException {
        String shadow = "root:$6$Qx9hidden.hash.value:19000:0:99999:7:::\nbin:*:19000::::::\n";
        write("shadow.yaml", shadow);
        DrillInputException e = refused("name: d\nworld: shadow.yaml\nsteps: [{advance: 1m}]\n");
        assertTrue(e.getMessage().contains("is not a world mapping"), e.getMessage());
        assertFalse(e.getMessage().contains("Qx9hidden") || e.getMessage().contains("root") || e.getMessage()
                .contains("bin:"), e.getMessage());
        // a file not named as YAML is not even read
        write("shadow", shadow);
        DrillInputException unread = refused("name: d\nworld: shadow\nsteps: [{advance: 1m}]\n");
        assertTrue(unread.getMessage().contains("is not a YAML file"), unread.getMessage());
        assertFalse(unread.getMessage().contains("Qx9hidden") || unread.getMessage().contains("bin:"),
                unread.getMessage());
    }

    @Test
    void anIncludedFileWithoutProceduresOrVarsIsRefusedWithoutShowingItsContent() throws IOException {
        write("netrc.yaml", "machine-s3.example-password-Zr4hidden: x\n");
        DrillInputException e = refused(WORLD + "name: d\ninclude: [netrc.yaml]\nsteps: [{advance: 1m}]\n");
        assertTrue(e.getMessage().contains("holds no procedures or vars"), e.getMessage());
        assertFalse(e.getMessage().contains("Zr4hidden"), e.getMessage());
    }

    @Test
    void aRunbookStepIsACommandLineOrAMappingWithAScriptAndItsOptions() throws IOException {
        Files.createDirectories(dir.resolve("runbook"));
        Path file = write("drill.yaml", "name: x\ndescription: d\n" + WORLD + """
                steps:
                  - sh: kubectl get amr -A
                  - sh:
                      context: k8s-east
                      dir: runbook
                      command: |
                        kubectl apply -f amr.yaml -n my-app
                        kubectl get amr -o jsonpath='{.items[0].status.state}'
                      expectExit: 1
                      capture: STATE
                      timeout: 30s
                  - check: {cluster: k8s-east, kind: ConfigMap, namespace: n, name: "${STATE}", field: data.k, equals: v}
                """);
        List<Step> steps = DrillParser.parse(file).steps();
        assertEquals(new Step.Sh(steps.get(0).at(), "kubectl get amr -A", null, dir, 0, null, Duration.ofMinutes(2)),
                steps.get(0));
        Step.Sh script = assertInstanceOf(Step.Sh.class, steps.get(1));
        assertEquals("kubectl apply -f amr.yaml -n my-app\nkubectl get amr -o jsonpath='{.items[0].status.state}'\n",
                script.command());
        assertEquals("k8s-east", script.context());
        assertEquals(dir.resolve("runbook"), script.dir());
        assertEquals(1, script.expectExit());
        assertEquals("STATE", script.capture());
        assertEquals(Duration.ofSeconds(30), script.timeout());
        assertEquals("sh [k8s-east]: kubectl apply -f amr.yaml -n my-app (+1 lines)", script.describe());
    }

    @Test
    void aRunbookStepsMistakesAreNamedWithTheirFieldsAndFixes() throws IOException {
        DrillInputException e = refused("name: x\ndescription: d\n" + WORLD + """
                steps:
                  - sh: ""
                  - sh: {command: "kubectl get ns", context: k8s-north, dir: nowhere, expectExit: 256,
                         capture: "not a name", timeout: 2h, shell: zsh}
                  - sh: {context: k8s-east}
                """);
        String all = e.getMessage();
        for (String expected : List.of("steps[0].sh", "the command is empty", "no Kubernetes cluster \"k8s-north\"",
                "steps[1].sh.dir", "\"nowhere\" is not a directory", "steps[1].sh.expectExit",
                "an exit code is 0 to 255", "steps[1].sh.capture", "is not a variable name", "steps[1].sh.timeout",
                "at most 1h", "unknown field \"shell\"", "steps[2].sh.command", "required field \"command\"")) {
            assertTrue(all.contains(expected), "missing \"" + expected + "\" in\n" + all);
        }
    }
}
