package io.mirrordrill.emulator.estate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.mirrordrill.emulator.k8s.KubernetesCluster;
import io.mirrordrill.emulator.k8s.cluster.ClusterSimulator;
import io.mirrordrill.emulator.k8s.cluster.TridentBackend;
import io.mirrordrill.port.kubernetes.KubernetesPort;
import io.mirrordrill.port.kubernetes.Resources;
import io.mirrordrill.sim.SimulationException;

import java.util.List;
import java.util.Optional;

/**
 * One emulated Kubernetes cluster of an {@link Estate}: its API server, the cluster simulator (Trident, workload
 * controllers, kubelet) and the CRDs it was given, all at one site. What runs the protect resources is the
 * caller's: a drill's world starts a protect engine beside it, an engine test its own.
 */
public final class EstateCluster {
    private final String name;
    private final String site;
    private final KubernetesCluster apiServer;
    private final ClusterSimulator simulator;

    EstateCluster(Estate estate, String name, String site, List<ObjectNode> crds) {
        this.name = name;
        this.site = site;
        this.apiServer = new KubernetesCluster(estate.world(), name, site);
        this.simulator = new ClusterSimulator(estate.world(), apiServer.port(), name, site, estate.ontap())
                .withElement(estate.element());
        for (ObjectNode crd : crds) {
            apply(crd.deepCopy(), null);
        }
        simulator.start();
    }

    /** A new node over an API server that exists already (a cluster rebuilt from an etcd snapshot). */
    EstateCluster(Estate estate, KubernetesCluster apiServer) {
        this.name = apiServer.name();
        this.site = apiServer.site();
        this.apiServer = apiServer;
        this.simulator = new ClusterSimulator(estate.world(), apiServer.port(), name, site, estate.ontap())
                .withElement(estate.element());
        simulator.start();
    }

    public String name() {
        return name;
    }

    public String site() {
        return site;
    }

    /** The API as the cluster's own components see it. */
    public KubernetesPort api() {
        return apiServer.port();
    }

    /** The API as seen from another site (an operator's laptop, a remote engine). */
    public KubernetesPort api(String callerSite) {
        return apiServer.port(callerSite);
    }

    public ClusterSimulator simulator() {
        return simulator;
    }

    public KubernetesCluster apiServer() {
        return apiServer;
    }

    /** {@code kubectl apply} of one object; {@code namespace} is the default for one without (null for none). */
    public GenericKubernetesResource apply(ObjectNode tree, String namespace) {
        return KubectlApply.apply(api(), tree, namespace);
    }

    /** {@code tridentctl create backend} for an ONTAP-NAS backend on an SVM. */
    public EstateCluster backend(String backendName, String ontapCluster, String svm) {
        simulator.addBackend(backendName, TridentBackend.ONTAP_NAS, ontapCluster, svm);
        return this;
    }

    /** {@code tridentctl create backend} of a {@code solidfire-san} backend: an Element cluster and a tenant. */
    public EstateCluster elementBackend(String backendName, String elementCluster, String tenantName) {
        simulator.addBackend(backendName, TridentBackend.SOLIDFIRE_SAN, elementCluster, tenantName);
        return this;
    }

    /**
     * A Trident storage class bound to a backend, allowing volume expansion as Trident's sample classes do;
     * optionally the cluster's default.
     */
    public EstateCluster storageClass(String className, String backendName, boolean isDefault) {
        ObjectNode sc = Resources.mapper().createObjectNode();
        sc.put("apiVersion", "storage.k8s.io/v1").put("kind", "StorageClass");
        ObjectNode meta = sc.putObject("metadata");
        meta.put("name", className);
        if (isDefault) {
            meta.putObject("annotations").put("storageclass.kubernetes.io/is-default-class", "true");
        }
        sc.put("provisioner", "csi.trident.netapp.io").put("reclaimPolicy", "Retain").put("allowVolumeExpansion", true);
        sc.putObject("parameters").put("backendType", driverOf(backendName))
                .put("storagePools", backendName + ":aggr1");
        apply(sc, null);
        return this;
    }

    /** The backend's driver; {@code ontap-nas} for a backend not created (yet), as classes were before Element. */
    private String driverOf(String backendName) {
        try {
            return simulator.backend(backendName).storageDriverName();
        } catch (SimulationException unknown) {
            return TridentBackend.ONTAP_NAS;
        }
    }

    /** {@code kubectl create namespace}. */
    public EstateCluster namespace(String namespace) {
        ObjectNode ns = Resources.mapper().createObjectNode().put("apiVersion", "v1").put("kind", "Namespace");
        ns.putObject("metadata").put("name", namespace);
        apply(ns, null);
        return this;
    }

    public Optional<ObjectNode> get(String apiVersion, String kind, String namespace, String resourceName) {
        return api().get(apiVersion, kind, namespace, resourceName).map(Resources::toTree);
    }
}
