package io.mirrordrill.scenario.runner.standin;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.mirrordrill.engine.EnginePorts;
import io.mirrordrill.engine.MirrordrillException;
import io.mirrordrill.engine.appvault.AppVaultResolver;
import io.mirrordrill.engine.appvault.ResolvedVault;
import io.mirrordrill.engine.archive.ArchiveContent;
import io.mirrordrill.engine.archive.ArchivePath;
import io.mirrordrill.engine.archive.ArchiveWriter;
import io.mirrordrill.engine.archive.VolumeSnapshotEntry;
import io.mirrordrill.engine.controller.Outcome;
import io.mirrordrill.engine.controller.Reconciler;
import io.mirrordrill.engine.controller.ResourceKey;
import io.mirrordrill.engine.model.AppVault;
import io.mirrordrill.engine.model.ProtectApi;
import io.mirrordrill.engine.model.yaml.ProtectYaml;
import io.mirrordrill.engine.port.kubernetes.KubernetesPort;
import io.mirrordrill.engine.port.kubernetes.LabelSelector;
import io.mirrordrill.engine.port.kubernetes.Resources;
import io.mirrordrill.scenario.workload.VolumeRef;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Stand-in for the source engine's Snapshot and ShutdownSnapshot controllers while they are being built: capture the
 * application's resources, (ShutdownSnapshot) delete its workloads and wait for the pods to stop, take a
 * VolumeSnapshot per claim, write the archive to the AppVault, and report {@code Completed} with
 * {@code status.appArchivePath}. Hooks are not run. Installed only on clusters whose engine lacks the kind.
 */
final class SnapshotTaker implements Reconciler {
    static final Duration POLL = Duration.ofSeconds(1);
    /** The entry is built by name so that fields the archive format gains later (managementLif) fill in. */
    private static final ObjectMapper LENIENT = Resources.mapper().copy()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final EnginePorts ports;
    private final String kind;
    private final Map<String, Capture> captures = new TreeMap<>();

    SnapshotTaker(EnginePorts ports, String kind) {
        this.ports = ports;
        this.kind = kind;
    }

    @Override
    public Outcome reconcile(ResourceKey key) {
        KubernetesPort api = ports.kubernetes();
        Optional<JsonNode> found = api.get(ProtectApi.API_VERSION, kind, key.namespace(), key.name())
                .map(Resources::toTree);
        if (found.isEmpty()) {
            return Outcome.done();
        }
        JsonNode cr = found.get();
        String state = cr.path("status").path("state").asText("");
        if (state.equals("Completed") || state.equals("Failed")) {
            return Outcome.done();
        }
        try {
            return take(api, cr, key);
        } catch (MirrordrillException e) {
            return status(key, "Failed", null, e.getMessage());
        }
    }

    private Outcome take(KubernetesPort api, JsonNode cr, ResourceKey key) {
        String uid = cr.path("metadata").path("uid").asText();
        Optional<JsonNode> app = api.get(ProtectApi.API_VERSION, "Application", key.namespace(),
                cr.path("spec").path("applicationRef").asText()).map(Resources::toTree);
        if (app.isEmpty()) {
            return status(key, "Failed", null, "spec.applicationRef: Application \""
                    + cr.path("spec").path("applicationRef").asText() + "\" not found in " + key.namespace());
        }
        if (cr.path("status").path("state").isMissingNode()) {
            status(key, "Running", null, null);
        }
        Capture capture = captures.computeIfAbsent(uid, u -> Capture.of(api, app.get()));
        if (kind.equals("ShutdownSnapshot") && !stopped(api, app.get())) {
            return Outcome.requeueAfter(POLL);
        }
        List<VolumeSnapshotEntry> entries = new ArrayList<>();
        for (String claim : capture.claims()) {
            Optional<VolumeSnapshotEntry> entry = volumeSnapshot(api, key.name(), claim);
            if (entry.isEmpty()) {
                return Outcome.requeueAfter(POLL);
            }
            entries.add(entry.get());
        }
        ResolvedVault vault = vault(api, cr.path("spec").path("appVaultRef").asText(), key.namespace());
        Instant created = Instant.parse(cr.path("metadata").path("creationTimestamp").asText());
        ArchivePath path = new ArchivePath(app.get().path("metadata").path("name").asText(),
                app.get().path("metadata").path("uid").asText(), created, key.name(), uid);
        new ArchiveWriter(ports.objectStores().connect(vault.target()), vault.bucket()).write(path,
                new ArchiveContent(capture.resources(), capture.namespaces(), entries, List.of()));
        captures.remove(uid);
        return status(key, "Completed", path.path(), null);
    }

