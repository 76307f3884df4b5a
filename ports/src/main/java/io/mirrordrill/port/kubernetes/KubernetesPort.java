package io.mirrordrill.port.kubernetes;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;

import java.util.List;
import java.util.Optional;

/**
 * One Kubernetes cluster's API, for any kind, built-in or custom, namespaced or cluster-scoped. A kind is named by
 * apiVersion and kind and resolved to its plural through {@link #resolve}. Semantics are the API server's:
 * <ul>
 *   <li>every write gets a new {@code metadata.resourceVersion}; a write carrying a stale one fails with
 *       {@link ConflictException} (an absent one is an unconditional write);</li>
 *   <li>{@code metadata.generation} grows when anything outside metadata (and outside status, for kinds with a status
 *       subresource) changes;</li>
 *   <li>for kinds with a status subresource, {@link #update}/{@link #patch} ignore {@code status}, and
 *       {@link #updateStatus}/{@link #patchStatus} change nothing else;</li>
 *   <li>deleting an object with finalizers only sets {@code metadata.deletionTimestamp}; it disappears when its last
 *       finalizer is removed.</li>
 * </ul>
 * Namespaced kinds take the namespace from {@code metadata.namespace}; cluster-scoped kinds ignore it. Errors are
 * {@link KubernetesException}s ({@link NotFoundException}, {@link AlreadyExistsException}, {@link ConflictException},
 * {@link InvalidException}, ...); a cluster that cannot be reached throws
 * {@link io.mirrordrill.port.UnreachableException}.
 */
public interface KubernetesPort {

    /** The kind serving {@code apiVersion}/{@code kind}, or {@link UnknownKindException}. */
    ResourceKind resolve(String apiVersion, String kind);

    /**
     * Every kind the cluster serves now, one entry per served version: the built-ins and those of its
     * CustomResourceDefinitions, sorted by apiVersion and kind. What a backup walks to find an application's objects.
     */
    List<ResourceKind> kinds();

    /** {@code GET}; empty when the object does not exist. */
    Optional<GenericKubernetesResource> get(String apiVersion, String kind, String namespace, String name);

    /** {@code GET} of a collection, sorted by namespace and name; a null namespace lists all namespaces. */
    List<GenericKubernetesResource> list(String apiVersion, String kind, String namespace, LabelSelector selector);

    /** {@code POST}; a missing name is generated from {@code metadata.generateName}. */
    GenericKubernetesResource create(GenericKubernetesResource resource);

    /** {@code PUT}: replaces the object, optimistically locked on its resourceVersion. */
    GenericKubernetesResource update(GenericKubernetesResource resource);

    /** {@code PUT .../status}: replaces only the status. */
    GenericKubernetesResource updateStatus(GenericKubernetesResource resource);

    /**
     * {@code PATCH} with a JSON merge patch (RFC 7386, {@code application/merge-patch+json}); a resourceVersion inside
     * the patch is a precondition.
     */
    GenericKubernetesResource patch(String apiVersion, String kind, String namespace, String name, String mergePatch);

    /** {@code PATCH .../status} with a JSON merge patch. */
    GenericKubernetesResource patchStatus(String apiVersion, String kind, String namespace, String name,
                                          String mergePatch);

    /** {@code DELETE}; {@link NotFoundException} when the object does not exist. */
    void delete(String apiVersion, String kind, String namespace, String name);

    /**
     * {@code DELETE} with DeleteOptions' {@code gracePeriodSeconds} ({@code kubectl delete --grace-period}): a pod is
     * given that long to stop instead of its {@code terminationGracePeriodSeconds}; 0 removes it at once (a force
     * delete); while a pod terminates, only a shorter period changes anything. Other kinds ignore it.
     */
    void delete(String apiVersion, String kind, String namespace, String name, long gracePeriodSeconds);

    /**
     * {@code GET ?watch=true}. With a null resourceVersion the watch starts with an ADDED event for every matching
     * object, then follows changes; with a resourceVersion it delivers every change after that version. Events arrive
     * asynchronously (in simulation: as events of the simulated world), in order.
     *
     * @param namespace null watches all namespaces
     */
    Watch watch(String apiVersion, String kind, String namespace, LabelSelector selector, String resourceVersion,
                WatchListener listener);

    // ---- typed convenience ----------------------------------------------------------------------------------------

    default <T extends HasMetadata> Optional<T> get(Class<T> type, String namespace, String name) {
        return get(HasMetadata.getApiVersion(type), HasMetadata.getKind(type), namespace, name)
                .map(r -> Resources.toTyped(r, type));
    }

    default <T extends HasMetadata> List<T> list(Class<T> type, String namespace, LabelSelector selector) {
        return list(HasMetadata.getApiVersion(type), HasMetadata.getKind(type), namespace, selector).stream()
                .map(r -> Resources.toTyped(r, type)).toList();
    }

    @SuppressWarnings("unchecked")
    default <T extends HasMetadata> T create(T resource) {
        return Resources.toTyped(create(Resources.toGeneric(resource)), (Class<T>) resource.getClass());
    }

    @SuppressWarnings("unchecked")
    default <T extends HasMetadata> T update(T resource) {
        return Resources.toTyped(update(Resources.toGeneric(resource)), (Class<T>) resource.getClass());
    }

    @SuppressWarnings("unchecked")
    default <T extends HasMetadata> T updateStatus(T resource) {
        return Resources.toTyped(updateStatus(Resources.toGeneric(resource)), (Class<T>) resource.getClass());
    }

    /** Deletes the object named by a typed or generic resource. */
    default void delete(HasMetadata resource) {
        delete(resource.getApiVersion(), resource.getKind(), resource.getMetadata().getNamespace(),
                resource.getMetadata().getName());
    }
}
