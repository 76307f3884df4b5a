package io.mirrordrill.scenario.crash;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.mirrordrill.port.kubernetes.KubernetesPort;
import io.mirrordrill.port.kubernetes.LabelSelector;
import io.mirrordrill.port.kubernetes.ResourceKind;
import io.mirrordrill.port.kubernetes.Watch;
import io.mirrordrill.port.kubernetes.WatchListener;

import java.util.List;
import java.util.Optional;

/**
 * The Kubernetes port with each call counted by the crash point ({@link CrashingPorts#call}): a plain forwarding
 * class rather than a reflective proxy, which boxed every call's arguments and invoked the target reflectively.
 * The compiler keeps it complete: a method added to the port must be forwarded here, defaults included (each
 * counts as the one call the engine made, as the proxy counted it).
 */
final class CountedKubernetesPort implements KubernetesPort {
    private final CrashingPorts crash;
    private final KubernetesPort target;

    CountedKubernetesPort(CrashingPorts crash, KubernetesPort target) {
        this.crash = crash;
        this.target = target;
    }

    @Override
    public ResourceKind resolve(String apiVersion, String kind) {
        return crash.call(() -> target.resolve(apiVersion, kind));
    }

    @Override
    public List<ResourceKind> kinds() {
        return crash.call(() -> target.kinds());
    }

    @Override
    public Optional<GenericKubernetesResource> get(String apiVersion, String kind, String namespace, String name) {
        return crash.call(() -> target.get(apiVersion, kind, namespace, name));
    }

    @Override
    public List<GenericKubernetesResource> list(String apiVersion, String kind, String namespace,
                                                LabelSelector selector) {
        return crash.call(() -> target.list(apiVersion, kind, namespace, selector));
    }

    @Override
    public GenericKubernetesResource create(GenericKubernetesResource resource) {
        return crash.call(() -> target.create(resource));
    }

    @Override
    public GenericKubernetesResource update(GenericKubernetesResource resource) {
        return crash.call(() -> target.update(resource));
    }

    @Override
    public GenericKubernetesResource updateStatus(GenericKubernetesResource resource) {
        return crash.call(() -> target.updateStatus(resource));
    }

    @Override
    public GenericKubernetesResource patch(String apiVersion, String kind, String namespace, String name,
                                           String mergePatch) {
        return crash.call(() -> target.patch(apiVersion, kind, namespace, name, mergePatch));
    }

    @Override
    public GenericKubernetesResource patchStatus(String apiVersion, String kind, String namespace, String name,
                                                 String mergePatch) {
        return crash.call(() -> target.patchStatus(apiVersion, kind, namespace, name, mergePatch));
    }

    @Override
    public void delete(String apiVersion, String kind, String namespace, String name) {
        crash.run(() -> target.delete(apiVersion, kind, namespace, name));
    }

    @Override
    public void delete(String apiVersion, String kind, String namespace, String name, long gracePeriodSeconds) {
        crash.run(() -> target.delete(apiVersion, kind, namespace, name, gracePeriodSeconds));
    }

    @Override
    public Watch watch(String apiVersion, String kind, String namespace, LabelSelector selector,
                       String resourceVersion, WatchListener listener) {
        return crash.call(() -> target.watch(apiVersion, kind, namespace, selector, resourceVersion, listener));
    }

    @Override
    public <T extends HasMetadata> Optional<T> get(Class<T> type, String namespace, String name) {
        return crash.call(() -> target.get(type, namespace, name));
    }

    @Override
    public <T extends HasMetadata> List<T> list(Class<T> type, String namespace, LabelSelector selector) {
        return crash.call(() -> target.list(type, namespace, selector));
    }

    @Override
    public <T extends HasMetadata> T create(T resource) {
        return crash.call(() -> target.create(resource));
    }

    @Override
    public <T extends HasMetadata> T update(T resource) {
        return crash.call(() -> target.update(resource));
    }

    @Override
    public <T extends HasMetadata> T updateStatus(T resource) {
        return crash.call(() -> target.updateStatus(resource));
    }

    @Override
    public void delete(HasMetadata resource) {
        crash.run(() -> target.delete(resource));
    }

    @Override
    public String toString() {
        return target.toString();
    }
}
