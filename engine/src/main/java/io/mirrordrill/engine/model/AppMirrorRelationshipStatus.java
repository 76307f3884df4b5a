package io.mirrordrill.engine.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code AppMirrorRelationship.status} (field names chosen by the reference, the real schema being unpublished).
 * {@code postFailoverHooks} reports the hooks run after the last promotion; a status built without it (every move
 * of the lifecycle) has none, so a new state starts without the last one's report.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder(alphabetic = true)
public record AppMirrorRelationshipStatus(String state, List<Condition> conditions, String destinationApplicationRef,
        List<String> destinationNamespaces, LastTransfer lastTransfer, String lastTransferredSnapshot, String error,
        PostFailoverHooks postFailoverHooks, @JsonAnySetter @JsonAnyGetter Map<String, Object> unknownFields)
        implements Conditioned<AppMirrorRelationshipStatus> {
    public AppMirrorRelationshipStatus {
        conditions = Frozen.list(conditions);
        destinationNamespaces = Frozen.list(destinationNamespaces);
        unknownFields = Frozen.unknown(unknownFields);
    }

    public AppMirrorRelationshipStatus(String state, List<Condition> conditions, String destinationApplicationRef,
            List<String> destinationNamespaces, LastTransfer lastTransfer, String lastTransferredSnapshot, String error,
            Map<String, Object> unknownFields) {
        this(state, conditions, destinationApplicationRef, destinationNamespaces, lastTransfer,
                lastTransferredSnapshot, error, null, unknownFields);
    }

    @Override
    public AppMirrorRelationshipStatus withConditions(List<Condition> conditions) {
        return new AppMirrorRelationshipStatus(state, conditions, destinationApplicationRef, destinationNamespaces,
                lastTransfer, lastTransferredSnapshot, error, postFailoverHooks, unknownFields);
    }

    public AppMirrorRelationshipStatus withPostFailoverHooks(PostFailoverHooks hooks) {
        return new AppMirrorRelationshipStatus(state, conditions, destinationApplicationRef, destinationNamespaces,
                lastTransfer, lastTransferredSnapshot, error, hooks, unknownFields);
    }

    public Optional<MirrorState> stateValue() {
        return MirrorState.parse(state);
    }
}
