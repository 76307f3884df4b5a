package io.mirrordrill.engine.port.ontap;

import java.time.Duration;
import java.util.List;

/**
 * {@code /api/snapmirror/relationships} record. Paths are {@code svm:volume} or {@code svm:} for SVM-DR;
 * {@code lagTime} is the age of the exported snapshot (null before the first transfer); {@code transfer} is the
 * running or most recent transfer (null before the first).
 */
public record RelationshipRecord(String uuid, String sourcePath, String sourceCluster, String destinationPath,
                                 String destinationCluster, String policy, String policyType, RelationshipState state,
                                 boolean healthy, List<UnhealthyReason> unhealthyReason, String exportedSnapshot,
                                 Duration lagTime, String lastTransferType, TransferRecord transfer,
                                 String transferSchedule, String groupType, String identityPreservation) {}
