package io.mirrordrill.engine.amr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mirrordrill.engine.archive.Archive;
import io.mirrordrill.engine.archive.VolumeSnapshotEntry;
import io.fabric8.kubernetes.api.model.Quantity;
import io.mirrordrill.port.kubernetes.KubernetesException;
import io.mirrordrill.port.kubernetes.KubernetesPort;
import io.mirrordrill.port.kubernetes.LabelSelector;
import io.mirrordrill.port.kubernetes.Resources;
import io.mirrordrill.engine.restore.NamespaceMap;
import io.mirrordrill.engine.restore.StorageClassMapping;
import io.mirrordrill.engine.trident.MirrorEndpoint;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The destination's claims for an archive's volumes: one PVC per source PVC, same name, mapped namespace, annotated
 * so Trident makes it a DP volume on the storage class's SVM; and the ONTAP endpoints on both sides of each.
 */
final class Claims {
    static final String MIRROR_ANNOTATION = "trident.netapp.io/mirrorRelationship";
    private static final String TRIDENT_API = "trident.netapp.io/v1";

    /** One replicated volume: the archive's entry, its destination claim, and both ends once known. */
    record Pair(VolumeSnapshotEntry entry, String namespace, MirrorEndpoint remote) {
        String describe() {
            return namespace + "/" + entry.pvcName();
        }
    }

    private final KubernetesPort kube;

    Claims(KubernetesPort kube) {
        this.kube = kube;
    }

    /**
     * The archive's volumes that replicate: those whose namespace {@code spec.namespaceMapping} maps. A volume in an
     * unmapped namespace is left out (not an error: {@link References} reports it as NamespaceNotMapped while the
     * mapped ones go on replicating); an archive none of whose volumes is mapped is a permanent problem, since
     * nothing of it can be replicated.
     */
    List<Pair> pairs(Archive archive, NamespaceMap mapping) {
        List<Pair> pairs = new ArrayList<>();
        for (VolumeSnapshotEntry e : archive.content().volumes()) {
            mapping.destinationOf(e.namespace()).ifPresent(ns -> pairs.add(new Pair(e, ns,
                    new MirrorEndpoint(e.managementLif(), e.svm(), e.internalVolumeName()))));
        }
        if (pairs.isEmpty() && !archive.content().volumes().isEmpty()) {
            throw notMapped(archive.content().volumes(), true, true);
        }
        return pairs;
    }

    /**
     * The archive's claims that have no volume in it, "namespace/name (phase)" in the archive's order: claims not
     * Bound when the snapshot was taken (Pending, Lost). Since 25.06 the AMR replicates only Bound volumes and goes
     * on without the others.
     */
    static List<String> notReplicated(Archive archive) {
        List<String> out = new ArrayList<>();
        for (JsonNode r : archive.content().resourceTrees()) {
            String ns = r.path("metadata").path("namespace").asText();
            String name = r.path("metadata").path("name").asText();
            if ("PersistentVolumeClaim".equals(r.path("kind").asText()) && archive.content().volumes().stream()
                    .noneMatch(v -> v.namespace().equals(ns) && v.pvcName().equals(name))) {
                out.add(ns + "/" + name + " (" + r.path("status").path("phase").asText("Pending") + ")");
            }
        }
        return out;
    }

    /** The volumes whose namespace has no destination in the mapping: what {@link #pairs} leaves out. */
    static List<VolumeSnapshotEntry> unmapped(List<VolumeSnapshotEntry> volumes, NamespaceMap mapping) {
        return volumes.stream().filter(e -> mapping.destinationOf(e.namespace()).isEmpty()).toList();
    }

