package io.mirrordrill.engine.controller;

import com.fasterxml.jackson.databind.JsonNode;
import io.mirrordrill.engine.model.ProtectResource;
import io.mirrordrill.engine.model.yaml.ProtectYaml;
import io.mirrordrill.port.kubernetes.Resources;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class StatusPatchTest {
    private static final String RESOURCES = """
            apiVersion: protect.trident.netapp.io/v1
            kind: AppMirrorRelationship
            metadata: {name: amr, namespace: apps, generation: 7}
            spec:
              desiredState: Established
              sourceAppVaultRef: src
              destinationAppVaultRef: dst
              sourceApplicationName: app
              sourceApplicationUID: 0c3c5c2e-0000-4000-8000-000000000001
              storageClassName: sc
              namespaceMapping: [{source: a, destination: b}]
            status:
              state: Established
              destinationApplicationRef: app
              destinationNamespaces: [b]
              lastTransferredSnapshot: s-1
              lastTransfer: {completionTimestamp: "2024-01-01T00:05:00Z", transferSizeBytes: 6000000000}
              conditions:
              - {type: Ready, status: "True", reason: Done, message: ok, lastTransitionTime: "2024-01-01T00:00:00Z",
                 observedGeneration: 7}
              extra: {small: 3, big: 5000000000, ratio: 0.25, flag: true, none: null, list: [1, "x", {a: 2}]}
            ---
            apiVersion: protect.trident.netapp.io/v1
            kind: Snapshot
            metadata: {name: s, namespace: apps}
            spec: {applicationRef: app, appVaultRef: v}
            status: {state: Completed, appArchivePath: p/q, conditions: [], count: 2}
            ---
            apiVersion: protect.trident.netapp.io/v1
            kind: Application
            metadata: {name: app, namespace: apps}
            spec: {includedNamespaces: [{namespace: apps}]}
            """;

    @Test
    void the_status_tree_is_the_one_a_round_trip_through_a_generic_resource_gives() {
        List<ProtectResource<?, ?>> resources = ProtectYaml.readAll("test.yaml", RESOURCES);
        for (ProtectResource<?, ?> r : resources) {
            JsonNode viaGeneric = Resources.mapper().valueToTree(Resources.mapper().convertValue(Resources.mapper()
                    .valueToTree(ProtectYaml.toGeneric(r).getAdditionalProperties().get("status")), Object.class));
            assertEquals(viaGeneric, StatusPatch.statusTree(r), r.kind());
        }
    }

    @Test
    void the_stored_status_walked_directly_is_the_tree_jackson_gives() {
        for (ProtectResource<?, ?> r : ProtectYaml.readAll("test.yaml", RESOURCES)) {
            Object plain = ProtectYaml.toGeneric(r).getAdditionalProperties().get("status");
            assertEquals(Resources.mapper().valueToTree(plain), Resources.valueTree(plain), r.kind());
        }
    }
}
