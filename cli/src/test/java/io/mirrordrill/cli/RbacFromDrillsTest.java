package io.mirrordrill.cli;

import io.mirrordrill.engine.EnginePorts;
import io.mirrordrill.port.kubernetes.KubernetesPort;
import io.mirrordrill.port.kubernetes.ResourceKind;
import io.mirrordrill.scenario.drill.Drill;
import io.mirrordrill.scenario.drill.DrillCatalog;
import io.mirrordrill.scenario.report.DrillResult;
import io.mirrordrill.scenario.runner.DrillRunner;
import io.mirrordrill.scenario.runner.RunOptions;
import org.junit.jupiter.api.Test;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * deploy/rbac.yaml's ClusterRole is exactly what the engine uses, derived from the code by running it: every built-in
 * drill runs with each cluster's engine on a KubernetesPort that records each call as the API request it is (verb,
 * group, resource, subresource), on both sides (the source cluster's Application capture, Snapshots, Schedules and
 * ShutdownSnapshots; the destination's relationship, failover and restore; resync, reverse resync, reverse
 * direction, fail back, delete, hooks). A verb the code needs and the manifests lack fails this test, naming the
 * drill that used it; so does a grant nothing uses. ControllerIT checks the same manifests against the requests the
 * controller really sends over fabric8 (its audit log), where the controller's own calls are seen too.
 */
class RbacFromDrillsTest {
    /**
     * Calls the controller makes outside the engine, so no drill shows them (ControllerIT does): the protect CRDs
     * checked at start, and the backends and Secrets read for ONTAP credentials (BackendSecretCredentials).
     */
    private static final Set<String> CONTROLLER_OWN = Set.of("apiextensions.k8s.io customresourcedefinitions list",
            "trident.netapp.io tridentbackends list", "core secrets get");

    @Test
    void theClusterRoleGrantsExactlyWhatTheEngineUsesInEveryBuiltInDrill() throws Exception {
        Map<String, String> usedBy = new ConcurrentHashMap<>();
        // the runbook drills serve their estate for real clients (an IT's work); their engines are the same
        for (Drill drill : DrillCatalog.builtIn(BuiltInDrills.directory()).stream().filter(d -> !d.runsCommands())
                .toList()) {
            RunOptions options = RunOptions.defaults().withEnginePorts(cluster -> ports -> recording(ports,
                    key -> usedBy.putIfAbsent(key, drill.name())));
            DrillResult result = DrillRunner.run(drill, options);
            assertTrue(result.passed(), drill.name() + " failed while recording: " + result.failure());
        }
        RbacRules rbac = RbacRules.read(RbacRules.deployDirectory().resolve("rbac.yaml"));
        Map<String, String> refused = new TreeMap<>();
        usedBy.forEach((key, drill) -> {
            String[] k = key.split(" ");
            String group = k[0].equals("core") ? "" : k[0];
            if (!rbac.allows(k[2], group, k[1], "any-namespace")) {
                refused.put(key, drill);
            }
        });
        assertTrue(refused.isEmpty(), "the engine used what deploy/rbac.yaml does not grant (verb: first drill that"
                + " used it): " + refused);
        // the capture lists every namespaced kind served (CaptureKinds), including kinds no drill's app has
        assertTrue(rbac.allows("list", "example.com", "widgets", "any-namespace"), "an Application's capture lists"
                + " every namespaced kind the API server serves: deploy/rbac.yaml must grant list on all of them");
        Set<String> unused = new TreeSet<>(rbac.clusterGrants());
        unused.removeIf(grant -> grant.contains("*"));   // the capture's rule, checked above
        unused.removeAll(usedBy.keySet());
        unused.removeAll(CONTROLLER_OWN);
        assertTrue(unused.isEmpty(), "deploy/rbac.yaml grants what no drill's engine used: " + unused
                + "\nused: " + new TreeMap<>(usedBy));
    }

    /** The engine's ports with its Kubernetes calls recorded as "group resource[/subresource] verb". */
    private static EnginePorts recording(EnginePorts ports, java.util.function.Consumer<String> used) {
        KubernetesPort real = ports.kubernetes();
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.isDefault()) {
                return InvocationHandler.invokeDefault(proxy, method, args);   // its calls come back through here
            }
            String verb = switch (method.getName()) {
                case "get", "list", "create", "update", "patch", "delete", "watch" -> method.getName();
                case "updateStatus" -> "update";
                case "patchStatus" -> "patch";
                default -> null;   // resolve, kinds: discovery, not an authorized resource request
            };
            if (verb != null) {
                String apiVersion;
                String kind;
                if (args[0] instanceof io.fabric8.kubernetes.api.model.HasMetadata r) {
                    apiVersion = r.getApiVersion();
                    kind = r.getKind();
                } else {
                    apiVersion = (String) args[0];
                    kind = (String) args[1];
                }
                ResourceKind rk = real.resolve(apiVersion, kind);
                String status = method.getName().endsWith("Status") ? "/status" : "";
                used.accept(RbacRules.key(rk.group(), rk.plural() + status, verb));
            }
            try {
                return method.invoke(real, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        KubernetesPort recorded = (KubernetesPort) Proxy.newProxyInstance(KubernetesPort.class.getClassLoader(),
                new Class<?>[] {KubernetesPort.class}, handler);
        return new EnginePorts(recorded, ports.ontap(), ports.objectStores(), ports.exec(), ports.clock(),
                ports.scheduler());
    }
}
