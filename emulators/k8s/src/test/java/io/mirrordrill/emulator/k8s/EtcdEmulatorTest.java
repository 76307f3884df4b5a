package io.mirrordrill.emulator.k8s;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.mirrordrill.port.UnreachableException;
import io.mirrordrill.port.etcd.EtcdException;
import io.mirrordrill.port.etcd.EtcdPort;
import io.mirrordrill.port.etcd.RestoreRequest;
import io.mirrordrill.port.etcd.SavedSnapshot;
import io.mirrordrill.port.kubernetes.ExpiredException;
import io.mirrordrill.port.kubernetes.KubernetesPort;
import io.mirrordrill.port.kubernetes.Resources;
import io.mirrordrill.port.kubernetes.WatchListener;
import io.mirrordrill.sim.SimulationException;
import io.mirrordrill.sim.World;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What only the emulator can show: byte-identical snapshots per seed, and a cluster brought up over a restore. */
class EtcdEmulatorTest {
    private static final String DATA_DIR = "/var/lib/etcd";
    private static final String API = "protect.trident.netapp.io/v1";

    private final World world = new World(2);
    private final EtcdEmulator etcd = new EtcdEmulator(world);
    private final KubernetesCluster source;
    private final KubernetesPort api;

    EtcdEmulatorTest() {
        world.network().site("dc-a").site("dc-b").link("dc-a", "dc-b", Duration.ofMillis(10), 1_000_000_000L);
        source = new KubernetesCluster(world, "k8s", "dc-a");
        api = source.port();
    }