    /** NamespaceNotMapped: the unmapped volumes by namespace, whether that is all of them, and the fix. */
    static AmrException notMapped(List<VolumeSnapshotEntry> unmapped, boolean all, boolean permanent) {
        TreeMap<String, List<String>> pvcs = new TreeMap<>();
        unmapped.forEach(e -> pvcs.computeIfAbsent(e.namespace(), k -> new ArrayList<>()).add(e.pvcName()));
        StringBuilder which = new StringBuilder();
        pvcs.forEach((ns, names) -> which.append(which.length() == 0 ? "" : ", ").append("\"").append(ns)
                .append("\" (PVC ").append(String.join(", ", names)).append(")"));
        String fix = pvcs.keySet().stream().map(ns -> "{source: " + ns + ", destination: <namespace>}")
                .collect(Collectors.joining(", "));
        return new AmrException(References.NAMESPACE_NOT_MAPPED, "spec.namespaceMapping: source namespace " + which
                + " has no destination, so " + (all ? "nothing of the application can be replicated"
                : "those volumes are not replicated (the others are)") + ". Fix: add " + fix
                + " to spec.namespaceMapping", permanent);
    }

    Optional<ObjectNode> claim(Pair pair) {
        return kube.get("v1", "PersistentVolumeClaim", pair.namespace(), pair.entry().pvcName()).map(Resources::toTree);
    }

    /** Creates the destination claim as a mirror destination; a no-op when it exists. */
    void ensureMirrorClaim(Pair pair, String amrName, StorageClassMapping classes, Archive archive) {
        if (claim(pair).isPresent()) {
            return;
        }
        VolumeSnapshotEntry e = pair.entry();
        ObjectNode pvc = Resources.mapper().createObjectNode();
        pvc.put("apiVersion", "v1").put("kind", "PersistentVolumeClaim");
        ObjectNode meta = pvc.putObject("metadata");
        meta.put("name", e.pvcName()).put("namespace", pair.namespace());
        capturedClaim(archive, e).map(c -> c.path("metadata").path("labels")).filter(JsonNode::isObject)
                .ifPresent(labels -> meta.set("labels", labels.deepCopy()));
        meta.putObject("annotations").put(MIRROR_ANNOTATION, amrName);
        ObjectNode spec = pvc.putObject("spec");
        JsonNode modes = capturedClaim(archive, e).map(c -> c.path("spec").path("accessModes")).orElse(null);
        if (modes != null && modes.isArray() && !modes.isEmpty()) {
            spec.set("accessModes", modes.deepCopy());
        } else {
            spec.putArray("accessModes").add("ReadWriteOnce");
        }
        spec.put("storageClassName", classes.choose(pair.describe(), e.storageClass()).storageClass());
        spec.putObject("resources").putObject("requests").put("storage", e.size());
        kube.create(Resources.fromTree(pvc));
    }

    private static Optional<JsonNode> capturedClaim(Archive archive, VolumeSnapshotEntry e) {
        return archive.content().resourceTrees().stream().filter(r -> "PersistentVolumeClaim".equals(
                        r.path("kind").asText()) && e.pvcName().equals(r.path("metadata").path("name").asText())
                        && e.namespace().equals(r.path("metadata").path("namespace").asText()))
                .map(r -> (JsonNode) r).findFirst();
    }

    /**
     * 25.06: a source claim expanded since the destination claim was made makes the destination claim ask for the
     * archive's size; Kubernetes admits it when the class allows expansion, and Trident grows the volume. Empty when
     * nothing is to do or the patch went through; else the API server's refusal.
     */
    Optional<String> expand(Pair pair) {
        Optional<ObjectNode> claim = claim(pair);
        String wanted = pair.entry().size();
        if (claim.isEmpty() || wanted == null || claim.get().path("spec").path("volumeName").asText("").isEmpty()) {
            return Optional.empty();  // only a bound claim may grow; an unbound one is looked at again next time
        }
        String has = claim.get().path("spec").path("resources").path("requests").path("storage").asText("");
        if (!has.isEmpty() && bytes(wanted) <= bytes(has)) {
            return Optional.empty();
        }
        ObjectNode patch = Resources.mapper().createObjectNode();
        patch.putObject("spec").putObject("resources").putObject("requests").put("storage", wanted);
        try {
            kube.patch("v1", "PersistentVolumeClaim", pair.namespace(), pair.entry().pvcName(), patch.toString());
            return Optional.empty();
        } catch (KubernetesException e) {
            if (e.code() >= 500 || e.code() == 409 || e.code() == 429) {
                throw e;  // passing: retried with the reconcile
            }
            return Optional.of("PVC " + pair.describe() + " cannot grow from " + has + " to " + wanted
                    + " as its source did: " + e.getMessage() + ". Fix: set allowVolumeExpansion: true on storage"
                    + " class " + claim.get().path("spec").path("storageClassName").asText());
        }
    }

