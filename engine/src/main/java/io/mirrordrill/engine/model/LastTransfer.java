package io.mirrordrill.engine.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.Map;

/** When the last replication transfer finished and how many bytes it moved. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder(alphabetic = true)
public record LastTransfer(Instant completionTimestamp, Long transferSizeBytes, @JsonAnySetter @JsonAnyGetter Map<String, Object> unknownFields) {
    public LastTransfer {
        unknownFields = Frozen.unknown(unknownFields);
    }

    public LastTransfer(Instant completionTimestamp, Long transferSizeBytes) {
        this(completionTimestamp, transferSizeBytes, null);
    }
}
