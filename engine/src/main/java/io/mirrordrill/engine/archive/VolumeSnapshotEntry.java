package io.mirrordrill.engine.archive;

/**
 * One PVC of a snapshot and the ONTAP snapshot that holds its data: what a restore or a failover needs to find the
 * volume (backend and SVM, ONTAP's internal volume name, the cluster's management LIF) and recreate the claim
 * (storage class, size).
 *
 * @param size the claim's requested size as a Kubernetes quantity, e.g. {@code 10Gi}
 * @param backend the Trident backend's name
 * @param internalVolumeName the ONTAP volume behind the PV, e.g. {@code trident_pvc_1234}
 * @param snapshotName the ONTAP snapshot of that volume taken for this archive
 * @param managementLif the management LIF of the ONTAP cluster behind the backend (its TridentBackend's
 *     {@code config.ontap_config.managementLIF}): where a destination releases the source side of a mirror
 */
public record VolumeSnapshotEntry(String namespace, String pvcName, String storageClass, String size, String pvName,
                                  String backend, String svm, String internalVolumeName, String snapshotName,
                                  String managementLif) {}
