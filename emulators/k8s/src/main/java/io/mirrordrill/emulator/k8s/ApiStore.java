package io.mirrordrill.emulator.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mirrordrill.port.kubernetes.AlreadyExistsException;
import io.mirrordrill.port.kubernetes.ConflictException;
import io.mirrordrill.port.kubernetes.KindRegistry;
import io.mirrordrill.port.kubernetes.KubernetesException;
import io.mirrordrill.port.kubernetes.LabelSelector;
import io.mirrordrill.port.kubernetes.NotFoundException;
import io.mirrordrill.port.kubernetes.ResourceKind;
import io.mirrordrill.port.kubernetes.Resources;
import io.mirrordrill.sim.RandomStream;
import io.mirrordrill.sim.SimulationException;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The objects of one cluster and the API server's write rules: a cluster-wide revision that becomes each write's
 * resourceVersion, optimistic concurrency, generation, status subresources, finalizers and deletionTimestamp,
 * generateName, and CRDs that add kinds. Stored trees are never mutated after being stored; every write stores a
 * new tree, so watch events can share them.
 */
final class ApiStore {
    /** The alphabet and length Kubernetes uses for generateName suffixes (no vowels, no look-alike digits). */
    private static final String NAME_ALPHABET = "bcdfghjklmnpqrstvwxz2456789";
    private static final int NAME_SUFFIX = 5;

    /**
     * A key's current object, in both maps: a write to a key already stored replaces what the slot holds and
     * touches neither map. Read {@link #object()} before a commit when the version read must be kept.
     */
    private static final class Stored {
        private ResourceKind kind;
        private ObjectNode object;

        Stored(ResourceKind kind, ObjectNode object) {
            this.kind = kind;
            this.object = object;
        }

        ResourceKind kind() {
            return kind;
        }

        ObjectNode object() {
            return object;
        }
    }

    private final KubernetesCluster cluster;
    private final RandomStream random;
    /** Events' uids: a stream of their own, so recording an Event never shifts the uids other objects get. */
    private final RandomStream eventRandom;
    private final NavigableMap<ObjectKey, Stored> objects = new TreeMap<>();
    /**
     * The same objects by key, for point lookups (every get, write and delete): hashing a key costs less than the
     * TreeMap's string comparisons of keys that share long prefixes. Holds the same slots as {@code objects}, keys
     * added and removed with it; never iterated.
     */
    private final Map<ObjectKey, Stored> byKey = new HashMap<>();
    private long revision;

    ApiStore(KubernetesCluster cluster, RandomStream random, RandomStream eventRandom) {
        this.cluster = cluster;
        this.random = random;
        this.eventRandom = eventRandom;
    }

    long revision() {
        return revision;
    }

    Optional<ObjectNode> get(ResourceKind kind, String namespace, String name) {
        Stored s = byKey.get(ObjectKey.of(kind, namespace, name));
        return Optional.ofNullable(s == null ? null : s.object());
    }

    /** Matching objects, ordered by namespace then name. */
    List<ObjectNode> list(ResourceKind kind, String namespace, LabelSelector selector) {
        List<ObjectNode> out = new ArrayList<>();
        ObjectKey.range(kind, namespace, objects).values().forEach(s -> {
            if (selector.matches(Json.labelView(s.object()))) {
                out.add(s.object());
            }
        });
        return out;
    }

    boolean isEmpty(String namespace) {
        return objects.keySet().stream().noneMatch(k -> k.namespace().equals(namespace));
    }

    /** What the namespace controller does: deletes every object of the namespace not already being deleted. */
    void deleteContents(String namespace) {
        for (ObjectKey key : List.copyOf(objects.keySet())) {
            Stored s = byKey.get(key);
            if (s != null && key.namespace().equals(namespace) && !Json.deleting(s.object())) {
                delete(s.kind(), namespace, key.name());
            }
        }
    }

    // ---- etcd snapshot and restore ------------------------------------------------------------------------------

