package io.mirrordrill.emulator.k8s.cluster;

/**
 * A Trident backend: a storage driver bound to one ONTAP SVM. {@code uuid} is the backendUUID Trident writes into
 * every PV it provisions; {@code managementCluster} names the emulated ONTAP cluster behind the management LIF.
 */
public record TridentBackend(String name, String uuid, String storageDriverName, String managementCluster,
                             String svm) {
    public static final String ONTAP_NAS = "ontap-nas";
    public static final String ONTAP_SAN = "ontap-san";

    public TridentBackend withSvm(String newCluster, String newSvm) {
        return new TridentBackend(name, uuid, storageDriverName, newCluster, newSvm);
    }
}
