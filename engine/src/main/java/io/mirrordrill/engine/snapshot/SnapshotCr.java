package io.mirrordrill.engine.snapshot;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.mirrordrill.engine.model.ProtectResource;
import io.mirrordrill.engine.model.ReclaimPolicy;
import io.mirrordrill.engine.model.SnapshotSpec;
import io.mirrordrill.engine.model.SnapshotStatus;
import io.mirrordrill.engine.model.TimeoutAnnotation;
import io.mirrordrill.engine.model.yaml.ProtectYaml;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A Snapshot or ShutdownSnapshot as read: the object itself, which goes back to the API server as read with only its
 * status or finalizers changed, and its typed view.
 */
record SnapshotCr(GenericKubernetesResource found, ProtectResource<SnapshotSpec, SnapshotStatus> typed) {
    /** Held while a snapshot runs (its Post hooks and clean-up are due) and while a Delete policy has work left. */
    static final String FINALIZER = "protect.trident.netapp.io/snapshot-cleanup";

    /** @throws io.mirrordrill.engine.model.yaml.BindingException when the object does not bind to the model */
    @SuppressWarnings("unchecked")
    static SnapshotCr of(GenericKubernetesResource found) {
        return new SnapshotCr(found, (ProtectResource<SnapshotSpec, SnapshotStatus>) ProtectYaml.fromGeneric(found));
    }

    String kind() {
        return found.getKind();
    }

    String name() {
        return found.getMetadata().getName();
    }

    String namespace() {
        return found.getMetadata().getNamespace();
    }

    String uid() {
        return found.getMetadata().getUid();
    }

    /** The archive's time: the object's creation, so every attempt of the snapshot names the same archive. */
    Instant createdAt() {
        return Instant.parse(found.getMetadata().getCreationTimestamp());
    }

    /** A timeout of the object's annotations, or its default; an unreadable value is an invalid spec. */
    Optional<Duration> timeout(TimeoutAnnotation timeout) {
        try {
            return timeout.in(found.getMetadata().getAnnotations());
        } catch (IllegalArgumentException e) {
            throw new SnapshotException(SnapshotException.INVALID_SPEC, e.getMessage());
        }
    }

    SnapshotSpec spec() {
        return typed.spec();
    }

    SnapshotProgress progress() {
        return SnapshotProgress.of(typed.status());
    }

    boolean deleting() {
        return found.getMetadata().getDeletionTimestamp() != null;
    }

    boolean reclaimDelete() {
        return spec() != null && spec().reclaimPolicyValue().orElse(ReclaimPolicy.RETAIN) == ReclaimPolicy.DELETE;
    }

    boolean hasFinalizer() {
        List<String> finalizers = found.getMetadata().getFinalizers();
        return finalizers != null && finalizers.contains(FINALIZER);
    }

    String describe() {
        return kind() + " " + namespace() + "/" + name();
    }
}
