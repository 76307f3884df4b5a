package io.mirrordrill.port.ontap;

import java.time.Instant;

/** {@code GET /api/cluster/jobs/{uuid}}; success carries message "success" and code 0. */
public record JobRecord(String uuid, String description, JobState state, String message, String code,
                        Instant startTime, Instant endTime) {
    public boolean succeeded() {
        return state == JobState.SUCCESS;
    }
}
