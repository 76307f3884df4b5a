package io.mirrordrill.engine.snapshot;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.mirrordrill.engine.archive.StagedCapture;
import io.mirrordrill.port.kubernetes.Resources;

import java.util.List;

/** The PersistentVolumeClaims among captured resources, as JSON trees, in the capture's order. */
final class Claims {
    static final String TRIDENT_DRIVER = "csi.trident.netapp.io";

    private Claims() {}

    static List<JsonNode> of(StagedCapture capture) {
        return capture.resources().stream().filter(Claims::isClaim).map(r -> (JsonNode) Resources.toTree(r)).toList();
    }

    /**
     * The captured claims that were Bound when captured: the ones whose volumes are snapshotted and go into the
     * archive's volume map. A Pending or Lost claim has no volume to snapshot; since 25.06 Trident protect's
     * replication leaves such claims out rather than failing, and the AMR names them.
     */
    static List<JsonNode> bound(StagedCapture capture) {
        return of(capture).stream().filter(Claims::isBound).toList();
    }

    /** A claim's phase as the API server shows it; a claim without a status is Pending. */
    static boolean isBound(JsonNode claim) {
        return "Bound".equals(claim.path("status").path("phase").asText("Pending"));
    }

    static boolean isClaim(GenericKubernetesResource r) {
        return "v1".equals(r.getApiVersion()) && "PersistentVolumeClaim".equals(r.getKind());
    }

    static String name(JsonNode claim) {
        return claim.path("metadata").path("name").asText();
    }

    static String namespace(JsonNode claim) {
        return claim.path("metadata").path("namespace").asText();
    }

    static String uid(JsonNode claim) {
        return claim.path("metadata").path("uid").asText();
    }

    static String describe(JsonNode claim) {
        return namespace(claim) + "/" + name(claim);
    }
}
