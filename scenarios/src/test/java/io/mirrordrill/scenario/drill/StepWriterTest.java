package io.mirrordrill.scenario.drill;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What the writer writes, the parser reads back as the same step, for every type of step and fault. */
class StepWriterTest {
    private static final At AT = new At("test", 1, "steps[0]");
    private static final String WORLD = """
            world:
              sites: [east, west]
              links: [{between: [east, west], latency: 10ms, bandwidth: 100MB/s}]
              ontap:
                - {name: ontap-east, site: east, svms: [svm-east]}
              element:
                - {name: sf-east, site: east}
              objectStores:
                - host: s3.example
                  site: east
                  buckets: [b]
                  credentials: {accessKeyID: AK, secretAccessKey: secret-123456}
              kubernetes:
                - name: k8s-east
                  site: east
                  backends: [{name: nas, ontap: ontap-east, svm: svm-east}]
                  storageClasses: [{name: sc, backend: nas, default: true}]
            """;

    @TempDir
    Path dir;

    private List<Step> everyKindOfStep() {
        Path cm = dir.resolve("cm.yaml");
        Path other = dir.resolve("sub").resolve("other.yaml");
        Ref config = new Ref("k8s-east", "v1", "ConfigMap", "default", "c");
        ObjectNode merge = JsonNodeFactory.instance.objectNode();
        merge.putObject("data").put("k", "${X}");
        Map<String, String> vars = new LinkedHashMap<>();
        vars.put("A", "3");
        vars.put("B", "two words: \"quoted\"");
        List<Step> steps = new ArrayList<>(List.of(
                new Step.Apply(AT, "k8s-east", "default", List.of(cm)),
                new Step.Apply(AT, "k8s-east", null, List.of(cm, other)),
                new Step.Delete(AT, config),
                new Step.Delete(AT, new Ref("k8s-east", "v1", "Namespace", null, "gone")),
                new Step.Patch(AT, config, merge),
                new Step.WorkloadStart(AT, new WorkloadSpec("app", "k8s-east", "default", "db", List.of("/data"),
                        "records.log", 3, 32, Duration.ofSeconds(1))),
                new Step.WorkloadStart(AT, new WorkloadSpec("bulk", "k8s-east", "default", "db",
                        List.of("/data", "/logs"), "bulk.bin", 0.5, 256 * 1024, Duration.ofMillis(2500))),
                new Step.WorkloadStop(AT, "app"),
                new Step.Advance(AT, Duration.ofMinutes(90)),
                new Step.Advance(AT, Duration.ofMillis(1500)),
                new Step.Snapshot(AT, "k8s-east", "default", dir.resolve("snapshot.yaml"), false,
                        StepParser.DEFAULT_WITHIN, null),
                new Step.Snapshot(AT, "k8s-east", null, dir.resolve("shutdown.yaml"), true, Duration.ofMinutes(5),
                        "SAVED"),
                new Step.Await(AT, new Condition.FieldEquals(config, "data.k", "${X}", true), Duration.ofMinutes(2)),
                new Step.Await(AT, new Condition.Presence(config, false), StepParser.DEFAULT_WITHIN),
                new Step.Check(AT, new Condition.FieldEquals(config, "data.k", "true", false)),
                new Step.Check(AT, new Condition.AppRunning("k8s-east", "default", "db", false)),
                new Step.Run(AT, "again"),
                new Step.SetVars(AT, vars),
                new Step.Ontap(AT, "ontap-east", OntapCommand.parse("snapmirror create -source-path svm-east:v"
                        + " -destination-path svm-west:v -schedule 5min").command()),
                new Step.Ontap(AT, "ontap-east", OntapCommand.parse("volume snapshot create -vserver svm-east"
                        + " -volume v -snapshot s1 -comment \"before upgrade\"").command()),
                new Step.Tridentctl(AT, "k8s-east", new TridentctlCommand("update backend", "nas", null,
                        dir.resolve("backend.yaml"), "trident", new TridentctlCommand.BackendConfig("ontap-nas", "nas",
                        "ontap-east", null, "svm-east", "vsadmin", "pw-1234567890"), null))));
        for (FaultSpec f : List.of(new FaultSpec.SiteDown("east"), new FaultSpec.SiteUp("east"),
                new FaultSpec.Partition("east", "west"), new FaultSpec.Heal("east", "west"),
                new FaultSpec.Degrade("east", "west", Duration.ofMillis(40), 100_000),
                new FaultSpec.Degrade("east", "west", Duration.ofMillis(1250), 123_456),
                new FaultSpec.BucketOutage("s3.example", "b"), new FaultSpec.BucketRestore("s3.example", "b"),
                new FaultSpec.EngineCrash("k8s-east"), new FaultSpec.EngineRestart("k8s-east"),
                new FaultSpec.Corrupt("app"))) {
            steps.add(new Step.Fault(AT, f, Duration.ZERO, false));
        }
        steps.add(new Step.Fault(AT, new FaultSpec.SiteDown("east"), Duration.ofSeconds(30), true));
        steps.add(new Step.Sh(AT, "kubectl get amr -A -o=jsonpath='{.items[*].status.state}'", null, dir, 0, null,
                StepParser.DEFAULT_SH_TIMEOUT));
        steps.add(new Step.Sh(AT, "A=$(kubectl get ns -o name)\necho \"$A\" | jq -R . \\\n  | wc -l\n", "k8s-east",
                dir.resolve("sub"), 3, "OUT", Duration.ofSeconds(45)));
        steps.add(new Step.Mount(AT, "east", "ontap-east/svm-east/etcd_backup", "/var/lib/etcd-backup"));
        steps.add(new Step.Etcdctl(AT, "k8s-east", null, new AdminCommand.Save(
                "snapshot save /var/lib/etcd-backup/snap.db", "/var/lib/etcd-backup/snap.db")));
        steps.add(new Step.Etcdctl(AT, null, "west", new AdminCommand.Restore("snapshot restore /mnt/snap.db"
                + " --data-dir /var/lib/etcd --name k8s-east", "/mnt/snap.db", "/var/lib/etcd", "k8s-east",
                "http://localhost:2380", "etcd-cluster")));
        steps.add(new Step.Etcdctl(AT, null, "west", new AdminCommand.Status("snapshot status /mnt/snap.db -w json",
                "/mnt/snap.db")));
        steps.add(new Step.Kubeadm(AT, "k8s-east", "west", new AdminCommand.KubeadmInit(
                "init --ignore-preflight-errors=DirAvailable--var-lib-etcd", true, null)));
        ObjectNode params = JsonNodeFactory.instance.objectNode().put("volumeID", 1).put("snapshotID", "${X}")
                .put("saveCurrentState", true);
        steps.add(new Step.Element(AT, "sf-east", "RollbackToSnapshot", params, null));
        steps.add(new Step.Element(AT, "sf-east", "ListSnapshots", JsonNodeFactory.instance.objectNode()
                .put("volumeID", 1), "GOOD"));
        steps.add(new Step.Corrupt(AT, "k8s-east", "default", "db", "/data", "records.log"));
        steps.add(new Step.Fault(AT, new FaultSpec.EngineCrash("k8s-east", 17), Duration.ZERO, false));
        return steps;
    }

