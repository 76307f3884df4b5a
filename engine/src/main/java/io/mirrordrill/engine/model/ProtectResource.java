package io.mirrordrill.engine.model;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.Map;

/**
 * A Trident protect custom resource ({@code protect.trident.netapp.io/v1}): apiVersion, kind, metadata, spec and
 * status, plus any top-level field this model does not know ({@link #unknownFields()}), kept so that a user's file
 * survives a read and a write. Records are values: change one with the {@code with...} methods.
 *
 * @param <S> the spec type
 * @param <T> the status type
 */
public sealed interface ProtectResource<S, T>
        permits AppVault, Application, Schedule, Snapshot, ShutdownSnapshot, AppMirrorRelationship, SnapshotRestore,
        ExecHook, ExecHooksRun {

    String apiVersion();

    String kind();

    /** fabric8's ObjectMeta is mutable: treat it as read-only and use {@link #withMetadata} to change it. */
    ObjectMeta metadata();

    S spec();

    T status();

    Map<String, Object> unknownFields();

    ProtectResource<S, T> withMetadata(ObjectMeta metadata);

    ProtectResource<S, T> withSpec(S spec);

    ProtectResource<S, T> withStatus(T status);

    default String name() {
        return metadata() == null ? null : metadata().getName();
    }

    default String namespace() {
        return metadata() == null ? null : metadata().getNamespace();
    }

    default ResourceKind resourceKind() {
        return ResourceKind.of(getClass());
    }

    /** {@code Kind/name} (or {@code Kind/namespace/name}), for messages. */
    default String describe() {
        String name = name() == null ? "<no name>" : name();
        return kind() + "/" + (namespace() == null ? "" : namespace() + "/") + name;
    }
}