    private static long bytes(String quantity) {
        return Quantity.getAmountInBytes(new Quantity(quantity)).longValue();
    }

    /** Sets or removes the mirror annotation of a claim (removed once the volume is promoted). */
    void annotate(Pair pair, String amrName) {
        claim(pair).ifPresent(pvc -> {
            JsonNode annotations = pvc.path("metadata").path("annotations");
            boolean has = annotations.has(MIRROR_ANNOTATION);
            if (amrName != null && has && amrName.equals(annotations.path(MIRROR_ANNOTATION).asText())
                    || amrName == null && !has) {
                return;
            }
            ObjectNode patch = Resources.mapper().createObjectNode();
            ObjectNode set = patch.putObject("metadata").putObject("annotations");
            if (amrName == null) {
                set.putNull(MIRROR_ANNOTATION);
            } else {
                set.put(MIRROR_ANNOTATION, amrName);
            }
            kube.patch("v1", "PersistentVolumeClaim", pair.namespace(), pair.entry().pvcName(), patch.toString());
        });
    }

    /** The relationship a destination claim is mirrored for (its {@value #MIRROR_ANNOTATION} annotation), if any. */
    Optional<String> mirroredBy(Pair pair) {
        return claim(pair).map(pvc -> pvc.path("metadata").path("annotations").path(MIRROR_ANNOTATION).asText(""))
                .filter(name -> !name.isEmpty());
    }

    /** The ONTAP volume behind a bound claim, found through its PV and Trident's backend record. */
    Optional<MirrorEndpoint> local(Pair pair) {
        Optional<String> pvName = claim(pair).map(c -> c.path("spec").path("volumeName").asText(""))
                .filter(s -> !s.isEmpty());
        if (pvName.isEmpty()) {
            return Optional.empty();
        }
        Optional<ObjectNode> pv = kube.get("v1", "PersistentVolume", null, pvName.get()).map(Resources::toTree);
        if (pv.isEmpty()) {
            return Optional.empty();
        }
        JsonNode attrs = pv.get().path("spec").path("csi").path("volumeAttributes");
        String backendUuid = attrs.path("backendUUID").asText();
        JsonNode backend = kube.list(TRIDENT_API, "TridentBackend", null, LabelSelector.everything()).stream()
                .map(Resources::toTree).filter(b -> backendUuid.equals(b.path("backendUUID").asText())).findFirst()
                .orElseThrow(() -> new AmrException("BackendNotFound", "PV " + pvName.get()
                        + " names Trident backend " + backendUuid + ", which has no TridentBackend record", false));
        JsonNode config = backend.path("config").path("ontap_config");
        return Optional.of(new MirrorEndpoint(config.path("managementLIF").asText(), config.path("svm").asText(),
                attrs.path("internalName").asText()));
    }

    /** The cluster's default storage class (annotation {@code storageclass.kubernetes.io/is-default-class}). */
    String defaultStorageClass() {
        return kube.list("storage.k8s.io/v1", "StorageClass", null, LabelSelector.everything()).stream()
                .map(Resources::toTree)
                .filter(c -> "true".equals(c.path("metadata").path("annotations")
                        .path("storageclass.kubernetes.io/is-default-class").asText()))
                .map(c -> c.path("metadata").path("name").asText()).findFirst().orElse(null);
    }
}