    /** The keyspace as {@code etcdctl snapshot save} copies it: every object, in key order, and the revision. */
    SnapshotImage image() {
        List<SnapshotImage.Entry> entries = new ArrayList<>();
        objects.forEach((key, s) -> entries.add(new SnapshotImage.Entry(SnapshotImage.key(s.kind().group(),
                s.kind().plural(), key.namespace(), key.name()), s.kind().apiVersion(), s.kind().kind(), s.object())));
        return new SnapshotImage(cluster.name(), revision, entries);
    }

    /**
     * Fills an empty store from a restored keyspace, as an API server starting over a restored etcd finds it: the
     * same objects, resourceVersions and revision, and the kinds of its CRDs served again. Nothing is committed, so
     * no watch event and no new revision.
     */
    void load(SnapshotImage image) {
        if (!objects.isEmpty() || revision != 0) {
            throw new SimulationException("cluster " + cluster.name() + " already has objects; restore needs a new one");
        }
        for (SnapshotImage.Entry e : image.entries()) {
            if (KindRegistry.isCrd(e.apiVersion(), e.kind())) {
                KindRegistry.kindsOf(Resources.fromTree(e.object())).forEach(cluster.kinds()::register);
            }
        }
        for (SnapshotImage.Entry e : image.entries()) {
            ResourceKind kind = cluster.kinds().find(e.apiVersion(), e.kind()).orElseThrow(() ->
                    new SimulationException("restored key " + e.key() + " is a " + e.apiVersion() + " " + e.kind()
                            + " that neither a built-in kind nor a restored CRD serves"));
            ObjectNode meta = Json.meta(e.object());
            ObjectKey key = ObjectKey.of(kind, Json.text(meta, "namespace"), Json.text(meta, "name"));
            store(key, kind, e.object());
            if (EventSchemas.isEvent(kind)) {
                cluster.eventTtl().written(key, cluster.world().now()); // the restored keys get a new lease
            }
        }
        revision = image.revision();
        cluster.record("restored " + objects.size() + " objects at rv=" + revision);
    }

    // ---- create -------------------------------------------------------------------------------------------------

    /** Inside {@link #dryRun}: nothing is committed. */
    private boolean dryRun;

    ObjectNode create(ResourceKind kind, ObjectNode body) {
        ObjectNode object = body.deepCopy();
        Secrets.normalise(kind, object);
        ObjectNode meta = Json.meta(object);
        String namespace = kind.namespaced() ? Json.text(meta, "namespace") : "";
        Validation.namespaceGiven(kind, namespace, Json.text(meta, "name"));
        if (kind.namespaced()) {
            admitIntoNamespace(kind, namespace, Json.text(meta, "name"));
        }
        String name = Json.text(meta, "name");
        if (name.isEmpty() && !Json.text(meta, "generateName").isEmpty()) {
            name = generateName(kind, namespace, Json.text(meta, "generateName"));
        }
        Validation.name(kind, namespace.isEmpty() ? null : namespace, name);
        ObjectKey key = ObjectKey.of(kind, namespace, name);
        if (byKey.containsKey(key)) {
            throw new AlreadyExistsException(kind.resource() + " \"" + name + "\" already exists", kind.kind(),
                    key.namespaceOrNull(), name);
        }
        object.put("apiVersion", kind.apiVersion());
        object.put("kind", kind.kind());
        meta.put("name", name);
        if (kind.namespaced()) {
            meta.put("namespace", namespace);
        } else {
            meta.remove("namespace");
        }
        meta.put("uid", dryRun ? java.util.UUID.nameUUIDFromBytes(("dry-run " + key).getBytes(
                java.nio.charset.StandardCharsets.UTF_8)).toString()
                : (EventSchemas.isEvent(kind) ? eventRandom : random).uuid().toString());
        meta.put("creationTimestamp", timestamp());
        meta.put("generation", 1);
        meta.remove(List.of("deletionTimestamp", "deletionGracePeriodSeconds", "resourceVersion"));
        if (kind.statusSubresource()) {
            object.remove("status"); // status is written through the subresource only
        }
        if (isNamespace(kind)) {
            Namespaces.initialise(object, name);
        }
        if (kind.group().isEmpty() && kind.kind().equals("PersistentVolumeClaim")) {
            defaultStorageClass(object);
        }
        commit("create", kind, key, null, object);
        return object;
    }

