package io.mirrordrill.engine.restore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mirrordrill.engine.model.SourceDestination;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NamespaceMapTest {
    private static final String OWNER = "AppMirrorRelationship ns-2/amr";
    private static final NamespaceMap MAPPING = mapping(
            entry("ns-1", "ns-2"), entry("db", "db-dr"));

    /** The model's entry, as an AppMirrorRelationship or SnapshotRestore spec carries it. */
    private static SourceDestination entry(String source, String destination) {
        return new io.mirrordrill.engine.model.NamespaceMapping(source, destination);
    }

    private static NamespaceMap mapping(SourceDestination... entries) {
        return NamespaceMap.of(OWNER, List.of(entries));
    }

    private static List<String> problems(SourceDestination... entries) {
        return assertThrows(RestoreException.class, () -> mapping(entries)).problems().stream()
                .map(RestoreProblem::toString).toList();
    }

    @Test
    void aMappedNamespaceHasItsDestinationAndAnUnmappedOneHasNone() {
        assertEquals(Optional.of("ns-2"), MAPPING.destinationOf("ns-1"));
        assertEquals(Optional.empty(), MAPPING.destinationOf("ns-3"));
        assertEquals(List.of("db", "ns-1"), MAPPING.sources());
    }

    @Test
    void noEntriesMeanEveryNamespaceRestoresIntoItself() {
        var identity = NamespaceMap.of(OWNER, List.of());
        assertTrue(identity.isIdentity());
        assertEquals(Optional.of("anything"), identity.destinationOf("anything"));
        assertTrue(NamespaceMap.of(OWNER, null).isIdentity());
    }

    @Test
    void aSourceMappedTwiceIsRefusedNamingBothEntries() {
        assertEquals(List.of("AppMirrorRelationship ns-2/amr: spec.namespaceMapping[1].source: source namespace"
                + " \"ns-1\" is also in spec.namespaceMapping[0]. Fix: map each source namespace once"),
                problems(entry("ns-1", "ns-2"), entry("ns-1", "ns-3")));
    }

    @Test
    void twoSourcesOntoOneDestinationAreRefused() {
        assertEquals(List.of("AppMirrorRelationship ns-2/amr: spec.namespaceMapping[1].destination: destination"
                + " namespace \"ns-2\" is also in spec.namespaceMapping[0]. Fix: map each source namespace to its own"
                + " destination"), problems(entry("ns-1", "ns-2"), entry("ns-3", "ns-2")));
    }

    @Test
    void namesThatAreNotDnsLabelsAndMissingSidesAreAllReportedAtOnce() {
        List<String> problems = problems(entry("Ns_1", "ns-2"), entry(null, "ns-3"),
                entry("ns-4", "a".repeat(64)));
        assertEquals(3, problems.size());
        assertEquals("AppMirrorRelationship ns-2/amr: spec.namespaceMapping[0].source: \"Ns_1\" is not a valid"
                + " namespace name. Fix: " + Names.LABEL_FIX, problems.get(0));
        assertEquals("AppMirrorRelationship ns-2/amr: spec.namespaceMapping[1].source: is missing. Fix: set the"
                + " source namespace", problems.get(1));
        assertTrue(problems.get(2).startsWith("AppMirrorRelationship ns-2/amr: spec.namespaceMapping[2].destination:"
                + " \"aaaa"), problems.get(2));
    }

    @Test
    void anApplicationNamespaceWithoutAnEntryIsRefusedWithTheEntryToAdd() {
        RestoreException e = assertThrows(RestoreException.class,
                () -> MAPPING.requireMatches("my-app", List.of("ns-1", "db", "cache")));
        assertEquals("AppMirrorRelationship ns-2/amr: spec.namespaceMapping: namespace \"cache\" of Application"
                + " \"my-app\" is not mapped. Fix: add {source: cache, destination: <namespace on this cluster>} to"
                + " spec.namespaceMapping", e.getMessage());
    }

    @Test
    void aMappedNamespaceOutsideTheApplicationIsRefused() {
        RestoreException e = assertThrows(RestoreException.class,
                () -> MAPPING.requireMatches("my-app", List.of("ns-1")));
        assertEquals("AppMirrorRelationship ns-2/amr: spec.namespaceMapping: source namespace \"db\" is not a"
                + " namespace of Application \"my-app\". Fix: remove the entry, or add db to the Application's"
                + " spec.includedNamespaces", e.getMessage());
    }

    @Test
    void aMappingThatMatchesTheApplicationPasses() {
        MAPPING.requireMatches("my-app", List.of("db", "ns-1", "db"));
    }

    @Test
    void aNamespacedResourceMovesToItsDestinationNamespaceAndTheOriginalIsUntouched() {
        ObjectNode original = Yaml.object("{apiVersion: v1, kind: ConfigMap, metadata: {name: c, namespace: ns-1}}");
        List<String> decisions = new ArrayList<>();
        ObjectNode mapped = MAPPING.apply(original, decisions);
        assertEquals("ns-2", Trees.namespace(mapped));
        assertEquals("ns-1", Trees.namespace(original));
        assertEquals(List.of("metadata.namespace ns-1 -> ns-2"), decisions);
    }

    @Test
    void aResourceFromAnUnmappedNamespaceIsRefusedNamingResourceFieldAndFix() {
        ObjectNode secret = Yaml.object("{apiVersion: v1, kind: Secret, metadata: {name: s, namespace: other}}");
        RestoreException e = assertThrows(RestoreException.class, () -> MAPPING.apply(secret, new ArrayList<>()));
        assertEquals("Secret other/s: metadata.namespace: namespace \"other\" is not in spec.namespaceMapping of"
                + " AppMirrorRelationship ns-2/amr. Fix: add {source: other, destination: <namespace on this cluster>}"
                + " to spec.namespaceMapping, or leave the resource out of the Application", e.getMessage());
    }

    @Test
    void aPersistentVolumesClaimRefFollowsItsClaimsNamespace() {
        ObjectNode pv = MAPPING.apply(Yaml.object("""
                {apiVersion: v1, kind: PersistentVolume, metadata: {name: pv-1},
                 spec: {claimRef: {kind: PersistentVolumeClaim, namespace: ns-1, name: data}}}
                """), new ArrayList<>());
        assertEquals("ns-2", pv.at("/spec/claimRef/namespace").asText());
        assertEquals("", Trees.namespace(pv));
    }

    @Test
    void serviceAccountSubjectsOfRoleBindingsAndClusterRoleBindingsFollowTheirNamespace() {
        List<String> decisions = new ArrayList<>();
        ObjectNode binding = MAPPING.apply(Yaml.object("""
                apiVersion: rbac.authorization.k8s.io/v1
                kind: ClusterRoleBinding
                metadata: {name: reader}
                roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}
                subjects:
                - {kind: ServiceAccount, name: app, namespace: ns-1}
                - {kind: ServiceAccount, name: monitor, namespace: kube-system}
                - {kind: User, name: alice, apiGroup: rbac.authorization.k8s.io}
                """), decisions);
        assertEquals("ns-2", binding.at("/subjects/0/namespace").asText());
        assertEquals("kube-system", binding.at("/subjects/1/namespace").asText(), "outside the app: left alone");
        assertTrue(binding.at("/subjects/2/namespace").isMissingNode());
        assertEquals(List.of("subjects[0].namespace ns-1 -> ns-2"), decisions);

        ObjectNode roleBinding = MAPPING.apply(Yaml.object("""
                {apiVersion: rbac.authorization.k8s.io/v1, kind: RoleBinding, metadata: {name: rb, namespace: db},
                 subjects: [{kind: ServiceAccount, name: app, namespace: ns-1}]}
                """), new ArrayList<>());
        assertEquals("db-dr", Trees.namespace(roleBinding));
        assertEquals("ns-2", roleBinding.at("/subjects/0/namespace").asText());
    }

    @Test
    void volumeSnapshotContentsAndCrossNamespaceDataSourcesFollowTheirNamespace() {
        ObjectNode content = MAPPING.apply(Yaml.object("""
                {apiVersion: snapshot.storage.k8s.io/v1, kind: VolumeSnapshotContent, metadata: {name: snapcontent-1},
                 spec: {volumeSnapshotRef: {name: snap, namespace: ns-1}}}
                """), new ArrayList<>());
        assertEquals("ns-2", content.at("/spec/volumeSnapshotRef/namespace").asText());
        ObjectNode claim = MAPPING.apply(Yaml.object("""
                {apiVersion: v1, kind: PersistentVolumeClaim, metadata: {name: c, namespace: db},
                 spec: {dataSourceRef: {kind: VolumeSnapshot, apiGroup: snapshot.storage.k8s.io, name: s, namespace: ns-1}}}
                """), new ArrayList<>());
        assertEquals("ns-2", claim.at("/spec/dataSourceRef/namespace").asText());
    }

    @Test
    void networkPolicyNamespaceSelectorsOnTheNamespaceNameLabelFollowTheirNamespace() {
        List<String> decisions = new ArrayList<>();
        ObjectNode policy = MAPPING.apply(Yaml.object("""
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: allow, namespace: db}
                spec:
                  ingress:
                  - from:
                    - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: ns-1}}
                    - namespaceSelector:
                        matchExpressions:
                        - {key: kubernetes.io/metadata.name, operator: In, values: [ns-1, monitoring]}
                        - {key: team, operator: In, values: [ns-1]}
                  egress:
                  - to:
                    - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: db}}
                """), decisions);
        assertEquals("ns-2", policy.at("/spec/ingress/0/from/0/namespaceSelector/matchLabels")
                .get("kubernetes.io/metadata.name").asText());
        assertEquals("[\"ns-2\",\"monitoring\"]",
                policy.at("/spec/ingress/0/from/1/namespaceSelector/matchExpressions/0/values").toString());
        assertEquals("[\"ns-1\"]", policy.at("/spec/ingress/0/from/1/namespaceSelector/matchExpressions/1/values")
                .toString(), "other label keys are not namespace names");
        assertEquals("db-dr", policy.at("/spec/egress/0/to/0/namespaceSelector/matchLabels")
                .get("kubernetes.io/metadata.name").asText());
        assertEquals(List.of("metadata.namespace db -> db-dr",
                "spec.ingress[0].from[0].namespaceSelector.matchLabels[kubernetes.io/metadata.name] ns-1 -> ns-2",
                "spec.ingress[0].from[1].namespaceSelector.matchExpressions[0].values[0] ns-1 -> ns-2",
                "spec.egress[0].to[0].namespaceSelector.matchLabels[kubernetes.io/metadata.name] db -> db-dr"),
                decisions);
    }

    @Test
    void webhookAndConversionServicesFollowTheirNamespace() {
        ObjectNode webhook = MAPPING.apply(Yaml.object("""
                apiVersion: admissionregistration.k8s.io/v1
                kind: ValidatingWebhookConfiguration
                metadata: {name: check}
                webhooks:
                - name: check.example.com
                  clientConfig: {service: {name: hook, namespace: ns-1, path: /validate}}
                """), new ArrayList<>());
        assertEquals("ns-2", webhook.at("/webhooks/0/clientConfig/service/namespace").asText());
        ObjectNode crd = MAPPING.apply(Yaml.object("""
                apiVersion: apiextensions.k8s.io/v1
                kind: CustomResourceDefinition
                metadata: {name: widgets.example.com}
                spec:
                  conversion:
                    strategy: Webhook
                    webhook: {clientConfig: {service: {name: convert, namespace: db}}}
                """), new ArrayList<>());
        assertEquals("db-dr", crd.at("/spec/conversion/webhook/clientConfig/service/namespace").asText());
        ObjectNode apiService = MAPPING.apply(Yaml.object("""
                {apiVersion: apiregistration.k8s.io/v1, kind: APIService, metadata: {name: v1.metrics.example.com},
                 spec: {service: {name: metrics, namespace: ns-1}}}
                """), new ArrayList<>());
        assertEquals("ns-2", apiService.at("/spec/service/namespace").asText());
    }
}
