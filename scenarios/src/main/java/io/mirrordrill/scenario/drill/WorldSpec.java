package io.mirrordrill.scenario.drill;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The estate a drill runs on: sites and links, ONTAP, object stores and Kubernetes clusters. */
public record WorldSpec(List<String> sites, List<Link> links, List<Ontap> ontap, List<Peer> peers,
                        List<ObjectStore> objectStores, List<Kubernetes> kubernetes, Map<String, At> where,
                        List<Element> element, List<Volume> volumes) {

    /** A world without Element clusters or declared volumes. */
    public WorldSpec(List<String> sites, List<Link> links, List<Ontap> ontap, List<Peer> peers,
                     List<ObjectStore> objectStores, List<Kubernetes> kubernetes, Map<String, At> where) {
        this(sites, links, ontap, peers, objectStores, kubernetes, where, List.of(), List.of());
    }

    /** An Element (SolidFire) cluster at a site: its MVIP is what a {@code solidfire-san} backend's Endpoint names. */
    public record Element(String name, String site) {}

    /**
     * An ONTAP volume an administrator made outside Trident ({@code volume create}), optionally the destination of a
     * volume SnapMirror from {@code mirrorOf} ({@code CLUSTER/SVM/VOLUME}) on {@code schedule}, initialized when
     * the world is built.
     */
    public record Volume(String cluster, String svm, String name, long size, String mirrorOf, String schedule) {}

    public record Link(String a, String b, Duration latency, long bandwidth) {}

    public record Ontap(String name, String site, List<String> svms) {}

    /** SVM peering (and cluster peering if the clusters are not yet peered). */
    public record Peer(String cluster, String svm, String peerCluster, String peerSvm) {}

    /**
     * An S3 endpoint at a site, its buckets and its one access key. The secret never appears in any output; the
     * drill file's Secrets carry it to the clusters.
     */
    public record ObjectStore(String host, String site, List<String> buckets, String accessKeyId,
                              String secretAccessKey) {}

    /**
     * A Trident backend: {@code ontap-nas} on an SVM, or {@code solidfire-san} on an Element cluster ({@code element},
     * the cluster behind its Endpoint) for a tenant ({@code tenantName}).
     */
    public record Backend(String name, String ontap, String svm, String element, String tenantName) {
        public Backend(String name, String ontap, String svm) {
            this(name, ontap, svm, null, null);
        }

        public boolean isElement() {
            return element != null;
        }
    }

    public record StorageClass(String name, String backend, boolean isDefault) {}

    /**
     * A Kubernetes cluster with Trident backends, storage classes, and the protect controller's environment and
     * Helm values.
     */
    public record Kubernetes(String name, String site, List<Backend> backends, List<StorageClass> storageClasses,
                             List<String> namespaces, Map<String, String> environment,
                             Map<String, String> helmValues) {}

    public WorldSpec {
        sites = List.copyOf(sites);
        links = List.copyOf(links);
        ontap = List.copyOf(ontap);
        peers = List.copyOf(peers);
        objectStores = List.copyOf(objectStores);
        kubernetes = List.copyOf(kubernetes);
        where = Map.copyOf(where);
        element = List.copyOf(element);
        volumes = List.copyOf(volumes);
    }

    /** Where {@code section[index]} ({@code "ontap[1]"}) is written; for messages. */
    public At at(String section, int index) {
        At at = where.get(section + "[" + index + "]");
        return at != null ? at : where.getOrDefault(section, new At("world", 0, section + "[" + index + "]"));
    }
}
