package io.mirrordrill.scenario.source;

import static io.mirrordrill.scenario.source.SourceWorld.NS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.mirrordrill.engine.application.ApplicationResolver;
import io.mirrordrill.engine.model.Application;
import io.mirrordrill.engine.model.yaml.ProtectYaml;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What an Application resolves to on a cluster, and its status. */
class ApplicationTest {

    private static List<String> capture(SourceWorld w, String name) {
        Application app = (Application) ProtectYaml.fromGeneric(w.cluster.api().get("protect.trident.netapp.io/v1",
                "Application", NS, name).orElseThrow());
        return new ApplicationResolver(w.cluster.api()).resolve(app).describe().stream()
                .map(d -> d.replaceAll("pvc-[0-9a-f-]+", "pvc-*")).toList();
    }

    private static void extras(SourceWorld w) {
        String deploymentUid = w.cluster.get("apps/v1", "Deployment", NS, "web").orElseThrow().path("metadata")
                .path("uid").asText();
        w.cluster.apply("extras.yaml", """
                apiVersion: v1
                kind: Namespace
                metadata: {name: my-app-extra}
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: db-tuning, namespace: my-app-extra, labels: {tier: db}}
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: web-tuning, namespace: my-app-extra, labels: {tier: web}}
                ---
                apiVersion: v1
                kind: Event
                metadata: {name: web.1, namespace: my-app-namespace}
                reason: Scheduled
                ---
                apiVersion: apps/v1
                kind: ReplicaSet
                metadata:
                  name: web-5d8f
                  namespace: my-app-namespace
                  ownerReferences: [{apiVersion: apps/v1, kind: Deployment, name: web, uid: %s, controller: true}]
                spec: {replicas: 1}
                ---
                apiVersion: v1
                kind: Secret
                metadata: {name: vault-copy-creds, namespace: my-app-namespace}
                data: {accessKeyID: QUtTUkM=, secretAccessKey: c3JjLXNlY3JldC12YWx1ZQ==}
                ---
                apiVersion: protect.trident.netapp.io/v1
                kind: AppVault
                metadata: {name: vault-copy, namespace: my-app-namespace}
                spec:
                  providerType: GenericS3
                  providerConfig: {s3: {bucketName: src-bucket, endpoint: s3.east.example}}
                  providerCredentials:
                    accessKeyID: {valueFromSecret: {name: vault-copy-creds, key: accessKeyID}}
                    secretAccessKey: {valueFromSecret: {name: vault-copy-creds, key: secretAccessKey}}
                ---
                apiVersion: rbac.authorization.k8s.io/v1
                kind: ClusterRole
                metadata: {name: web-reader, labels: {app: web}}
                ---
                apiVersion: rbac.authorization.k8s.io/v1
                kind: ClusterRole
                metadata: {name: unrelated}
                """.formatted(deploymentUid), null);
    }

    @Test
    void aCaptureRunsTheFilterThenTheSelectorsAddsClusterScopedResourcesAndLeavesOutChildrenEventsAndVaultSecrets() {
        SourceWorld w = new SourceWorld(61);
        extras(w);
        w.hook("freeze", "Pre", "fsfreeze --freeze /data\n"); // ExecHooks travel with the application
        w.cluster.apply("app.yaml", """
                apiVersion: protect.trident.netapp.io/v1
                kind: Application
                metadata: {name: wide, namespace: my-app-namespace}
                spec:
                  includedNamespaces:
                  - namespace: my-app-namespace
                  - namespace: my-app-extra
                    labelSelector: {matchLabels: {tier: db}}
                  includedClusterScopedResources:
                  - groupVersionKind: {group: rbac.authorization.k8s.io, version: v1, kind: ClusterRole}
                    labelSelector: {matchLabels: {app: web}}
                  resourceFilter:
                    resourceSelectionCriteria: Exclude
                    resourceMatchers:
                    - {kind: Service}
                    - {kind: ConfigMap, namespaces: [my-app-extra], labelSelectors: ["tier=web"]}
                """, null);

        assertEquals(List.of("Deployment my-app-namespace/web", "ExecHook my-app-namespace/freeze",
                "ClusterRole web-reader", "ConfigMap my-app-extra/db-tuning", "ConfigMap my-app-namespace/settings",
                "PersistentVolume pvc-*", "PersistentVolume pvc-*", "PersistentVolumeClaim my-app-namespace/data",
                "PersistentVolumeClaim my-app-namespace/logs", "Secret my-app-namespace/db-password"),
                capture(w, "wide"), "no Service (excluded), no ReplicaSet or Pod (their Deployment is"
                        + " captured), no Event, no AppVault and not its Secret");
    }

