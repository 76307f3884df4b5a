package io.mirrordrill.emulator.k8s.cluster;

/**
 * A Trident backend: a storage driver bound to one ONTAP SVM. {@code uuid} is the backendUUID Trident writes into
 * every PV it provisions; {@code managementCluster} names the emulated ONTAP cluster behind the management LIF.
 * For {@code solidfire-san}, {@code managementCluster} is the Element cluster behind the {@code Endpoint} (MVIP) and
 * {@code svm} the {@code TenantName} (the Element account the volumes belong to).
 */
public record TridentBackend(String name, String uuid, String storageDriverName, String managementCluster,
                             String svm) {
    public static final String ONTAP_NAS = "ontap-nas";
    public static final String ONTAP_SAN = "ontap-san";
    public static final String SOLIDFIRE_SAN = "solidfire-san";

    /** Whether the backend is an Element (SolidFire) cluster rather than an ONTAP SVM. */
    public boolean isElement() {
        return SOLIDFIRE_SAN.equals(storageDriverName);
    }

    public TridentBackend withSvm(String newCluster, String newSvm) {
        return new TridentBackend(name, uuid, storageDriverName, newCluster, newSvm);
    }
}
