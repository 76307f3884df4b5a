package io.mirrordrill.scenario.runner;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.mirrordrill.engine.EnginePorts;
import io.mirrordrill.port.kubernetes.Resources;
import io.mirrordrill.port.kubernetes.KubernetesPort;
import io.mirrordrill.port.ontap.OntapPort;
import io.mirrordrill.port.ontap.SnapshotRecord;
import io.mirrordrill.scenario.drill.Drill;
import io.mirrordrill.scenario.drill.DrillParser;
import io.mirrordrill.scenario.report.DrillResult;
import io.mirrordrill.scenario.report.TextSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The invariants catch an engine that gets failover wrong, with the step, the time and the evidence. */
class PlantedDefectsTest {
    private static final Drill FAILOVER = DrillParser.parse(Path.of("drills", "failover-site-loss.yaml"));

    /** Ports of k8s-west's engine changed by {@code defect}; everything else real. */
    private static DrillResult runWithDefect(Drill drill, UnaryOperator<EnginePorts> defect) {
        return DrillRunner.run(drill, RunOptions.defaults().withEnginePorts(cluster -> cluster.equals("k8s-west")
                ? defect : UnaryOperator.identity()));
    }

    @SuppressWarnings("unchecked")
    static <T> T wrap(Class<T> type, T target, Interceptor interceptor) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            Object[] a = args == null ? new Object[0] : args;
            try {
                return interceptor.call(method.getName(), a, () -> method.invoke(target, a));
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        });
    }

    interface Interceptor {
        Object call(String method, Object[] args, Real real) throws Throwable;
    }

    interface Real {
        Object call() throws Throwable;
    }

    @Test
    void aFailoverThatRestoresAnotherSnapshotBreaksFailoverKeepsWrites() {
        DrillResult r = runWithDefect(FAILOVER, ports -> new EnginePorts(ports.kubernetes(), lif -> {
            OntapPort real = ports.ontap().connect(lif);
            return wrap(OntapPort.class, real, (method, args, call) -> {
                if (method.equals("snapshots")) {
                    // the defect: SnapMirror's own snapshots are listed as the oldest, so the promoted snapshot
                    // looks newest and the volume is never restored to it
                    @SuppressWarnings("unchecked")
                    List<SnapshotRecord> snaps = new ArrayList<>((List<SnapshotRecord>) call.call());
                    snaps.sort(Comparator.comparing(x -> !x.name().startsWith("snapmirror.")));
                    return snaps;
                }
                return call.call();
            });
        }, ports.objectStores(), ports.exec(), ports.clock(), ports.scheduler()));
        assertFalse(r.passed(), TextSummary.of(r));
        assertEquals("invariant", r.failure().kind(), TextSummary.of(r));
        assertTrue(r.failure().message().startsWith("failover-keeps-writes"), TextSummary.of(r));
        assertTrue(r.failure().where().contains("procedures.failover"), r.failure().where());
        assertTrue(r.failure().message().contains("written after the promoted snapshot"), r.failure().message());
    }

    @Test
    void anEngineThatWritesACredentialIntoAStatusBreaksNoSecretInOutput() {
        DrillResult r = runWithDefect(FAILOVER, ports -> new EnginePorts(wrap(KubernetesPort.class,
                ports.kubernetes(), (method, args, call) -> {
                    if (method.equals("updateStatus")
                            && ((GenericKubernetesResource) args[0]).getKind().equals("AppMirrorRelationship")) {
                        ObjectNode tree = Resources.toTree((GenericKubernetesResource) args[0]);
                        tree.with("status").put("error", "bucket refused key dst-secret-7c1d88e0");
                        args[0] = Resources.fromTree(tree);
                    }
                    // the engine's status write is a merge patch of the status subresource
                    if (method.equals("patchStatus") && args[1].equals("AppMirrorRelationship")) {
                        ObjectNode patch = (ObjectNode) Resources.mapper().readTree((String) args[4]);
                        patch.with("status").put("error", "bucket refused key dst-secret-7c1d88e0");
                        args[4] = patch.toString();
                    }
                    return call.call();
                }), ports.ontap(), ports.objectStores(), ports.exec(), ports.clock(), ports.scheduler()));
        assertFalse(r.passed(), TextSummary.of(r));
        assertTrue(r.failure().message().startsWith("no-secret-in-output"), TextSummary.of(r));
        assertFalse(r.failure().evidence().contains("dst-secret-7c1d88e0"), "the evidence hides the secret itself");
    }

    @Test
    void anEngineThatWritesACredentialBase64EncodedIntoAStatusBreaksNoSecretInOutput() {
        String encoded = java.util.Base64.getEncoder().encodeToString("dst-secret-7c1d88e0".getBytes(
                java.nio.charset.StandardCharsets.UTF_8));
        DrillResult r = runWithDefect(FAILOVER, ports -> new EnginePorts(wrap(KubernetesPort.class,
                ports.kubernetes(), (method, args, call) -> {
                    if (method.equals("patchStatus") && args[1].equals("AppMirrorRelationship")) {
                        ObjectNode patch = (ObjectNode) Resources.mapper().readTree((String) args[4]);
                        patch.with("status").put("error", "copied the vault's Secret: " + encoded);
                        args[4] = patch.toString();
                    }
                    return call.call();
                }), ports.ontap(), ports.objectStores(), ports.exec(), ports.clock(), ports.scheduler()));
        assertFalse(r.passed(), TextSummary.of(r));
        assertTrue(r.failure().message().startsWith("no-secret-in-output: a secret value appears in a status"),
                TextSummary.of(r));
        assertTrue(r.failure().evidence().contains("copied the vault's Secret: ***"), r.failure().evidence());
    }

    @Test
    void anEngineThatRecordsACredentialInAnEventBreaksNoSecretInOutput() {
        DrillResult r = runWithDefect(FAILOVER, ports -> new EnginePorts(wrap(KubernetesPort.class,
                ports.kubernetes(), (method, args, call) -> {
                    if (method.equals("create") && args[0] instanceof GenericKubernetesResource e
                            && e.getKind().equals("Event")) {
                        e.setAdditionalProperty("message", e.get("message") + " (key dst-secret-7c1d88e0)");
                    }
                    return call.call();
                }), ports.ontap(), ports.objectStores(), ports.exec(), ports.clock(), ports.scheduler()));
        assertFalse(r.passed(), TextSummary.of(r));
        assertTrue(r.failure().message().startsWith("no-secret-in-output"), TextSummary.of(r));
        assertTrue(r.failure().message().contains("Event") || r.failure().evidence().contains("Event"),
                TextSummary.of(r));
        assertFalse(r.failure().evidence().contains("dst-secret-7c1d88e0"), "the evidence hides the secret itself");
    }

    @Test
    void aFailoverThatDropsASourceLabelBreaksTheNamespaceMergeRule() {
        Drill merge = DrillParser.parse(Path.of("drills", "namespace-merge.yaml"));
        DrillResult r = runWithDefect(merge, ports -> new EnginePorts(wrap(KubernetesPort.class,
                ports.kubernetes(), (method, args, call) -> {
                    if ((method.equals("update") || method.equals("create")) && args.length == 1
                            && args[0] instanceof GenericKubernetesResource res && res.getKind().equals("Namespace")) {
                        ObjectNode tree = Resources.toTree(res);
                        tree.with("metadata").with("labels").remove("compliance");
                        args[0] = Resources.fromTree(tree);
                    }
                    return call.call();
                }), ports.ontap(), ports.objectStores(), ports.exec(), ports.clock(), ports.scheduler()));
        assertFalse(r.passed(), TextSummary.of(r));
        assertEquals("invariant", r.failure().kind(), TextSummary.of(r));
        assertTrue(r.failure().message().startsWith("namespace-merge-rule"), TextSummary.of(r));
        assertTrue(r.failure().evidence().contains("compliance=hipaa"), r.failure().evidence());
    }

    @Test
    void aCredentialThatReachesAnArchiveBreaksNoSecretInOutput(@TempDir Path dir) throws Exception {
        Path seed = Path.of("drills", "seed").toAbsolutePath();
        Files.writeString(dir.resolve("leak.yaml"), """
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: leaked}
                data: {key: src-secret-9f3b2c41}
                """);
        Files.writeString(dir.resolve("drill.yaml"), """
                name: leak
                description: a credential copied into the application's ConfigMap travels into every archive
                world: %s/world.yaml
                include: [%s/procedures.yaml]
                steps:
                  - run: install-vaults
                  - run: deploy-app
                  - apply: {cluster: k8s-east, namespace: my-app-namespace, file: leak.yaml}
                  - run: set-up-replication
                """.formatted(seed, seed));
        DrillResult r = DrillRunner.run(DrillParser.parse(dir.resolve("drill.yaml")), RunOptions.defaults());
        assertFalse(r.passed(), TextSummary.of(r));
        assertTrue(r.failure().message().startsWith("no-secret-in-output"), TextSummary.of(r));
        assertTrue(r.failure().evidence().contains("object s3.east.example/trident-protect-src-bucket/my-app-name_"),
                r.failure().evidence());
    }
}