    /**
     * The DefaultStorageClass admission plugin: a claim created without {@code spec.storageClassName} (absent, not
     * empty) gets the class annotated {@code storageclass.kubernetes.io/is-default-class: "true"}, the newest one when
     * several are (as since Kubernetes 1.26); with none it stays without a class.
     */
    private void defaultStorageClass(ObjectNode claim) {
        ObjectNode spec = claim.with("spec");
        if (spec.has("storageClassName")) {
            return;
        }
        ObjectNode chosen = null;
        for (ObjectNode sc : list(cluster.kinds().find("storage.k8s.io/v1", "StorageClass").orElseThrow(), null,
                LabelSelector.everything())) {
            if ("true".equals(sc.path("metadata").path("annotations").path("storageclass.kubernetes.io/is-default-class")
                    .asText()) && (chosen == null || sc.path("metadata").path("creationTimestamp").asText()
                    .compareTo(chosen.path("metadata").path("creationTimestamp").asText()) >= 0)) {
                chosen = sc;
            }
        }
        if (chosen != null) {
            spec.put("storageClassName", chosen.path("metadata").path("name").asText());
        }
    }

    private Optional<ObjectNode> storageClass(String name) {
        Stored sc = name.isEmpty() ? null : byKey.get(ObjectKey.of(cluster.kinds().find("storage.k8s.io/v1",
                "StorageClass").orElseThrow(), null, name));
        return Optional.ofNullable(sc).map(Stored::object);
    }

    /** The NamespaceLifecycle admission rules: the namespace must exist and must not be terminating. */
    private void admitIntoNamespace(ResourceKind kind, String namespace, String name) {
        Stored ns = byKey.get(new ObjectKey("namespaces", "", namespace));
        if (ns == null) {
            throw new NotFoundException("namespaces \"" + namespace + "\" not found", "Namespace", null, namespace);
        }
        if (Json.deleting(ns.object())) {
            throw new KubernetesException(403, "Forbidden", kind.resource() + " \"" + name + "\" is forbidden: "
                    + "unable to create new content in namespace " + namespace + " because it is being terminated",
                    kind.kind(), namespace, name);
        }
    }

    private String generateName(ResourceKind kind, String namespace, String prefix) {
        String base = prefix.length() > 63 - NAME_SUFFIX ? prefix.substring(0, 63 - NAME_SUFFIX) : prefix;
        while (true) {
            StringBuilder name = new StringBuilder(base);
            for (int i = 0; i < NAME_SUFFIX; i++) {
                name.append(NAME_ALPHABET.charAt(random.nextInt(NAME_ALPHABET.length())));
            }
            if (!byKey.containsKey(ObjectKey.of(kind, namespace, name.toString()))) {
                return name.toString();
            }
        }
    }

    // ---- update, patch ------------------------------------------------------------------------------------------

    /** PUT of the whole object ({@code statusOnly} false) or of its status subresource. */
    ObjectNode update(ResourceKind kind, ObjectNode body, boolean statusOnly) {
        ObjectNode meta = Json.meta(body);
        Stored current = require(kind, Json.text(meta, "namespace"), Json.text(meta, "name"), statusOnly);
        return write(kind, current.object(), body, statusOnly);
    }

    /** PATCH with a JSON merge patch: the patched object goes through the same rules as a PUT. */
    ObjectNode patch(ResourceKind kind, String namespace, String name, JsonNode patch, boolean statusOnly) {
        Stored current = require(kind, namespace, name, statusOnly);
        if (!patch.isObject()) {
            throw Validation.invalid(kind, namespace, name, "a merge patch must be a JSON object");
        }
        ObjectNode merged = (ObjectNode) MergePatch.apply(current.object(), patch);
        Json.meta(merged).put("name", name);
        return write(kind, current.object(), merged, statusOnly);
    }

