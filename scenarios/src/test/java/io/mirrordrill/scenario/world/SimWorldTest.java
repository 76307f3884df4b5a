package io.mirrordrill.scenario.world;

import io.mirrordrill.port.ontap.SvmPeerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import io.mirrordrill.engine.EngineSettings;

import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SimWorldTest {

    static SimWorld twoSites(long seed) {
        SimWorld w = new SimWorld(seed)
                .site("east").site("west").link("east", "west", Duration.ofMillis(10), 100_000_000L)
                .ontapCluster("ontap-east", "east").svm("ontap-east", "svm-east")
                .ontapCluster("ontap-west", "west").svm("ontap-west", "svm-west")
                .objectStore("s3.east.example", "east", "src-bucket", "AKSRC", "src-secret-value")
                .objectStore("s3.west.example", "west", "dst-bucket", "AKDST", "dst-secret-value");
        w.peer("ontap-west", "svm-west", "ontap-east", "svm-east");
        w.kubernetes("k8s-east", "east").backend("nas-east", "ontap-east", "svm-east")
                .storageClass("sc-east", "nas-east", true);
        w.kubernetes("k8s-west", "west").backend("nas-west", "ontap-west", "svm-west")
                .storageClass("sc-vsim-2", "nas-west", true);
        return w;
    }

    @Test
    void aTwoSiteEstateComesUpPeeredWithTridentAndTheProtectCrds() {
        SimWorld w = twoSites(1);
        var peers = w.ontap().port("ontap-west", "west").svmPeers();
        assertEquals("peered", peers.stream().filter(p -> p.peerSvm().equals("svm-east")).findFirst()
                .map(SvmPeerRecord::state).orElseThrow());
        SimCluster west = w.cluster("k8s-west");
        assertTrue(west.api().resolve("protect.trident.netapp.io/v1", "AppMirrorRelationship").namespaced());
        assertTrue(west.get("storage.k8s.io/v1", "StorageClass", null, "sc-vsim-2").isPresent());
        assertTrue(w.store("s3.east.example").port("east").bucketExists("src-bucket"));
    }

    @Test
    void applyCreatesThenReplacesLikeKubectl() {
        SimCluster east = twoSites(2).cluster("k8s-east").namespace("my-app-namespace");
        east.apply("cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {a: '1'}\n",
                "my-app-namespace");
        east.apply("cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {b: '2'}\n",
                "my-app-namespace");
        var cm = east.get("v1", "ConfigMap", "my-app-namespace", "c").orElseThrow();
        assertEquals("{\"b\":\"2\"}", cm.path("data").toString());
    }

    @Test
    void theSameSeedBuildsTheSameWorld() {
        assertEquals(twoSites(3).world().trace().hash(), twoSites(3).world().trace().hash());
        assertNotEquals(twoSites(3).world().trace().hash(), twoSites(4).world().trace().hash(), "the seed matters");
    }

    @Test
    void aClusterWithoutAnEngineLeavesItsProtectResourcesToAControllerFromOutside() {
        SimWorld w = twoSites(4);
        SimCluster north = w.kubernetes("k8s-north", "west", EngineSettings.DEFAULT, UnaryOperator.identity(), false);
        north.apply("secret.yaml", "apiVersion: v1\nkind: Secret\nmetadata: {name: s3-secret}\n"
                + "stringData: {accessKeyID: AKDST, secretAccessKey: dst-secret-value}\n", "default");
        north.apply("vault.yaml", """
                apiVersion: protect.trident.netapp.io/v1
                kind: AppVault
                metadata: {name: vault}
                spec:
                  providerType: generic-s3
                  providerConfig: {s3: {bucketName: dst-bucket, endpoint: s3.west.example, secure: "false"}}
                  providerCredentials:
                    accessKeyID: {valueFromSecret: {key: accessKeyID, name: s3-secret}}
                    secretAccessKey: {valueFromSecret: {key: secretAccessKey, name: s3-secret}}
                """, "default");
        w.advance(Duration.ofMinutes(5));

        assertFalse(north.engine().isRunning());
        assertTrue(north.get("protect.trident.netapp.io/v1", "AppVault", "default", "vault").orElseThrow()
                .path("status").isMissingNode(), "nothing reconciled the AppVault");
        assertTrue(w.cluster("k8s-west").engine().isRunning(), "the other clusters keep theirs");
        north.restartEngine();
        w.advance(Duration.ofMinutes(1));
        assertEquals("Available", north.get("protect.trident.netapp.io/v1", "AppVault", "default", "vault")
                .orElseThrow().path("status").path("state").asText());
    }
}
