package io.mirrordrill.emulator.k8s;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.mirrordrill.port.MirrordrillException;
import io.mirrordrill.port.UnreachableException;
import io.mirrordrill.port.kubernetes.InvalidException;
import io.mirrordrill.port.kubernetes.KubernetesException;
import io.mirrordrill.port.kubernetes.KubernetesPort;
import io.mirrordrill.port.kubernetes.LabelSelector;
import io.mirrordrill.port.kubernetes.ResourceKind;
import io.mirrordrill.port.kubernetes.Resources;
import io.mirrordrill.port.kubernetes.Watch;
import io.mirrordrill.port.kubernetes.WatchEvent;
import io.mirrordrill.port.kubernetes.WatchListener;

import java.util.List;
import java.util.Optional;

/** {@link KubernetesPort} of an emulated cluster for a caller at one site: checks reachability, then asks the store. */
final class ClusterPort implements KubernetesPort {
    private final KubernetesCluster cluster;
    private final String callerSite;

    ClusterPort(KubernetesCluster cluster, String callerSite) {
        this.cluster = cluster;
        this.callerSite = callerSite;
    }

    @Override
    public ResourceKind resolve(String apiVersion, String kind) {
        reachable();
        if (apiVersion == null || apiVersion.isEmpty() || kind == null || kind.isEmpty()) {
            throw new InvalidException("Object 'Kind' or 'apiVersion' is missing", kind, null, null);
        }
        return cluster.kinds().require(apiVersion, kind);
    }

    @Override
    public List<ResourceKind> kinds() {
        reachable();
        return cluster.kinds().all();
    }

    @Override
    public Optional<GenericKubernetesResource> get(String apiVersion, String kind, String namespace, String name) {
        ResourceKind k = resolve(apiVersion, kind);
        return store(k).get(EventSchemas.storage(k), namespace, name).map(o -> out(o, k));
    }

    @Override
    public List<GenericKubernetesResource> list(String apiVersion, String kind, String namespace,
                                                LabelSelector selector) {
        ResourceKind k = resolve(apiVersion, kind);
        return store(k).list(EventSchemas.storage(k), namespace, orEverything(selector)).stream()
                .map(o -> out(o, k)).toList();
    }

    @Override
    public GenericKubernetesResource create(GenericKubernetesResource resource) {
        ResourceKind k = resolve(resource.getApiVersion(), resource.getKind());
        return out(store(k).create(EventSchemas.storage(k), in(Resources.toTree(resource), k)), k);
    }

    @Override
    public GenericKubernetesResource update(GenericKubernetesResource resource) {
        ResourceKind k = resolve(resource.getApiVersion(), resource.getKind());
        return out(store(k).update(EventSchemas.storage(k), in(Resources.toTree(resource), k), false), k);
    }

    @Override
    public GenericKubernetesResource updateStatus(GenericKubernetesResource resource) {
        ResourceKind k = resolve(resource.getApiVersion(), resource.getKind());
        return out(store(k).update(EventSchemas.storage(k), in(Resources.toTree(resource), k), true), k);
    }

    @Override
    public GenericKubernetesResource patch(String apiVersion, String kind, String namespace, String name,
                                           String mergePatch) {
        ResourceKind k = resolve(apiVersion, kind);
        return out(store(k).patch(EventSchemas.storage(k), namespace, name, in(parse(mergePatch), k), false), k);
    }

    @Override
    public GenericKubernetesResource patchStatus(String apiVersion, String kind, String namespace, String name,
                                                 String mergePatch) {
        ResourceKind k = resolve(apiVersion, kind);
        return out(store(k).patch(EventSchemas.storage(k), namespace, name, in(parse(mergePatch), k), true), k);
    }

    @Override
    public void delete(String apiVersion, String kind, String namespace, String name) {
        ResourceKind k = resolve(apiVersion, kind);
        store(k).delete(EventSchemas.storage(k), namespace, name);
    }

    @Override
    public void delete(String apiVersion, String kind, String namespace, String name, long gracePeriodSeconds) {
        ResourceKind k = resolve(apiVersion, kind);
        store(k).delete(EventSchemas.storage(k), namespace, name, gracePeriodSeconds);
    }

    @Override
    public Watch watch(String apiVersion, String kind, String namespace, LabelSelector selector,
                       String resourceVersion, WatchListener listener) {
        ResourceKind k = resolve(apiVersion, kind);
        String ns = k.namespaced() ? namespace : null;
        ResourceKind stored = EventSchemas.storage(k);
        WatchListener presented = stored == k ? listener : new WatchListener() {
            @Override
            public void onEvent(WatchEvent event) {
                listener.onEvent(new WatchEvent(event.type(), out(Resources.toTree(event.object()), k)));
            }

            @Override
            public void onClose(MirrordrillException cause) {
                listener.onClose(cause);
            }
        };
        store(k);
        return cluster.watches().open(stored, ns, orEverything(selector), resourceVersion, callerSite, presented,
                cluster.all(stored, ns));
    }

    /** The store, with expired Events gone first when the request is about events. */
    private ApiStore store(ResourceKind kind) {
        if (EventSchemas.isEvent(kind)) {
            cluster.expireEvents();
        }
        return cluster.store();
    }

    private static JsonNode in(JsonNode body, ResourceKind kind) {
        return body instanceof ObjectNode o ? EventSchemas.toStorage(kind, o) : body;
    }

    private static ObjectNode in(ObjectNode body, ResourceKind kind) {
        return EventSchemas.toStorage(kind, body);
    }

    private static GenericKubernetesResource out(ObjectNode stored, ResourceKind kind) {
        return Json.toResource(EventSchemas.fromStorage(kind, stored), kind);
    }

    private void reachable() {
        if (!cluster.world().network().reachable(callerSite, cluster.site())) {
            throw new UnreachableException(cluster.endpoint(), "no route from site " + callerSite + " to site "
                    + cluster.site());
        }
    }

    private static LabelSelector orEverything(LabelSelector selector) {
        return selector == null ? LabelSelector.everything() : selector;
    }

    private static JsonNode parse(String mergePatch) {
        try {
            return Resources.mapper().readTree(mergePatch);
        } catch (JsonProcessingException e) {
            throw new KubernetesException(400, "BadRequest", "error decoding patch: " + e.getOriginalMessage(),
                    null, null, null);
        }
    }
}
