package io.mirrordrill.contract;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.mirrordrill.emulator.k8s.EtcdEmulator;
import io.mirrordrill.emulator.k8s.KubernetesCluster;
import io.mirrordrill.port.etcd.EtcdPort;
import io.mirrordrill.port.etcd.RestoreRequest;
import io.mirrordrill.port.etcd.RestoredMember;
import io.mirrordrill.port.kubernetes.KubernetesPort;
import io.mirrordrill.port.kubernetes.Resources;
import io.mirrordrill.sim.World;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * The contract against the emulated etcd of a Kubernetes cluster: a key is a ConfigMap, a restore is started as a
 * new cluster of the same name at the operator's site.
 */
class EtcdEmulatorContractTest extends EtcdPortContract {
    private static final String NS = "contract";
    private static final String CLUSTER = "k8s";

    private final World world = new World(2379);
    private final EtcdEmulator etcd = new EtcdEmulator(world);
    private KubernetesCluster cluster;

    @Override
    protected EtcdPort openPort() {
        world.network().site("dc-a").site("ops").link("dc-a", "ops", Duration.ofMillis(5), 125_000_000L);
        cluster = new KubernetesCluster(world, CLUSTER, "dc-a");
        cluster.port().create(Resources.generic("v1", "Namespace", null, NS));
        return etcd.port(cluster, "ops");
    }

    @Override
    protected long put(String key, String value) {
        KubernetesPort api = cluster.port();
        GenericKubernetesResource cm = api.get("v1", "ConfigMap", NS, key)
                .orElseGet(() -> Resources.generic("v1", "ConfigMap", NS, key));
        cm.setAdditionalProperty("data", Map.of("value", value));
        GenericKubernetesResource written = cm.getMetadata().getUid() == null ? api.create(cm) : api.update(cm);
        return Long.parseLong(written.getMetadata().getResourceVersion());
    }

    @Override
    protected RestoreRequest restoreRequest(String label) {
        return RestoreRequest.into("/var/lib/etcd-" + label).member(CLUSTER, "https://10.0.0.10:2380");
    }

    @Override
    protected Restored startRestored(RestoredMember member) {
        KubernetesCluster restored = etcd.startCluster(CLUSTER, "ops", member.dataDir());
        Map<String, String> values = new TreeMap<>();
        for (GenericKubernetesResource cm : restored.port().list("v1", "ConfigMap", NS, null)) {
            @SuppressWarnings("unchecked")
            Map<String, String> data = (Map<String, String>) cm.get("data");
            values.put(cm.getMetadata().getName(), data.get("value"));
        }
        return new Restored(restored.revision(), values);
    }

    @Override
    protected void makeUnreachable() {
        world.network().partition("dc-a", "ops");
    }
}
