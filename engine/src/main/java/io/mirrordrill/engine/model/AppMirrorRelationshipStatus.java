package io.mirrordrill.engine.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code AppMirrorRelationship.status} (field names chosen by the reference, the real schema being unpublished). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder(alphabetic = true)
public record AppMirrorRelationshipStatus(String state, List<Condition> conditions, String destinationApplicationRef,
        List<String> destinationNamespaces, LastTransfer lastTransfer, String lastTransferredSnapshot, String error,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> unknownFields)
        implements Conditioned<AppMirrorRelationshipStatus> {
    public AppMirrorRelationshipStatus {
        conditions = Frozen.list(conditions);
        destinationNamespaces = Frozen.list(destinationNamespaces);
        unknownFields = Frozen.unknown(unknownFields);
    }

    @Override
    public AppMirrorRelationshipStatus withConditions(List<Condition> conditions) {
        return new AppMirrorRelationshipStatus(state, conditions, destinationApplicationRef, destinationNamespaces,
                lastTransfer, lastTransferredSnapshot, error, unknownFields);
    }

    public Optional<MirrorState> stateValue() {
        return MirrorState.parse(state);
    }
}
