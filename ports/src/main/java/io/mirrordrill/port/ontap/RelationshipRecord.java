package io.mirrordrill.port.ontap;

import java.time.Duration;
import java.util.List;

/**
 * {@code /api/snapmirror/relationships} record. Paths are {@code svm:volume} or {@code svm:} for SVM-DR;
 * {@code lagTime} is the age of the exported snapshot (null before the first transfer); {@code transfer} is the
 * running or most recent transfer (null before the first). {@code sourceSvmUuid} and {@code destinationSvmUuid}
 * are {@code source.svm.uuid} and {@code destination.svm.uuid}, each the SVM's uuid on its own cluster;
 * {@code policyUuid} is {@code policy.uuid}, the policy of the destination cluster.
 */
public record RelationshipRecord(String uuid, String sourcePath, String sourceCluster, String destinationPath,
                                 String destinationCluster, String policy, String policyType, RelationshipState state,
                                 boolean healthy, List<UnhealthyReason> unhealthyReason, String exportedSnapshot,
                                 Duration lagTime, String lastTransferType, TransferRecord transfer,
                                 String transferSchedule, String groupType, String identityPreservation,
                                 String sourceSvmUuid, String destinationSvmUuid, String policyUuid) {}
