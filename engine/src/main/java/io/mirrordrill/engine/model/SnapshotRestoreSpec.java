package io.mirrordrill.engine.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;

/** {@code SnapshotRestore.spec}: which archive, from which vault, into which namespaces and storage classes. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder(alphabetic = true)
public record SnapshotRestoreSpec(String appArchivePath, String appVaultRef, List<NamespaceMapping> namespaceMapping,
        List<StorageClassMapping> storageClassMapping, ResourceFilter resourceFilter,
        List<ResourceTransformation> transformations, @JsonAnySetter @JsonAnyGetter Map<String, Object> unknownFields) {
    public SnapshotRestoreSpec {
        namespaceMapping = Frozen.list(namespaceMapping);
        storageClassMapping = Frozen.list(storageClassMapping);
        transformations = Frozen.list(transformations);
        unknownFields = Frozen.unknown(unknownFields);
    }
}
