package io.mirrordrill.emulator.ontap.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.mirrordrill.port.ontap.JobRecord;

/** What a route answers: an HTTP status and a JSON body. */
record Reply(int status, JsonNode body) {
    static Reply ok(JsonNode body) {
        return new Reply(200, body);
    }

    static Reply created(JsonNode body) {
        return new Reply(201, body);
    }

    /** 202 Accepted with the job link, as ONTAP answers a POST, PATCH or DELETE that runs as a job. */
    static Reply job(JobRecord job) {
        return new Reply(202, Json.object().put("job.uuid", job.uuid())
                .put("job._links.self.href", "/api/cluster/jobs/" + job.uuid()).node());
    }
}
