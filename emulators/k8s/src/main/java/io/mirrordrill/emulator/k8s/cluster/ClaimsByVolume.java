package io.mirrordrill.emulator.k8s.cluster;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.mirrordrill.port.kubernetes.WatchEvent;
import io.mirrordrill.runtime.ResourceKey;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The claims that name each volume in {@code spec.volumeName}, kept from the claims' watch events, and the claim a
 * volume's {@code claimRef} names: what the persistent-volume controller looks at again when a volume changes or
 * goes (so a claim whose volume was taken by another, or deleted, is seen at once, without a periodic resync).
 */
final class ClaimsByVolume {
    private final Map<String, Set<ResourceKey>> byVolume = new TreeMap<>();
    private final Map<ResourceKey, String> volumeOf = new TreeMap<>();

    void claimChanged(WatchEvent e) {
        ResourceKey claim = ClusterSimulator.key(e.object());
        String before = volumeOf.remove(claim);
        if (before != null) {
            Set<ResourceKey> claims = byVolume.get(before);
            claims.remove(claim);
            if (claims.isEmpty()) {
                byVolume.remove(before);
            }
        }
        String volume = Tree.text(Tree.of(e.object()), "spec.volumeName").orElse(null);
        if (e.type() != WatchEvent.Type.DELETED && volume != null) {
            volumeOf.put(claim, volume);
            byVolume.computeIfAbsent(volume, v -> new TreeSet<>()).add(claim);
        }
    }

    /** The claims naming the volume, and the one its claimRef names. */
    Set<ResourceKey> claimsOf(GenericKubernetesResource pv) {
        Set<ResourceKey> out = new TreeSet<>();
        out.addAll(byVolume.getOrDefault(pv.getMetadata().getName(), Set.of()));
        var ref = Tree.of(pv).path("spec").path("claimRef");
        if (ref.has("name")) {
            out.add(new ResourceKey("PersistentVolumeClaim", ref.path("namespace").asText(),
                    ref.path("name").asText()));
        }
        return out;
    }
}