    private Stored require(ResourceKind kind, String namespace, String name, boolean statusOnly) {
        if (statusOnly && !kind.statusSubresource()) {
            throw new NotFoundException("the server could not find the requested resource", kind.kind(),
                    kind.namespaced() ? namespace : null, name);
        }
        Stored current = byKey.get(ObjectKey.of(kind, namespace, name));
        if (current == null) {
            throw notFound(kind, namespace, name);
        }
        return current;
    }

    private ObjectNode write(ResourceKind kind, ObjectNode current, ObjectNode requested, boolean statusOnly) {
        ObjectNode currentMeta = Json.meta(current);
        ObjectKey key = ObjectKey.of(kind, Json.text(currentMeta, "namespace"), Json.text(currentMeta, "name"));
        String precondition = Json.text(Json.meta(requested), "resourceVersion");
        if (!precondition.isEmpty() && !precondition.equals(Json.text(currentMeta, "resourceVersion"))) {
            throw new ConflictException("Operation cannot be fulfilled on " + kind.resource() + " \"" + key.name()
                    + "\": the object has been modified; please apply your changes to the latest version and try again",
                    kind.kind(), key.namespaceOrNull(), key.name());
        }
        ObjectNode next;
        if (statusOnly) {
            next = current.deepCopy();
            copyField(requested, next, "status");
        } else {
            next = requested.deepCopy();
            Secrets.normalise(kind, next);
            next.put("apiVersion", kind.apiVersion());
            next.put("kind", kind.kind());
            ObjectNode meta = Json.meta(next);
            for (String system : List.of("name", "namespace", "uid", "creationTimestamp", "deletionTimestamp",
                    "deletionGracePeriodSeconds", "generation", "resourceVersion")) {
                copyField(currentMeta, meta, system);
            }
            if (kind.statusSubresource()) {
                copyField(current, next, "status");
            }
            if (isNamespace(kind)) {
                Namespaces.preserveOnUpdate(current, next);
            }
            refuseNewFinalizersWhileDeleting(kind, key, current, next);
            ClaimSpecUpdate.admit(kind, current, next);
            ClaimResize.admit(kind, current, next, this::storageClass);
            if (!withoutSystemParts(kind, current).equals(withoutSystemParts(kind, next))) {
                meta.put("generation", currentMeta.path("generation").asLong(0) + 1);
            }
        }
        if (next.equals(current)) {
            return current; // a write that changes nothing is not committed and gets no new resourceVersion
        }
        if (Json.deleting(next) && finalized(kind, next)
                && Json.meta(next).path("deletionGracePeriodSeconds").asLong(0) == 0) {
            remove(kind, key, next); // a pod still in its grace period stays until its kubelet deletes it
            return next;
        }
        commit(statusOnly ? "update-status" : "update", kind, key, current, next);
        return next;
    }

    private static void refuseNewFinalizersWhileDeleting(ResourceKind kind, ObjectKey key, ObjectNode current,
                                                         ObjectNode next) {
        List<String> added = new ArrayList<>(Json.finalizers(next));
        added.removeAll(Json.finalizers(current));
        if (Json.deleting(current) && !added.isEmpty()) {
            throw Validation.invalid(kind, key.namespaceOrNull(), key.name(), "metadata.finalizers: Forbidden: no new "
                    + "finalizers can be added if the object is being deleted, found new finalizers []string{\""
                    + String.join("\", \"", added) + "\"}");
        }
    }

    /** What generation counts: everything outside metadata, and outside status for a status subresource. */
    private static ObjectNode withoutSystemParts(ResourceKind kind, ObjectNode object) {
        ObjectNode copy = object.deepCopy();
        copy.remove("metadata");
        if (kind.statusSubresource()) {
            copy.remove("status");
        }
        return copy;
    }