    @Test
    void anApplicationWhoseSpecDoesNotBindFailsWithTheFieldAndKeepsWhatTheUserWrote() {
        SourceWorld w = new SourceWorld(65);
        w.cluster.apply("app.yaml", """
                apiVersion: protect.trident.netapp.io/v1
                kind: Application
                metadata: {name: typo, namespace: my-app-namespace}
                spec:
                  includedNamespaces: my-app-namespace
                """, null);
        w.world.advance(Duration.ofSeconds(5));
        JsonNode app = w.get("Application", "typo").orElseThrow();
        assertEquals("Failed", app.path("status").path("state").asText());
        assertEquals("InvalidSpec", app.path("status").path("conditions").get(0).path("reason").asText());
        assertEquals(app.path("status").path("error").asText(), app.path("status").path("conditions").get(0)
                .path("message").asText());
        assertTrue(app.path("status").path("error").asText().contains("includedNamespaces"),
                app.path("status").toString());
        assertEquals("my-app-namespace", app.path("spec").path("includedNamespaces").asText());
        String rv = app.path("metadata").path("resourceVersion").asText();
        w.world.advance(Duration.ofMinutes(10));
        assertEquals(rv, w.get("Application", "typo").orElseThrow().path("metadata").path("resourceVersion")
                .asText(), "no rewrite of the same failure");
    }

    @Test
    void anUnchangedApplicationOrCompletedSnapshotCostsNoWriteWhenRechecked() {
        SourceWorld w = new SourceWorld(64);
        w.snapshot("done", "Delete");
        w.await("Snapshot", "done", "Completed", Duration.ofMinutes(5));
        String app = w.get("Application", SourceWorld.APP).orElseThrow().path("metadata").path("resourceVersion")
                .asText();
        String snapshot = w.get("Snapshot", "done").orElseThrow().path("metadata").path("resourceVersion").asText();
        w.cluster.restartEngine(); // a new engine looks at everything again
        w.world.advance(Duration.ofMinutes(30)); // six rechecks
        assertEquals(app, w.get("Application", SourceWorld.APP).orElseThrow().path("metadata")
                .path("resourceVersion").asText());
        assertEquals(snapshot, w.get("Snapshot", "done").orElseThrow().path("metadata").path("resourceVersion")
                .asText());
    }

    @Test
    void anIncludeFilterKeepsWhatAnyMatcherMatchesWithEveryFieldOfAMatcherRequired() {
        SourceWorld w = new SourceWorld(62);
        w.cluster.apply("app.yaml", """
                apiVersion: protect.trident.netapp.io/v1
                kind: Application
                metadata: {name: narrow, namespace: my-app-namespace}
                spec:
                  includedNamespaces: [{namespace: my-app-namespace}]
                  resourceFilter:
                    resourceSelectionCriteria: Include
                    resourceMatchers:
                    - {group: apps, kind: Deployment}
                    - {kind: PersistentVolumeClaim, names: [data]}
                    - {kind: Secret, names: [db-password], labelSelectors: ["app=web"]}
                """, null);
        assertEquals(List.of("Deployment my-app-namespace/web", "PersistentVolume pvc-*",
                "PersistentVolumeClaim my-app-namespace/data"), capture(w, "narrow"),
                "the Secret has no app=web label; the claim brings its volume");
    }

    @Test
    void anApplicationNamingAMissingNamespaceAndAnUnservedKindFailsWithBothAndRecoversOnceTheNamespaceExists() {
        SourceWorld w = new SourceWorld(63);
        w.cluster.apply("app.yaml", """
                apiVersion: protect.trident.netapp.io/v1
                kind: Application
                metadata: {name: broken, namespace: my-app-namespace}
                spec:
                  includedNamespaces: [{namespace: my-app-namespace}, {namespace: later}]
                  includedClusterScopedResources:
                  - groupVersionKind: {group: example.com, version: v1, kind: Widget}
                """, null);
        w.world.advance(Duration.ofSeconds(5));
        JsonNode status = w.get("Application", "broken").orElseThrow().path("status");
        assertEquals("Failed", status.path("state").asText());
        assertEquals("spec.includedNamespaces[1].namespace: namespace later does not exist. Fix: create it (kubectl"
                + " create namespace later) or remove it from spec.includedNamespaces;"
                + " spec.includedClusterScopedResources[0].groupVersionKind: the cluster serves no Widget in"
                + " example.com/v1. Fix: correct group, version and kind, or install the CustomResourceDefinition",
                status.path("error").asText());
        assertEquals("NamespaceNotFound", status.path("conditions").get(0).path("reason").asText());
        assertEquals("Ready", w.get("Application", SourceWorld.APP).orElseThrow().path("status").path("state")
                .asText());

        w.cluster.namespace("later");
        w.cluster.apply("app.yaml", """
                apiVersion: protect.trident.netapp.io/v1
                kind: Application
                metadata: {name: broken, namespace: my-app-namespace}
                spec:
                  includedNamespaces: [{namespace: my-app-namespace}, {namespace: later}]
                """, null);
        w.world.advance(Duration.ofSeconds(5));
        status = w.get("Application", "broken").orElseThrow().path("status");
        assertEquals("Ready", status.path("state").asText());
        assertEquals("includes namespaces my-app-namespace, later",
                status.path("conditions").get(0).path("message").asText());
    }
}
