package io.mirrordrill.engine.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Map;

/**
 * {@code ExecHooksRun.spec}, the documented fields: the application whose hooks run, the AppVault and archive path of
 * the ResourceBackup the run goes with, and the one action and stage whose hooks run.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder(alphabetic = true)
public record ExecHooksRunSpec(String applicationRef, String appVaultRef, String appArchivePath, String action,
        String stage, @JsonAnySetter @JsonAnyGetter Map<String, Object> unknownFields) {
    public ExecHooksRunSpec {
        unknownFields = Frozen.unknown(unknownFields);
    }

    public ExecHooksRunSpec(String applicationRef, String appVaultRef, String appArchivePath, String action,
                            String stage) {
        this(applicationRef, appVaultRef, appArchivePath, action, stage, null);
    }
}
