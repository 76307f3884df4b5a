package io.mirrordrill.engine.model;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The nine Trident protect kinds this model knows: names as the API server registers them (the CRDs under
 * {@code crds/} use exactly these) and the Java type a document of that kind binds to.
 */
public enum ResourceKind {
    APP_VAULT("AppVault", "appvaults", AppVault.class),
    APPLICATION("Application", "applications", Application.class),
    SCHEDULE("Schedule", "schedules", Schedule.class),
    SNAPSHOT("Snapshot", "snapshots", Snapshot.class),
    SHUTDOWN_SNAPSHOT("ShutdownSnapshot", "shutdownsnapshots", ShutdownSnapshot.class),
    APP_MIRROR_RELATIONSHIP("AppMirrorRelationship", "appmirrorrelationships", AppMirrorRelationship.class, "amr"),
    SNAPSHOT_RESTORE("SnapshotRestore", "snapshotrestores", SnapshotRestore.class),
    EXEC_HOOK("ExecHook", "exechooks", ExecHook.class),
    EXEC_HOOKS_RUN("ExecHooksRun", "exechooksruns", ExecHooksRun.class);

    private final String kind;
    private final String plural;
    private final Class<? extends ProtectResource<?, ?>> type;
    private final List<String> shortNames;

    ResourceKind(String kind, String plural, Class<? extends ProtectResource<?, ?>> type, String... shortNames) {
        this.kind = kind;
        this.plural = plural;
        this.type = type;
        this.shortNames = List.of(shortNames);
    }

    public String kind() {
        return kind;
    }

    public String plural() {
        return plural;
    }

    public String singular() {
        return kind.toLowerCase(Locale.ROOT);
    }

    public String listKind() {
        return kind + "List";
    }

    public List<String> shortNames() {
        return shortNames;
    }

    public Class<? extends ProtectResource<?, ?>> type() {
        return type;
    }

    /** The CRD's metadata.name: {@code <plural>.<group>}. */
    public String crdName() {
        return plural + "." + ProtectApi.GROUP;
    }

    /** The classpath resource holding this kind's CustomResourceDefinition. */
    public String crdResource() {
        return "crds/" + crdName() + ".yaml";
    }

    /** Kubernetes kinds are case-sensitive: {@code Appvault} is not {@code AppVault}. */
    public static Optional<ResourceKind> byKind(String kind) {
        return Optional.ofNullable(BY_KIND.get(kind));
    }

    /** Every bind asks: a lookup, not a stream over the values (never iterated). */
    private static final Map<String, ResourceKind> BY_KIND = new HashMap<>();

    static {
        for (ResourceKind k : values()) {
            BY_KIND.put(k.kind, k);
        }
    }

    /** For "did you mean" hints only. */
    public static Optional<ResourceKind> byKindIgnoringCase(String kind) {
        return Arrays.stream(values()).filter(k -> k.kind.equalsIgnoreCase(kind)).findFirst();
    }

    /** {@code "AppVault, Application, ..."} for messages. */
    public static String names() {
        return String.join(", ", Arrays.stream(values()).map(ResourceKind::kind).toList());
    }

    public static ResourceKind of(Class<?> type) {
        return Arrays.stream(values()).filter(k -> k.type == type).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not a Trident protect resource type: " + type));
    }
}