    private static void copyField(ObjectNode from, ObjectNode to, String field) {
        if (from.has(field)) {
            to.set(field, from.get(field).deepCopy());
        } else {
            to.remove(field);
        }
    }

    // ---- delete -------------------------------------------------------------------------------------------------

    /**
     * DELETE: removes a finalized object; marks one with finalizers as deleting (deletionTimestamp, generation + 1)
     * and keeps it; does nothing to an object already being deleted.
     */
    void delete(ResourceKind kind, String namespace, String name) {
        delete(kind, namespace, name, null);
    }

    /**
     * DELETE with {@code gracePeriodSeconds} (null: the object's own). A scheduled pod is deleted gracefully, as the
     * registry's pod strategy does: it stays, with {@code deletionTimestamp} = now + grace and
     * {@code deletionGracePeriodSeconds}, until its kubelet deletes it again with 0; a second DELETE may only shorten
     * the grace. Anything else, and a pod never scheduled or already terminated, goes unless finalizers hold it.
     */
    void delete(ResourceKind kind, String namespace, String name, Long gracePeriodSeconds) {
        Stored current = byKey.get(ObjectKey.of(kind, namespace, name));
        if (current == null) {
            throw notFound(kind, namespace, name);
        }
        ObjectKey key = ObjectKey.of(kind, namespace, name);
        ObjectNode object = current.object();
        long grace = PodGrace.period(kind, object, gracePeriodSeconds);
        if (Json.deleting(object)) {
            long pending = Json.meta(object).path("deletionGracePeriodSeconds").asLong(0);
            if (pending > 0 && gracePeriodSeconds != null && grace < pending) {
                shortenGrace(kind, key, object, grace);
            }
            return;
        }
        if (grace == 0 && finalized(kind, object)) {
            remove(kind, key, object);
            return;
        }
        ObjectNode next = object.deepCopy();
        ObjectNode meta = Json.meta(next);
        meta.put("deletionTimestamp", timestamp(grace));
        meta.put("deletionGracePeriodSeconds", grace);
        meta.put("generation", meta.path("generation").asLong(0) + 1);
        if (isNamespace(kind)) {
            Namespaces.markTerminating(next);
        }
        commit("delete (finalizers " + Json.finalizers(next) + ")", kind, key, object, next);
        if (isNamespace(kind) && !dryRun) {
            cluster.namespaces().requestSync(name);
        }
    }

    /** A shorter grace for a pod already terminating: its deadline moves earlier by the difference. */
    private void shortenGrace(ResourceKind kind, ObjectKey key, ObjectNode object, long grace) {
        ObjectNode next = object.deepCopy();
        ObjectNode meta = Json.meta(next);
        long pending = meta.path("deletionGracePeriodSeconds").asLong();
        java.time.Instant deadline = java.time.Instant.parse(meta.path("deletionTimestamp").asText());
        meta.put("deletionTimestamp", deadline.minusSeconds(pending - grace).toString());
        meta.put("deletionGracePeriodSeconds", grace);
        if (grace == 0 && finalized(kind, next)) {
            remove(kind, key, next);
            return;
        }
        commit("delete (grace " + grace + "s)", kind, key, object, next);
    }

    /**
     * The namespace controller's last step: with the namespace empty, its {@code kubernetes} spec finalizer goes,
     * and the namespace disappears unless metadata finalizers still hold it.
     */
    void finalizeNamespace(ResourceKind kind, String name) {
        Stored current = byKey.get(ObjectKey.of(kind, null, name));
        if (current == null || Namespaces.specFinalizers(current.object()).isEmpty()) {
            return;
        }
        ObjectKey key = ObjectKey.of(kind, null, name);
        ObjectNode next = current.object().deepCopy();
        ((ObjectNode) next.path("spec")).putArray("finalizers");
        commit("finalize", kind, key, current.object(), next);
        if (finalized(kind, next)) {
            remove(kind, key, next);
        }
    }

    /** An Event's hour is over ({@link EventTtl}): it goes, as etcd drops a key whose lease expired. */
    void expire(ObjectKey key) {
        Stored s = byKey.get(key);
        if (s != null) {
            remove(s.kind(), key, s.object());
        }
    }

