package io.mirrordrill.emulator.k8s.server;

import java.util.HashMap;
import java.util.Map;

/**
 * The patch metadata the Kubernetes API declares on its built-in types ({@code patchStrategy} and
 * {@code patchMergeKey} struct tags, {@code x-kubernetes-list-type}/{@code -list-map-keys} in OpenAPI): which lists
 * merge, by which key. Strategic merge patch and server-side apply's field sets read it. A field not described here
 * has none: its object merges member by member, its list is replaced whole (atomic).
 *
 * <p>Custom resources and the built-in kinds not listed get object metadata's declarations only. Covered: object
 * metadata (finalizers as a set, ownerReferences by uid), pod specs wherever a pod template sits
 * (Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob, PodTemplate), Service
 * ports, and the conditions of the statuses that have them.
 */
final class PatchSchema {
    /** How one field patches: its list's merge key ("" for a set of scalars), and the type of its values. */
    record Field(boolean merge, String mergeKey, Type type) {
        /** A list that merges: by {@code key}, or as a set of scalars when {@code key} is empty. */
        boolean associative() {
            return merge && !mergeKey.isEmpty();
        }

        boolean set() {
            return merge && mergeKey.isEmpty();
        }
    }

    /** The fields of one object type that have patch metadata or a described type. */
    static final class Type {
        private final Map<String, Field> fields = new HashMap<>();

        Type list(String name, String mergeKey) {
            return list(name, mergeKey, EMPTY_TYPE);
        }

        Type list(String name, String mergeKey, Type items) {
            fields.put(name, new Field(true, mergeKey, items));
            return this;
        }

        Type object(String name, Type type) {
            fields.put(name, new Field(false, "", type));
            return this;
        }

        /** The field's metadata; a field without any is an atomic list or a plain object. */
        Field field(String name) {
            Field f = fields.get(name);
            return f != null ? f : PLAIN;
        }
    }

    private static final Type EMPTY_TYPE = new Type();
    private static final Field PLAIN = new Field(false, "", EMPTY_TYPE);

    /** A type nothing is declared for, every list atomic: the Scale subresource's. */
    static final Type NONE = EMPTY_TYPE;

    private static final Type META = new Type().list("finalizers", "").list("ownerReferences", "uid");
    private static final Type CONTAINER = new Type().list("ports", "containerPort").list("env", "name")
            .list("volumeMounts", "mountPath").list("volumeDevices", "devicePath");
    private static final Type POD_SPEC = new Type().list("volumes", "name").list("containers", "name", CONTAINER)
            .list("initContainers", "name", CONTAINER).list("ephemeralContainers", "name", CONTAINER)
            .list("imagePullSecrets", "name").list("hostAliases", "ip").list("topologySpreadConstraints",
                    "topologyKey").list("resourceClaims", "name").list("schedulingGates", "name");
    private static final Type TEMPLATE = new Type().object("metadata", META).object("spec", POD_SPEC);
    private static final Type CONDITIONS = new Type().list("conditions", "type");
    private static final Type WORKLOAD = root(new Type().object("template", TEMPLATE), CONDITIONS);

    private static final Map<String, Type> KINDS = Map.ofEntries(
            Map.entry("/Pod", root(POD_SPEC, new Type().list("conditions", "type").list("podIPs", "ip")
                    .list("hostIPs", "ip"))),
            Map.entry("/PodTemplate", new Type().object("metadata", META).object("template", TEMPLATE)),
            Map.entry("/ReplicationController", WORKLOAD),
            Map.entry("/Service", root(new Type().list("ports", "port"), CONDITIONS)),
            Map.entry("/PersistentVolumeClaim", root(EMPTY_TYPE, CONDITIONS)),
            Map.entry("/Namespace", root(EMPTY_TYPE, CONDITIONS)),
            Map.entry("/Node", root(EMPTY_TYPE, new Type().list("conditions", "type").list("addresses", "type"))),
            Map.entry("apps/Deployment", WORKLOAD),
            Map.entry("apps/StatefulSet", WORKLOAD),
            Map.entry("apps/DaemonSet", WORKLOAD),
            Map.entry("apps/ReplicaSet", WORKLOAD),
            Map.entry("batch/Job", WORKLOAD),
            Map.entry("batch/CronJob", root(new Type().object("jobTemplate", new Type().object("metadata", META)
                    .object("spec", new Type().object("template", TEMPLATE))), EMPTY_TYPE)));
    private static final Type OTHER = new Type().object("metadata", META);

    private PatchSchema() {
    }

    /** The type of a whole object of a built-in kind ({@code group} "" for the core group). */
    static Type of(String group, String kind) {
        return KINDS.getOrDefault(group + "/" + kind, OTHER);
    }

    private static Type root(Type spec, Type status) {
        return new Type().object("metadata", META).object("spec", spec).object("status", status);
    }
}
