package io.mirrordrill.port.ontap;

import java.time.Duration;
import java.time.Instant;

/**
 * {@code /api/snapmirror/relationships/{uuid}/transfers} record. {@code type} is {@code initialize}, {@code update}
 * or {@code resync}; {@code errorCode}/{@code errorMessage} are {@code error_info} on failure.
 */
public record TransferRecord(String uuid, String relationshipUuid, String type, TransferState state,
                             long bytesTransferred, Instant startTime, Instant endTime, Duration totalDuration,
                             String snapshot, String errorCode, String errorMessage) {}
