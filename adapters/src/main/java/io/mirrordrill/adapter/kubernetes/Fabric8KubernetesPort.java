package io.mirrordrill.adapter.kubernetes;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.api.model.ListOptions;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory;
import io.mirrordrill.adapter.kubernetes.Fabric8Errors.Op;
import io.mirrordrill.port.kubernetes.KindRegistry;
import io.mirrordrill.port.kubernetes.KubernetesPort;
import io.mirrordrill.port.kubernetes.LabelSelector;
import io.mirrordrill.port.kubernetes.NotFoundException;
import io.mirrordrill.port.kubernetes.ResourceKind;
import io.mirrordrill.port.kubernetes.UnknownKindException;
import io.mirrordrill.port.kubernetes.Watch;
import io.mirrordrill.port.kubernetes.WatchListener;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@link KubernetesPort} over the fabric8 client. Kinds are resolved through a {@link KindRegistry} (built-ins, then
 * the cluster's CRDs, fetched when an unknown kind is first asked for) rather than API discovery, and every request
 * goes through fabric8's generic-resource API with an explicit plural. The client is the caller's to close.
 */
public final class Fabric8KubernetesPort implements KubernetesPort {
    private static final Comparator<GenericKubernetesResource> BY_NAMESPACE_AND_NAME = Comparator
            .comparing((GenericKubernetesResource r) -> String.valueOf(r.getMetadata().getNamespace()))
            .thenComparing(r -> r.getMetadata().getName());

    private final KubernetesClient client;
    private final KindRegistry kinds;
    private final String endpoint;

    public Fabric8KubernetesPort(KubernetesClient client) {
        this(client, KindRegistry.withBuiltins());
    }

    public Fabric8KubernetesPort(KubernetesClient client, KindRegistry kinds) {
        this.client = client;
        this.kinds = kinds;
        this.endpoint = client.getConfiguration().getMasterUrl();
    }

    /** A fabric8 client on the JDK HTTP client, whichever other HTTP client is on the class path. */
    public static KubernetesClient jdkClient(Config config) {
        return new KubernetesClientBuilder().withConfig(config).withHttpClientFactory(new JdkHttpClientFactory())
                .build();
    }

    @Override
    public ResourceKind resolve(String apiVersion, String kind) {
        Optional<ResourceKind> known = kinds.find(apiVersion, kind);
        if (known.isPresent()) {
            return known.get();
        }
        ResourceKind crdKind = kinds.require("apiextensions.k8s.io/v1", "CustomResourceDefinition");
        call(Op.READ, crdKind, null, null, () -> ops(crdKind).list().getItems())
                .forEach(crd -> KindRegistry.kindsOf(crd).forEach(kinds::register));
        return kinds.find(apiVersion, kind).orElseThrow(() -> new UnknownKindException(apiVersion, kind));
    }

    /** The built-ins and the kinds of the CRDs the server has now (asked on every call: CRDs come and go). */
    @Override
    public List<ResourceKind> kinds() {
        ResourceKind crdKind = kinds.require("apiextensions.k8s.io/v1", "CustomResourceDefinition");
        KindRegistry now = KindRegistry.withBuiltins();
        call(Op.READ, crdKind, null, null, () -> ops(crdKind).list().getItems())
                .forEach(crd -> KindRegistry.kindsOf(crd).forEach(k -> {
                    now.register(k);
                    kinds.register(k);
                }));
        return now.all();
    }

    @Override
    public Optional<GenericKubernetesResource> get(String apiVersion, String kind, String namespace, String name) {
        ResourceKind k = resolve(apiVersion, kind);
        return call(Op.READ, k, namespace, name, () -> Optional.ofNullable(one(k, namespace, name).get()));
    }

    @Override
    public List<GenericKubernetesResource> list(String apiVersion, String kind, String namespace,
                                                LabelSelector selector) {
        ResourceKind k = resolve(apiVersion, kind);
        ListOptions options = new ListOptionsBuilder().withLabelSelector(text(selector)).build();
        List<GenericKubernetesResource> items = call(Op.READ, k, namespace, null, () -> (k.namespaced()
                ? namespace == null ? ops(k).inAnyNamespace().list(options) : ops(k).inNamespace(namespace).list(options)
                : ops(k).list(options)).getItems());
        return items.stream().sorted(BY_NAMESPACE_AND_NAME).toList();
    }

    @Override
    public GenericKubernetesResource create(GenericKubernetesResource resource) {
        ResourceKind k = resolve(resource.getApiVersion(), resource.getKind());
        String ns = resource.getMetadata().getNamespace();
        GenericKubernetesResource created = call(Op.CREATE, k, ns, resource.getMetadata().getName(),
                () -> scope(k, ns).resource(resource).create());
        if (KindRegistry.isCrd(k.apiVersion(), k.kind())) {
            KindRegistry.kindsOf(created).forEach(kinds::register);
        }
        return created;
    }

    @Override
    public GenericKubernetesResource update(GenericKubernetesResource resource) {
        ResourceKind k = resolve(resource.getApiVersion(), resource.getKind());
        String ns = resource.getMetadata().getNamespace();
        return call(Op.WRITE, k, ns, resource.getMetadata().getName(), () -> scope(k, ns).resource(resource).update());
    }

    @Override
    public GenericKubernetesResource updateStatus(GenericKubernetesResource resource) {
        ResourceKind k = resolve(resource.getApiVersion(), resource.getKind());
        String ns = resource.getMetadata().getNamespace();
        return call(Op.WRITE, k, ns, resource.getMetadata().getName(),
                () -> scope(k, ns).resource(resource).updateStatus());
    }

    @Override
    public GenericKubernetesResource patch(String apiVersion, String kind, String namespace, String name,
                                           String mergePatch) {
        ResourceKind k = resolve(apiVersion, kind);
        return call(Op.WRITE, k, namespace, name,
                () -> one(k, namespace, name).patch(PatchContext.of(PatchType.JSON_MERGE), mergePatch));
    }

    @Override
    public GenericKubernetesResource patchStatus(String apiVersion, String kind, String namespace, String name,
                                                 String mergePatch) {
        ResourceKind k = resolve(apiVersion, kind);
        return call(Op.WRITE, k, namespace, name, () -> one(k, namespace, name).subresource("status")
                .patch(PatchContext.of(PatchType.JSON_MERGE), mergePatch));
    }

    @Override
    public void delete(String apiVersion, String kind, String namespace, String name) {
        ResourceKind k = resolve(apiVersion, kind);
        // fabric8 answers a 404 with an empty list rather than an exception
        if (call(Op.DELETE, k, namespace, name, () -> one(k, namespace, name).delete()).isEmpty()) {
            throw new NotFoundException(k.resource() + " \"" + name + "\" not found", k.kind(),
                    k.namespaced() ? namespace : null, name);
        }
    }

    @Override
    public void delete(String apiVersion, String kind, String namespace, String name, long gracePeriodSeconds) {
        ResourceKind k = resolve(apiVersion, kind);
        if (call(Op.DELETE, k, namespace, name, () -> one(k, namespace, name).withGracePeriod(gracePeriodSeconds)
                .delete()).isEmpty()) {
            throw new NotFoundException(k.resource() + " \"" + name + "\" not found", k.kind(),
                    k.namespaced() ? namespace : null, name);
        }
    }

    @Override
    public Watch watch(String apiVersion, String kind, String namespace, LabelSelector selector,
                       String resourceVersion, WatchListener listener) {
        ResourceKind k = resolve(apiVersion, kind);
        ListOptions options = new ListOptionsBuilder().withLabelSelector(text(selector))
                .withResourceVersion(resourceVersion).build();
        Fabric8Watch watch = new Fabric8Watch(listener, endpoint, k, namespace);
        watch.attach(call(Op.WATCH, k, namespace, null, () -> (k.namespaced() && namespace != null
                ? ops(k).inNamespace(namespace) : k.namespaced() ? ops(k).inAnyNamespace() : ops(k))
                .watch(options, watch)));
        return watch;
    }

    // ---- plumbing -------------------------------------------------------------------------------------------------

    private MixedOperation<GenericKubernetesResource, GenericKubernetesResourceList, Resource<GenericKubernetesResource>>
            ops(ResourceKind k) {
        return client.genericKubernetesResources(new ResourceDefinitionContext.Builder().withGroup(k.group())
                .withVersion(k.version()).withKind(k.kind()).withPlural(k.plural()).withNamespaced(k.namespaced())
                .build());
    }

    private NonNamespaceOperation<GenericKubernetesResource, GenericKubernetesResourceList,
            Resource<GenericKubernetesResource>> scope(ResourceKind k, String namespace) {
        return k.namespaced() ? ops(k).inNamespace(namespace) : ops(k);
    }

    private Resource<GenericKubernetesResource> one(ResourceKind k, String namespace, String name) {
        return scope(k, namespace).withName(name);
    }

    private static String text(LabelSelector selector) {
        return selector == null || selector.isEverything() ? null : selector.toString();
    }

    private <T> T call(Op op, ResourceKind k, String namespace, String name, Supplier<T> request) {
        try {
            return request.get();
        } catch (KubernetesClientException e) {
            throw Fabric8Errors.translate(e, endpoint, op, k, namespace, name, kinds);
        }
    }
}
