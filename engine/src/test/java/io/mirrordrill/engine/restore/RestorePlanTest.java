package io.mirrordrill.engine.restore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mirrordrill.engine.model.AppMirrorRelationship;
import io.mirrordrill.engine.model.AppMirrorRelationshipSpec;
import io.mirrordrill.engine.model.NamespaceMapping;
import io.mirrordrill.engine.model.Seeds;
import io.mirrordrill.engine.model.SnapshotRestore;
import io.mirrordrill.engine.model.StorageClassMapping;
import io.mirrordrill.engine.model.yaml.ProtectYaml;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class RestorePlanTest {
    private static final NamespaceMetadataMerge NO_SKIPS = new NamespaceMetadataMerge(SkipList.NONE, SkipList.NONE);
    private static final String ARCHIVE = "20240101120000_snap-1_6f4c3b1e-0000-4000-8000-000000000001";

    /** An application in ns-1 as a snapshot captures it, from the source cluster. */
    private static List<ObjectNode> archive() {
        return Stream.of("""
                {apiVersion: v1, kind: Namespace, metadata: {name: ns-1, uid: n1,
                 labels: {environment: production, compliance: hipaa, name: ns-1},
                 annotations: {annotation.one/key: updatedvalue, annotation.two/key: "true"}}, status: {phase: Active}}
                """, """
                {apiVersion: apps/v1, kind: Deployment, metadata: {name: web, namespace: ns-1, uid: d1, generation: 4,
                 labels: {app: web}}, spec: {replicas: 3, selector: {matchLabels: {app: web}}},
                 status: {readyReplicas: 3}}
                """, """
                {apiVersion: apps/v1, kind: ReplicaSet, metadata: {name: web-5d8, namespace: ns-1, ownerReferences:
                 [{apiVersion: apps/v1, kind: Deployment, name: web, uid: d1, controller: true}]}}
                """, """
                {apiVersion: v1, kind: Pod, metadata: {name: web-5d8-x1, namespace: ns-1, ownerReferences:
                 [{apiVersion: apps/v1, kind: ReplicaSet, name: web-5d8, uid: r1, controller: true}]},
                 spec: {nodeName: node-1}}
                """, """
                {apiVersion: v1, kind: PersistentVolumeClaim, metadata: {name: data, namespace: ns-1, annotations:
                 {pv.kubernetes.io/bind-completed: "yes"}}, spec: {storageClassName: gold, volumeName: pvc-1}}
                """, """
                {apiVersion: v1, kind: PersistentVolume, metadata: {name: pvc-1}, spec: {storageClassName: gold,
                 claimRef: {namespace: ns-1, name: data, uid: c1}, csi: {driver: csi.trident.netapp.io}}}
                """, """
                {apiVersion: v1, kind: Service, metadata: {name: web, namespace: ns-1},
                 spec: {clusterIP: 10.0.0.5, clusterIPs: [10.0.0.5], ports: [{port: 80}]}}
                """, """
                {apiVersion: v1, kind: ConfigMap, metadata: {name: settings, namespace: ns-1}, data: {mode: dr}}
                """, """
                {apiVersion: v1, kind: Secret, metadata: {name: creds, namespace: ns-1}, data: {password: c2VjcmV0}}
                """, """
                {apiVersion: v1, kind: ServiceAccount, metadata: {name: app, namespace: ns-1}}
                """, """
                {apiVersion: rbac.authorization.k8s.io/v1, kind: RoleBinding, metadata: {name: app, namespace: ns-1},
                 roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: app},
                 subjects: [{kind: ServiceAccount, name: app, namespace: ns-1}]}
                """).map(Yaml::object).collect(Collectors.toList());
    }

    private static final NamespaceMetadata DESTINATION_NS2 = NamespaceMetadata.of("ns-2", Map.of("role", "database"),
            Map.of("annotation.one/key", "true", "annotation.three/key", "false"));

    private static AppMirrorRelationship amr(String transformations) {
        return (AppMirrorRelationship) ProtectYaml.readAll("amr.yaml", """
                apiVersion: protect.trident.netapp.io/v1
                kind: AppMirrorRelationship
                metadata: {name: amr-1, namespace: ns-2}
                spec:
                  desiredState: Promoted
                  sourceAppVaultRef: src
                  destinationAppVaultRef: dst
                  sourceApplicationName: my-app
                  namespaceMapping: [{source: ns-1, destination: ns-2}]
                  storageClassName: sc-vsim-2
                  storageClassMapping: [{source: gold, destination: fast}]
                  transformations:
                """ + transformations.indent(4)).get(0);
    }

    private static final String REPLICAS_TO_ONE =
            "- {resource: {group: apps, kind: Deployment},\n   operations: [{op: replace, path: /spec/replicas, value: 1}]}";

    private static RestorePlan failover(List<ObjectNode> resources, String transformations) {
        return RestorePlan.of(RestoreInput.failover(amr(transformations), ARCHIVE, resources, List.of(),
                List.of(DESTINATION_NS2), "standard", NO_SKIPS));
    }

    private static ObjectNode find(RestorePlan plan, String kind, String name) {
        return plan.resources().stream().filter(r -> Trees.kind(r).equals(kind) && Trees.name(r).equals(name))
                .findFirst().orElseThrow();
    }

    @Test
    void aFailoverPlanListsTheResourcesToCreateInRestoreOrder() {
        RestorePlan plan = failover(archive(), REPLICAS_TO_ONE);
        assertEquals(List.of("Namespace ns-2", "PersistentVolumeClaim ns-2/data", "Secret ns-2/creds",
                "ConfigMap ns-2/settings", "ServiceAccount ns-2/app", "Service ns-2/web", "Deployment ns-2/web",
                "RoleBinding ns-2/app"), plan.resources().stream().map(Trees::describe).toList());
    }

    @Test
    void aFailoverPlanMergesTheDestinationNamespaceAsTheSeedsTable() {
        RestorePlan plan = failover(archive(), REPLICAS_TO_ONE);
        MergedNamespace ns2 = plan.namespaces().get(0);
        assertTrue(ns2.existed());
        assertEquals(Map.of("name", "ns-2", "compliance", "hipaa", "environment", "production", "role", "database"),
                ns2.result().labels());
        assertEquals(Map.of("annotation.one/key", "updatedvalue", "annotation.two/key", "true",
                "annotation.three/key", "false"), ns2.result().annotations());
        assertEquals(ns2.toResource(), find(plan, "Namespace", "ns-2"));
    }

    @Test
    void aFailoverPlanSaysWhatItDecidedForEveryNamespaceKeyAndResource() {
        assertEquals(List.of(
                "Namespace ns-2: annotation annotation.one/key: overwritten \"true\" -> \"updatedvalue\"",
                "Namespace ns-2: annotation annotation.three/key: kept \"false\"",
                "Namespace ns-2: annotation annotation.two/key: added \"true\"",
                "Namespace ns-2: label compliance: added \"hipaa\"",
                "Namespace ns-2: label environment: added \"production\"",
                "Namespace ns-2: label name: renamed \"ns-1\" -> \"ns-2\"",
                "Namespace ns-2: label role: kept \"database\"",
                "PersistentVolume pvc-1: left out: points at the source's volume; the destination binds its claim to"
                        + " its own volume",
                "PersistentVolumeClaim ns-2/data: spec.volumeName pvc-1 cleared: the claim binds to a volume of the"
                        + " destination",
                "PersistentVolumeClaim ns-2/data: metadata.namespace ns-1 -> ns-2",
                "PersistentVolumeClaim ns-2/data: spec.storageClassName gold -> fast (storageClassMapping)",
                "Secret ns-2/creds: metadata.namespace ns-1 -> ns-2",
                "ConfigMap ns-2/settings: metadata.namespace ns-1 -> ns-2",
                "ServiceAccount ns-2/app: metadata.namespace ns-1 -> ns-2",
                "Pod ns-1/web-5d8-x1: left out: owned by ReplicaSet web-5d8, which recreates it",
                "ReplicaSet ns-1/web-5d8: left out: owned by Deployment web, which recreates it",
                "Service ns-2/web: spec.clusterIP 10.0.0.5 cleared: the destination allocates its own",
                "Service ns-2/web: metadata.namespace ns-1 -> ns-2",
                "Deployment ns-2/web: metadata.namespace ns-1 -> ns-2",
                "Deployment ns-2/web: spec.transformations[0] applied",
                "RoleBinding ns-2/app: metadata.namespace ns-1 -> ns-2",
                "RoleBinding ns-2/app: subjects[0].namespace ns-1 -> ns-2"), failover(archive(), REPLICAS_TO_ONE)
                        .decisions());
    }

    @Test
    void restoredResourcesAreCleanedMappedLabelledAndTransformed() {
        RestorePlan plan = failover(archive(), REPLICAS_TO_ONE);
        assertEquals(Yaml.object("""
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: web
                  namespace: ns-2
                  labels: {app: web, protect.trident.netapp.io/restore-name: amr-1,
                    protect.trident.netapp.io/restore-archive: 20240101120000_snap-1_6f4c3b1e-0000-4000-8000-000000000001}
                spec: {replicas: 1, selector: {matchLabels: {app: web}}}
                """), find(plan, "Deployment", "web"));
        ObjectNode claim = find(plan, "PersistentVolumeClaim", "data");
        assertEquals(Yaml.node("{storageClassName: fast}"), claim.get("spec"));
        assertFalse(claim.get("metadata").has("annotations"));
    }

    @Test
    void theSameArchiveInAnyOrderGivesTheSamePlan() {
        RestorePlan expected = failover(archive(), REPLICAS_TO_ONE);
        Random random = new Random(7);
        for (int i = 0; i < 10; i++) {
            List<ObjectNode> shuffled = archive();
            Collections.shuffle(shuffled, random);
            RestorePlan plan = failover(shuffled, REPLICAS_TO_ONE);
            assertEquals(expected, plan);
            assertEquals(expected.resources().toString(), plan.resources().toString(), "byte for byte");
        }
    }

    @Test
    void aFailoverSendsAClaimTheMappingMissesToTheDefaultClassNotToStorageClassNameAndSaysWhy() {
        List<ObjectNode> resources = archive();
        resources.add(Yaml.object("{apiVersion: v1, kind: PersistentVolumeClaim, metadata: {name: logs, namespace:"
                + " ns-1}, spec: {accessModes: [ReadWriteOnce], storageClassName: silver}}"));
        RestorePlan plan = failover(resources, REPLICAS_TO_ONE);
        assertEquals("fast", find(plan, "PersistentVolumeClaim", "data").at("/spec/storageClassName").asText());
        assertEquals("standard", find(plan, "PersistentVolumeClaim", "logs").at("/spec/storageClassName").asText());
        assertTrue(plan.decisions().contains("PersistentVolumeClaim ns-2/logs: spec.storageClassName silver ->"
                + " standard (cluster default: no storageClassMapping entry, storageClassName ignored)"),
                String.join("\n", plan.decisions()));
    }

    @Test
    void planningLeavesTheCapturedResourcesUntouched() {
        List<ObjectNode> captured = archive();
        failover(captured, REPLICAS_TO_ONE);
        assertEquals(archive(), captured);
    }

    @Test
    void everyProblemOfEveryResourceIsReportedAndNothingIsPlanned() {
        List<ObjectNode> resources = archive();
        resources.add(Yaml.object("{apiVersion: v1, kind: ConfigMap, metadata: {name: stray, namespace: other}}"));
        resources.add(Yaml.object("{apiVersion: v1, kind: Secret, metadata: {namespace: ns-1}}"));
        RestoreException e = assertThrows(RestoreException.class, () -> failover(resources,
                REPLICAS_TO_ONE + "\n- {resource: {kind: ConfigMap}, operations: [{op: remove, path: /data/tier}]}"));
        assertEquals(List.of(
                "captured resource #12: metadata.name: is missing. Fix: the archive is damaged: restore from another"
                        + " snapshot",
                "ConfigMap ns-2/settings: spec.transformations[1].operations[0] (remove /data/tier): path /data/tier"
                        + " does not exist (nothing at /data/tier). Fix: restrict the operation to resources that"
                        + " have it",
                "ConfigMap other/stray: metadata.namespace: namespace \"other\" is not in spec.namespaceMapping of"
                        + " AppMirrorRelationship ns-2/amr-1. Fix: add {source: other, destination: <namespace on this"
                        + " cluster>} to spec.namespaceMapping, or leave the resource out of the Application"),
                e.problems().stream().map(RestoreProblem::toString).toList());
    }

    @Test
    void problemsInTheRelationshipsSpecAreReportedTogether() {
        AppMirrorRelationship amr = amr("- {resource: {kind: Deployment}, operations: [{op: nope, path: /a}]}");
        AppMirrorRelationshipSpec spec = new AppMirrorRelationshipSpec("Promoted", "s", "d", "app", null,
                List.of(new NamespaceMapping("ns-1", "ns-2"), new NamespaceMapping("ns-3", "ns-2")), "Bad Class",
                List.of(new StorageClassMapping("gold", "fast")), null, null, amr.spec().transformations(), null);
        RestoreException e = assertThrows(RestoreException.class, () -> RestoreInput.failover(amr.withSpec(spec),
                ARCHIVE, archive(), List.of(), List.of(), null, NO_SKIPS));
        assertEquals(List.of("spec.namespaceMapping[1].destination", "spec.storageClassName",
                "spec.transformations[0].operations[0].op"),
                e.problems().stream().map(RestoreProblem::field).toList());
    }

    @Test
    void aRelationshipWithoutSpecIsRefusedBeforeAnythingIsPlanned() {
        RestoreException e = assertThrows(RestoreException.class, () -> RestoreInput.failover(amr("").withSpec(null),
                ARCHIVE, archive(), List.of(), List.of(), null, NO_SKIPS));
        assertEquals("AppMirrorRelationship ns-2/amr-1: spec: is missing. Fix: validate the resource before restoring:"
                + " it needs a spec", e.getMessage());
    }

    @Test
    void aSourceNamespaceWithoutCapturedMetadataIsAnError() {
        List<ObjectNode> resources = archive();
        resources.remove(0);
        RestoreException e = assertThrows(RestoreException.class, () -> failover(resources, REPLICAS_TO_ONE));
        assertEquals("AppMirrorRelationship ns-2/amr-1: source namespace \"ns-1\": the archive holds no labels and"
                + " annotations for it. Fix: restore from a snapshot that captured namespace ns-1, or pass its"
                + " metadata", e.getMessage());
    }

    @Test
    void sourceNamespaceMetadataPassedInTakesThePlaceOfTheCapturedNamespace() {
        List<ObjectNode> resources = archive();
        resources.remove(0);
        RestorePlan plan = RestorePlan.of(RestoreInput.failover(amr(""), ARCHIVE, resources,
                List.of(NamespaceMetadata.of("ns-1", Map.of("tier", "gold"), Map.of())), List.of(), "standard",
                NO_SKIPS));
        assertEquals(Map.of("tier", "gold"), plan.namespaces().get(0).result().labels());
        assertFalse(plan.namespaces().get(0).existed());
    }

    @Test
    void aCapturedNamespaceOutsideTheMappingIsAnError() {
        List<ObjectNode> resources = archive();
        resources.add(Yaml.object("{apiVersion: v1, kind: Namespace, metadata: {name: extra}}"));
        RestoreException e = assertThrows(RestoreException.class, () -> failover(resources, ""));
        assertEquals("Namespace extra", e.problems().get(0).subject());
    }

    @Test
    void theSkipListsOfTheControllerApplyToTheMergedNamespace() {
        NamespaceMetadataMerge merge = NamespaceMetadataMerge.fromEnvironment(Map.of(
                "RESTORE_SKIP_NAMESPACE_ANNOTATIONS", "annotation.one/key"));
        RestorePlan plan = RestorePlan.of(RestoreInput.failover(amr(""), ARCHIVE, archive(), List.of(),
                List.of(DESTINATION_NS2), null, merge));
        assertEquals("true", plan.namespaces().get(0).result().annotations().get("annotation.one/key"));
    }

    @Test
    void aSnapshotRestoreWithoutMappingRestoresIntoTheSameNamespacesAndCreatesThem() {
        SnapshotRestore restore = (SnapshotRestore) ProtectYaml.readAll("r.yaml", """
                apiVersion: protect.trident.netapp.io/v1
                kind: SnapshotRestore
                metadata: {name: restore-1, namespace: ns-1}
                spec:
                  appArchivePath: my-app_7498d32c/snapshots/20240101120000_snap-1_uid
                  appVaultRef: vault
                """).get(0);
        RestorePlan plan = RestorePlan.of(RestoreInput.snapshotRestore(restore, archive(), List.of(), List.of(),
                "standard", NO_SKIPS));
        MergedNamespace ns1 = plan.namespaces().get(0);
        assertEquals("ns-1", ns1.destination());
        assertFalse(ns1.existed());
        assertEquals("ns-1", ns1.result().labels().get("name"));
        ObjectNode claim = find(plan, "PersistentVolumeClaim", "data");
        assertEquals("ns-1", Trees.namespace(claim));
        assertEquals("standard", claim.at("/spec/storageClassName").asText(), "no mapping: the cluster default");
        assertEquals("20240101120000_snap-1_uid", claim.at("/metadata/labels")
                .get("protect.trident.netapp.io/restore-archive").asText());
    }

    @Test
    void restoringPersistentVolumesKeepsClaimsBoundToThemInTheirNewNamespace() {
        AppMirrorRelationship amr = amr("");
        RestoreInput failover = RestoreInput.failover(amr, ARCHIVE, archive(), List.of(), List.of(), null, NO_SKIPS);
        RestorePlan plan = RestorePlan.of(new RestoreInput(failover.owner(), null, null, archive(), List.of(),
                List.of(), failover.namespaceMapping(), failover.storageClasses(), failover.transformations(),
                NO_SKIPS, PersistentVolumes.RESTORE));
        ObjectNode pv = find(plan, "PersistentVolume", "pvc-1");
        assertEquals(Yaml.node("{namespace: ns-2, name: data}"), pv.at("/spec/claimRef"));
        assertEquals("fast", pv.at("/spec/storageClassName").asText());
        assertEquals("pvc-1", find(plan, "PersistentVolumeClaim", "data").at("/spec/volumeName").asText());
        assertTrue(find(plan, "ConfigMap", "settings").at("/metadata/labels").isMissingNode(), "no restore name given");
    }

    @Test
    void twoCapturedCopiesOfOneResourceAreAnError() {
        List<ObjectNode> resources = archive();
        resources.add(Yaml.object("{apiVersion: v1, kind: ConfigMap, metadata: {name: settings, namespace: ns-1}}"));
        RestoreException e = assertThrows(RestoreException.class, () -> failover(resources, ""));
        assertEquals("ConfigMap ns-2/settings: metadata.name: would be restored twice (from captured ConfigMap"
                + " ns-1/settings and ConfigMap ns-1/settings). Fix: keep one of them in the archive, or change the"
                + " mapping or transformation that makes them collide", e.getMessage());
    }

    @Test
    void aNamespaceCapturedTwiceIsAnErrorRatherThanWhicheverComesLast() {
        List<ObjectNode> resources = archive();
        resources.add(Yaml.object("{apiVersion: v1, kind: Namespace, metadata: {name: ns-1, labels: {other: x}}}"));
        RestoreException e = assertThrows(RestoreException.class, () -> failover(resources, ""));
        assertEquals("Namespace ns-1: metadata.name: is captured twice. Fix: the archive is damaged: restore from"
                + " another snapshot", e.getMessage());
    }

    @Test
    void theSeedsRelationshipPlansAFailoverIntoTheSameNamespaceOnItsStorageClass() {
        AppMirrorRelationship seed = (AppMirrorRelationship) ProtectYaml.readAll(Seeds.RELATIONSHIP,
                Seeds.text(Seeds.RELATIONSHIP)).get(0);
        List<ObjectNode> resources = List.of(
                Yaml.object("{apiVersion: v1, kind: Namespace, metadata: {name: my-app-namespace}}"),
                Yaml.object("{apiVersion: v1, kind: PersistentVolumeClaim, metadata: {name: data, namespace:"
                        + " my-app-namespace}, spec: {storageClassName: sc-vsim-1}}"));
        RestorePlan plan = RestorePlan.of(RestoreInput.failover(seed, ARCHIVE, resources, List.of(),
                List.of(NamespaceMetadata.empty("my-app-namespace")), null, NO_SKIPS));
        assertEquals("sc-vsim-2", find(plan, "PersistentVolumeClaim", "data").at("/spec/storageClassName").asText());
        assertEquals(List.of("PersistentVolumeClaim my-app-namespace/data: spec.storageClassName sc-vsim-1 ->"
                + " sc-vsim-2 (storageClassName)"), plan.decisions());
        assertEquals("amr-16061e80-1b05-4e80-9d26-d326dc1953d8", find(plan, "PersistentVolumeClaim", "data")
                .at("/metadata/labels").get(RestoreLabels.RESTORE_NAME).asText());
    }

    @Test
    void theReportIsTheDecisionsOneALine() {
        RestorePlan plan = failover(archive(), REPLICAS_TO_ONE);
        assertEquals(String.join("\n", plan.decisions()), plan.report());
        assertFalse(plan.report().contains("c2VjcmV0"), "no secret value in a report");
    }
}
