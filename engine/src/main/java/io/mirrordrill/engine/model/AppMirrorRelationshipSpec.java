package io.mirrordrill.engine.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code AppMirrorRelationship.spec}, created on the destination cluster in the destination app namespace. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder(alphabetic = true)
public record AppMirrorRelationshipSpec(String desiredState, String sourceAppVaultRef, String destinationAppVaultRef,
        String sourceApplicationName, String sourceApplicationUID, List<NamespaceMapping> namespaceMapping,
        String storageClassName, List<StorageClassMapping> storageClassMapping, String recurrenceRule,
        String promotedSnapshot, List<ResourceTransformation> transformations, @JsonAnySetter @JsonAnyGetter Map<String, Object> unknownFields) {
    public AppMirrorRelationshipSpec {
        namespaceMapping = Frozen.list(namespaceMapping);
        storageClassMapping = Frozen.list(storageClassMapping);
        transformations = Frozen.list(transformations);
        unknownFields = Frozen.unknown(unknownFields);
    }

    /** Default Established (the seed does not mark the field required); empty when the value is not accepted. */
    public Optional<DesiredState> desiredStateValue() {
        return desiredState == null ? Optional.of(DesiredState.ESTABLISHED) : DesiredState.parse(desiredState);
    }

    /** Failover and resync are edits of this one field. */
    public AppMirrorRelationshipSpec withDesiredState(DesiredState state) {
        return new AppMirrorRelationshipSpec(state.value(), sourceAppVaultRef, destinationAppVaultRef,
                sourceApplicationName, sourceApplicationUID, namespaceMapping, storageClassName, storageClassMapping,
                recurrenceRule, promotedSnapshot, transformations, unknownFields);
    }

    /** A planned reverse fails over to the ShutdownSnapshot's archive basename. */
    public AppMirrorRelationshipSpec withPromotedSnapshot(String basename) {
        return new AppMirrorRelationshipSpec(desiredState, sourceAppVaultRef, destinationAppVaultRef,
                sourceApplicationName, sourceApplicationUID, namespaceMapping, storageClassName, storageClassMapping,
                recurrenceRule, basename, transformations, unknownFields);
    }
}
