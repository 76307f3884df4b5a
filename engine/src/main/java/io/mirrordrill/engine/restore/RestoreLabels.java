package io.mirrordrill.engine.restore;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Labels on every restored resource saying which restore put it there and from which snapshot archive, like Velero's
 * {@code velero.io/restore-name}, so a person can select (and clean up) what a failover or restore created.
 */
public final class RestoreLabels {
    /** Name of the AppMirrorRelationship (failover) or SnapshotRestore that restored the resource. */
    public static final String RESTORE_NAME = "protect.trident.netapp.io/restore-name";
    /** Basename of the snapshot archive restored (as {@code spec.promotedSnapshot} writes it). */
    public static final String RESTORE_ARCHIVE = "protect.trident.netapp.io/restore-archive";
    private static final Pattern LABEL_VALUE = Pattern.compile("([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]");

    private RestoreLabels() {
    }

    /** A copy with the labels set; a null name or archive sets no label for it (none: the resource itself). */
    public static ObjectNode stamp(ObjectNode resource, String restoreName, String archive) {
        if (restoreName == null && archive == null) {
            return resource;
        }
        ObjectNode copy = resource.deepCopy();
        ObjectNode labels = Trees.object(Trees.object(copy, "metadata"), "labels");
        if (restoreName != null) {
            labels.put(RESTORE_NAME, labelValue(restoreName));
        }
        if (archive != null) {
            labels.put(RESTORE_ARCHIVE, labelValue(archive));
        }
        return copy;
    }

    /**
     * The value itself when it is a valid label value; otherwise at most 56 of its characters (invalid ones as '-')
     * and '-' plus 6 hex digits of its SHA-256, so that different long values stay different.
     */
    public static String labelValue(String value) {
        if (value.length() <= 63 && LABEL_VALUE.matcher(value).matches()) {
            return value;
        }
        String prefix = value.replaceAll("[^-A-Za-z0-9_.]", "-");
        prefix = prefix.substring(0, Math.min(56, prefix.length())).replaceAll("^[^A-Za-z0-9]+|[^A-Za-z0-9]+$", "");
        return (prefix.isEmpty() ? "" : prefix + "-") + sha256(value).substring(0, 6);
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