    /** Deletes the application's workloads (claims stay); true once no pod of them is left. */
    private static boolean stopped(KubernetesPort api, JsonNode app) {
        boolean left = false;
        for (String ns : Capture.namespacesOf(app)) {
            for (String workloadKind : List.of("Deployment", "StatefulSet")) {
                for (GenericKubernetesResource w : api.list("apps/v1", workloadKind, ns, LabelSelector.everything())) {
                    api.delete("apps/v1", workloadKind, ns, w.getMetadata().getName());
                }
            }
            left |= !api.list("v1", "Pod", ns, LabelSelector.everything()).isEmpty();
        }
        return !left;
    }

    /** The ready VolumeSnapshot of one claim, creating it if needed; empty while it is not ready. */
    private static Optional<VolumeSnapshotEntry> volumeSnapshot(KubernetesPort api, String crName, String claim) {
        String ns = claim.substring(0, claim.indexOf('/'));
        String pvc = claim.substring(claim.indexOf('/') + 1);
        String name = crName + "-" + pvc;
        Optional<JsonNode> vs = api.get("snapshot.storage.k8s.io/v1", "VolumeSnapshot", ns, name)
                .map(Resources::toTree);
        if (vs.isEmpty()) {
            api.create(Resources.fromTree(Resources.mapper().createObjectNode()
                    .put("apiVersion", "snapshot.storage.k8s.io/v1").put("kind", "VolumeSnapshot")
                    .<com.fasterxml.jackson.databind.node.ObjectNode>set("metadata", Resources.mapper()
                            .createObjectNode().put("name", name).put("namespace", ns))
                    .set("spec", Resources.mapper().createObjectNode().set("source", Resources.mapper()
                            .createObjectNode().put("persistentVolumeClaimName", pvc)))));
            return Optional.empty();
        }
        if (!vs.get().path("status").path("readyToUse").asBoolean(false)) {
            return Optional.empty();
        }
        String content = vs.get().path("status").path("boundVolumeSnapshotContentName").asText();
        String handle = api.get("snapshot.storage.k8s.io/v1", "VolumeSnapshotContent", null, content)
                .map(Resources::toTree).map(c -> c.path("status").path("snapshotHandle").asText()).orElse("");
        VolumeRef volume = VolumeRef.of(api, ns, pvc).orElseThrow(() -> new StandInException("claim " + claim
                + " has no volume"));
        Map<String, String> entry = new TreeMap<>(Map.of("namespace", ns, "pvcName", pvc, "storageClass",
                volume.storageClass(), "size", volume.size(), "pvName", volume.pvName(), "backend", volume.backend(),
                "svm", volume.svm(), "internalVolumeName", volume.volume(),
                "snapshotName", handle.substring(handle.indexOf('/') + 1)));
        entry.put("managementLif", volume.ontapCluster());
        return Optional.of(LENIENT.convertValue(entry, VolumeSnapshotEntry.class));
    }

    static ResolvedVault vault(KubernetesPort api, String name, String namespace) {
        for (String ns : List.of("trident-protect", namespace)) {
            Optional<GenericKubernetesResource> v = api.get(ProtectApi.API_VERSION, AppVault.KIND, ns, name);
            if (v.isPresent()) {
                return new AppVaultResolver(api).resolve((AppVault) ProtectYaml.fromGeneric(v.get()));
            }
        }
        throw new StandInException("spec.appVaultRef: AppVault \"" + name + "\" not found in trident-protect or "
                + namespace);
    }

    private Outcome status(ResourceKey key, String state, String archivePath, String error) {
        var status = Resources.mapper().createObjectNode().put("state", state);
        if (archivePath != null) {
            status.put("appArchivePath", archivePath);
        }
        if (error != null) {
            status.put("error", error);
        }
        var patch = Resources.mapper().createObjectNode().set("status", status);
        ports.kubernetes().patchStatus(ProtectApi.API_VERSION, kind, key.namespace(), key.name(), patch.toString());
        return state.equals("Running") ? Outcome.requeueAfter(POLL) : Outcome.done();
    }
}
