package io.mirrordrill.engine.snapshot;

import io.mirrordrill.port.MirrordrillException;

/**
 * Why a snapshot cannot complete, for a person: the message names what is wrong and the fix; the reason is the
 * machine-readable word ({@link #APPLICATION_NOT_FOUND}, {@link #HOOK_FAILED}...).
 */
public class SnapshotException extends MirrordrillException {
    public static final String INVALID_SPEC = "InvalidSpec";
    public static final String APPLICATION_NOT_FOUND = "ApplicationNotFound";
    public static final String APPLICATION_INVALID = "ApplicationInvalid";
    public static final String APP_VAULT_NOT_FOUND = "AppVaultNotFound";
    public static final String APP_VAULT_UNUSABLE = "AppVaultUnusable";
    public static final String HOOK_FAILED = "HookFailed";
    public static final String CLAIM_NOT_SNAPSHOTTABLE = "ClaimNotSnapshottable";
    public static final String VOLUME_SNAPSHOT_FAILED = "VolumeSnapshotFailed";
    public static final String TRIDENT_BACKEND_NOT_FOUND = "TridentBackendNotFound";
    public static final String ARCHIVE_FAILED = "ArchiveFailed";
    public static final String DELETED = "Deleted";
    public static final String TIMED_OUT = "TimedOut";

    private final String reason;

    public SnapshotException(String reason, String message) {
        super(message);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
