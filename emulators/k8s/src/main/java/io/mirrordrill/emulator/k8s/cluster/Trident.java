package io.mirrordrill.emulator.k8s.cluster;

/** Names and keys Trident uses in Kubernetes objects, in one place. */
public final class Trident {
    private Trident() {}

    public static final String CSI_DRIVER = "csi.trident.netapp.io";
    public static final String NAMESPACE = "trident";
    /** PVC annotation that makes the claim a SnapMirror destination (a DP volume on a peered SVM). */
    public static final String MIRROR_ANNOTATION = "trident.netapp.io/mirrorRelationship";
    public static final String DEFAULT_CLASS_ANNOTATION = "storageclass.kubernetes.io/is-default-class";
    public static final String BACKEND_TYPE = "backendType";
    public static final String STORAGE_POOLS = "storagePools";
    public static final String ATTR_BACKEND_UUID = "backendUUID";
    public static final String ATTR_INTERNAL_NAME = "internalName";
    public static final String ATTR_NAME = "name";
    public static final String ATTR_PROTOCOL = "protocol";

    /** The PV name Trident gives a claim: {@code pvc-<claim uid>}. */
    public static String pvName(String claimUid) {
        return "pvc-" + claimUid;
    }

    /** The ONTAP volume name Trident gives a claim: {@code trident_pvc_<uid with underscores>}. */
    public static String internalName(String claimUid) {
        return "trident_pvc_" + claimUid.replace('-', '_');
    }
}