    private static byte[] save(EtcdPort port) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        port.save(out);
        return out.toByteArray();
    }

    private KubernetesCluster restoreAtB(byte[] snapshot, String member) {
        etcd.port("dc-b").restore(new ByteArrayInputStream(snapshot),
                RestoreRequest.into(DATA_DIR).member(member, "https://10.0.2.10:2380"));
        return etcd.startCluster("k8s", "dc-b", DATA_DIR);
    }

    private static byte[] scriptedSnapshot(long seed) {
        World w = new World(seed);
        w.network().site("dc");
        KubernetesCluster c = new KubernetesCluster(w, "k8s", "dc");
        c.port().create(appVaultCrd());
        c.port().create(Resources.generic(API, "AppVault", "default", "vault"));
        c.port().create(Resources.generic("v1", "ConfigMap", "default", "settings"));
        return save(new EtcdEmulator(w).port(c, "dc"));
    }

    @Test
    void theSameSeedAndWritesGiveTheSameSnapshotBytes() {
        assertArrayEquals(scriptedSnapshot(7), scriptedSnapshot(7));
        assertFalse(java.util.Arrays.equals(scriptedSnapshot(7), scriptedSnapshot(8)), "uids come from the seed");
    }

    @Test
    void aClusterStartedOverARestoreServesTheCrdKindsAndHoldsExactlyTheSavedObjects() {
        api.create(appVaultCrd());
        GenericKubernetesResource vault = api.create(Resources.generic(API, "AppVault", "default", "vault"));
        byte[] snapshot = save(etcd.port(source, "dc-b"));
        long revision = source.revision();
        api.create(Resources.generic("v1", "ConfigMap", "default", "after-the-snapshot"));

        KubernetesCluster restored = restoreAtB(snapshot, "k8s");
        KubernetesPort b = restored.port();
        assertEquals("dc-b", restored.site());
        assertEquals(revision, restored.revision());
        assertTrue(b.kinds().stream().anyMatch(k -> k.kind().equals("AppVault")), "the CRD's kind is served again");
        assertEquals(Resources.toTree(vault), Resources.toTree(b.get(API, "AppVault", "default", "vault")
                .orElseThrow()), "same uid, resourceVersion, timestamps");
        assertTrue(b.get("v1", "ConfigMap", "default", "after-the-snapshot").isEmpty());
        assertEquals(KubernetesCluster.INITIAL_NAMESPACES, b.list("v1", "Namespace", null, null).stream()
                .map(n -> n.getMetadata().getName()).toList());
        GenericKubernetesResource next = b.create(Resources.generic("v1", "ConfigMap", "default", "new"));
        assertEquals(Long.toString(revision + 1), next.getMetadata().getResourceVersion());
    }

    @Test
    void aWatchCannotResumeFromBeforeTheRestoredRevision() {
        long before = source.revision();
        api.create(Resources.generic("v1", "ConfigMap", "default", "cfg"));
        KubernetesPort b = restoreAtB(save(etcd.port(source, "dc-a")), "k8s").port();
        WatchListener ignore = event -> { };
        assertThrows(ExpiredException.class, () -> b.watch("v1", "ConfigMap", "default", null,
                Long.toString(before), ignore));
    }

    @Test
    void aNamespaceTerminatingInTheSnapshotFinishesTerminatingAfterTheRestore() {
        api.create(Resources.generic("v1", "Namespace", null, "shop"));
        api.create(Resources.generic("v1", "ConfigMap", "shop", "cfg"));
        api.delete("v1", "Namespace", null, "shop");
        byte[] snapshot = save(etcd.port(source, "dc-a"));
        KubernetesPort b = restoreAtB(snapshot, "k8s").port();
        assertTrue(b.get("v1", "ConfigMap", "shop", "cfg").isPresent());
        world.advance(Namespaces.SYNC_DELAY.multipliedBy(3));
        assertTrue(b.get("v1", "Namespace", null, "shop").isEmpty());
    }

    @Test
    void theRestoredClusterMustKeepTheSourceHostnameAndMemberName() {
        byte[] snapshot = save(etcd.port(source, "dc-a"));
        etcd.port("dc-b").restore(new ByteArrayInputStream(snapshot), RestoreRequest.into(DATA_DIR));
        SimulationException renamed = assertThrows(SimulationException.class,
                () -> etcd.startCluster("k8s-new", "dc-b", DATA_DIR));
        assertTrue(renamed.getMessage().contains("hostnames must be the same"), renamed.getMessage());
        SimulationException member = assertThrows(SimulationException.class,
                () -> etcd.startCluster("k8s", "dc-b", DATA_DIR));
        assertTrue(member.getMessage().contains("restore with --name k8s"), member.getMessage());
    }

    @Test
    void aClusterStartsOnlyWhereItsDataDirWasRestored() {
        byte[] snapshot = save(etcd.port(source, "dc-a"));
        etcd.port("dc-b").restore(new ByteArrayInputStream(snapshot),
                RestoreRequest.into(DATA_DIR).member("k8s", "https://10.0.2.10:2380"));
        assertTrue(etcd.hasDataDir("dc-b", DATA_DIR));
        assertFalse(etcd.hasDataDir("dc-a", DATA_DIR));
        SimulationException e = assertThrows(SimulationException.class,
                () -> etcd.startCluster("k8s", "dc-a", DATA_DIR));
        assertTrue(e.getMessage().contains("no etcd data dir " + DATA_DIR + " at site dc-a"), e.getMessage());
    }

    @Test
    void statusAndRestoreNeedNoMemberButSaveNeedsARouteToIt() {
        byte[] snapshot = save(etcd.port(source, "dc-b"));
        world.network().siteDown("dc-a");
        UnreachableException e = assertThrows(UnreachableException.class, () -> save(etcd.port(source, "dc-b")));
        assertEquals("etcd/k8s", e.endpoint());
        assertThrows(UnreachableException.class, () -> save(etcd.port("dc-b")));
        EtcdPort offline = etcd.port("dc-b");
        assertEquals(source.revision(), offline.status(new ByteArrayInputStream(snapshot)).revision());
        assertEquals(source.revision(), restoreAtB(snapshot, "k8s").revision());
    }

    @Test
    void statusCountsTheStoredObjectsAndHashesTheDatabase() {
        SavedSnapshot first = etcd.port(source, "dc-a").save(new ByteArrayOutputStream());
        assertEquals(KubernetesCluster.INITIAL_NAMESPACES.size(), first.status().totalKeys());
        assertEquals(first.size(), first.status().totalSize() + EtcdSnapshotCodec.HASH_LENGTH);
        api.patch("v1", "Namespace", null, "default", "{\"metadata\":{\"labels\":{\"tier\":\"gold\"}}}");
        SavedSnapshot second = etcd.port(source, "dc-a").save(new ByteArrayOutputStream());
        assertEquals(first.status().totalKeys(), second.status().totalKeys(), "an update adds no object");
        assertEquals(first.revision() + 1, second.revision());
        assertNotEquals(first.hash(), second.hash());
    }

    @Test
    void aSnapshotWhoseDatabaseWasAlteredIsRefusedByRestoreWithTheHashes() {
        byte[] snapshot = save(etcd.port(source, "dc-a"));
        String text = new String(snapshot, java.nio.charset.StandardCharsets.ISO_8859_1);
        int at = text.indexOf("kube-public");
        snapshot[at] = 'K';   // still valid JSON: status reads it, as etcd's does, but the hash no longer matches
        EtcdPort port = etcd.port("dc-b");
        assertEquals(source.revision(), port.status(new ByteArrayInputStream(snapshot)).revision());
        EtcdException e = assertThrows(EtcdException.class, () -> port.restore(new ByteArrayInputStream(snapshot),
                RestoreRequest.into(DATA_DIR)));
        assertEquals(EtcdException.Reason.CORRUPT_SNAPSHOT, e.reason());
        assertTrue(e.getMessage().startsWith("expected sha256 "), e.getMessage());
        assertFalse(etcd.hasDataDir("dc-b", DATA_DIR), "nothing restored");
    }

    private static GenericKubernetesResource appVaultCrd() {
        GenericKubernetesResource crd = Resources.generic("apiextensions.k8s.io/v1", "CustomResourceDefinition", null,
                "appvaults.protect.trident.netapp.io");
        crd.setAdditionalProperty("spec", Map.of("group", "protect.trident.netapp.io", "scope", "Namespaced",
                "names", Map.of("kind", "AppVault", "plural", "appvaults"),
                "versions", List.of(Map.of("name", "v1", "served", true, "storage", true))));
        return crd;
    }
}