    /** No finalizer holds the object back: metadata finalizers, and the spec finalizers of a namespace. */
    private static boolean finalized(ResourceKind kind, ObjectNode object) {
        return Json.finalizers(object).isEmpty() && (!isNamespace(kind) || Namespaces.specFinalizers(object).isEmpty());
    }

    private void remove(ResourceKind kind, ObjectKey key, ObjectNode last) {
        if (dryRun) {
            return;
        }
        revision++;
        ObjectNode gone = last.deepCopy();
        Json.meta(gone).put("resourceVersion", Long.toString(revision));
        objects.remove(key);
        byKey.remove(key);
        cluster.record("remove " + key + " rv=" + revision);
        cluster.watches().publish(new Change(kind, key, gone, null, revision));
        if (KindRegistry.isCrd(kind.apiVersion(), kind.kind())) {
            removeCustomResources(gone);
        }
        if (!key.namespace().isEmpty() && cluster.namespaces().isTerminating(key.namespace())) {
            cluster.namespaces().requestSync(key.namespace());
        }
    }

    /** Deleting a CRD removes its kinds and every object of them. */
    private void removeCustomResources(ObjectNode crd) {
        for (ResourceKind served : KindRegistry.kindsOf(Resources.fromTree(crd))) {
            cluster.kinds().unregister(served);
            for (ObjectKey key : List.copyOf(objects.keySet())) {
                Stored s = byKey.get(key);
                if (s != null && key.resource().equals(served.resource())) {
                    remove(s.kind(), key, s.object());
                }
            }
        }
    }

    // ---- shared ---------------------------------------------------------------------------------------------------

    /**
     * Runs {@code action} as the API server runs a {@code dryRun=All} request: validated, admitted and defaulted as
     * usual, but nothing is stored, no resourceVersion is taken, no watch hears of it, and the uid a create shows is
     * derived from the object's key rather than drawn from the seed (so a dry run leaves the world's randomness as it
     * was: the same seed still gives the same uids). Call under the lock.
     */
    <T> T dryRun(java.util.function.Supplier<T> action) {
        boolean was = dryRun;
        dryRun = true;
        try {
            return action.get();
        } finally {
            dryRun = was;
        }
    }

    private void commit(String verb, ResourceKind kind, ObjectKey key, ObjectNode before, ObjectNode after) {
        if (dryRun) {
            return;
        }
        revision++;
        Json.meta(after).put("resourceVersion", Long.toString(revision));
        store(key, kind, after);
        cluster.record(verb + " " + key + " rv=" + revision);
        if (EventSchemas.isEvent(kind)) {
            cluster.eventTtl().written(key, cluster.world().now());
        }
        if (KindRegistry.isCrd(kind.apiVersion(), kind.kind())) {
            // a created or changed CRD serves its kinds at once (versions and subresources as now declared)
            KindRegistry.kindsOf(Resources.fromTree(after)).forEach(cluster.kinds()::register);
        }
        cluster.watches().publish(new Change(kind, key, before, after, revision));
    }

    private void store(ObjectKey key, ResourceKind kind, ObjectNode object) {
        Stored slot = byKey.get(key);
        if (slot != null) {
            slot.kind = kind;
            slot.object = object;
            return;
        }
        slot = new Stored(kind, object);
        objects.put(key, slot);
        byKey.put(key, slot);
    }

    private String timestamp() {
        return timestamp(0);
    }

    private String timestamp(long plusSeconds) {
        return cluster.world().now().plusSeconds(plusSeconds).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static boolean isNamespace(ResourceKind kind) {
        return kind.group().isEmpty() && kind.kind().equals("Namespace");
    }

    static NotFoundException notFound(ResourceKind kind, String namespace, String name) {
        return new NotFoundException(kind.resource() + " \"" + name + "\" not found", kind.kind(),
                kind.namespaced() ? namespace : null, name);
    }
}
