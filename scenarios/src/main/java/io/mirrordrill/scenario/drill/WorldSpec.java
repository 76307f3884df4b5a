package io.mirrordrill.scenario.drill;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The estate a drill runs on: sites and links, ONTAP, object stores and Kubernetes clusters. */
public record WorldSpec(List<String> sites, List<Link> links, List<Ontap> ontap, List<Peer> peers,
                        List<ObjectStore> objectStores, List<Kubernetes> kubernetes, Map<String, At> where) {

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

    public record Backend(String name, String ontap, String svm) {}

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
    }

    /** Where {@code section[index]} ({@code "ontap[1]"}) is written; for messages. */
    public At at(String section, int index) {
        At at = where.get(section + "[" + index + "]");
        return at != null ? at : where.getOrDefault(section, new At("world", 0, section + "[" + index + "]"));
    }
}