    @Test
    void everyStepWrittenIsReadBackAsTheSameStep() throws Exception {
        // with the AppVault and Application the snapshot files name, which a drill must apply
        Files.writeString(dir.resolve("cm.yaml"), """
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: c}
                ---
                apiVersion: v1
                kind: Secret
                metadata: {name: s3}
                stringData: {accessKeyID: AK, secretAccessKey: secret-123456}
                ---
                apiVersion: protect.trident.netapp.io/v1
                kind: AppVault
                metadata: {name: vault}
                spec:
                  providerType: GenericS3
                  providerConfig: {s3: {bucketName: b, endpoint: s3.example}}
                  providerCredentials:
                    accessKeyID: {valueFromSecret: {name: s3, key: accessKeyID}}
                    secretAccessKey: {valueFromSecret: {name: s3, key: secretAccessKey}}
                ---
                apiVersion: protect.trident.netapp.io/v1
                kind: Application
                metadata: {name: app}
                spec: {includedNamespaces: [{namespace: default}]}
                """);
        for (String kind : List.of("Snapshot", "ShutdownSnapshot")) {
            Files.writeString(dir.resolve(kind.equals("Snapshot") ? "snapshot.yaml" : "shutdown.yaml"), """
                    apiVersion: protect.trident.netapp.io/v1
                    kind: %s
                    metadata: {name: s, namespace: default}
                    spec: {applicationRef: app, appVaultRef: vault}
                    """.formatted(kind));
        }
        Files.writeString(dir.resolve("backend.yaml"), "{version: 1, storageDriverName: ontap-nas, backendName: nas,"
                + " managementLIF: ontap-east, svm: svm-east, username: vsadmin, password: pw-1234567890}\n");
        Files.createDirectories(dir.resolve("sub"));
        Files.writeString(dir.resolve("sub").resolve("other.yaml"), "apiVersion: v1\nkind: ConfigMap\n"
                + "metadata: {name: o}\n");
        List<Step> written = everyKindOfStep();
        StringBuilder drill = new StringBuilder("name: written\ndescription: d\n" + WORLD
                + "vars: {X: one}\nsteps:\n");
        for (Step s : written) {
            drill.append("  - ").append(StepWriter.yaml(s, dir)).append('\n');
        }
        drill.append("procedures:\n  again:\n    - advance: 1m\n");
        Path file = dir.resolve("drill.yaml");
        Files.writeString(file, drill);

        List<Step> read = DrillParser.parse(file).steps();
        assertEquals(written.size(), read.size(), drill.toString());
        for (int i = 0; i < written.size(); i++) {
            assertEquals(fields(written.get(i)), fields(read.get(i)), StepWriter.yaml(written.get(i), dir));
        }
    }

    @Test
    void theSampleCoversEveryTypeOfStepAndFault() {
        List<Step> steps = everyKindOfStep();
        assertEquals(Set.of(Step.class.getPermittedSubclasses()), steps.stream().map(Step::getClass)
                .collect(Collectors.toSet()), "a new type of step needs its YAML form and a case here");
        assertEquals(Set.of(FaultSpec.class.getPermittedSubclasses()), steps.stream()
                .filter(s -> s instanceof Step.Fault).map(s -> ((Step.Fault) s).fault().getClass())
                .collect(Collectors.toSet()), "a new fault needs its YAML form and a case here");
    }

    @Test
    void valuesThatYamlWouldReadOtherwiseAreQuoted() {
        assertEquals("east", StepWriter.scalar("east"));
        assertEquals("s3.east.example/bucket-1", StepWriter.scalar("s3.east.example/bucket-1"));
        assertEquals("\"${AMR}\"", StepWriter.scalar("${AMR}"));
        assertEquals("\"true\"", StepWriter.scalar("true"));
        assertEquals("\"16\"", StepWriter.scalar("16"));
        assertEquals("\"a: b\"", StepWriter.scalar("a: b"));
    }

    /** A step's fields but where it is written. */
    private static Map<String, Object> fields(Step step) throws Exception {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("type", step.getClass().getSimpleName());
        for (RecordComponent c : step.getClass().getRecordComponents()) {
            if (!c.getName().equals("at")) {
                out.put(c.getName(), c.getAccessor().invoke(step));
            }
        }
        return out;
    }
}
