package io.mirrordrill.scenario.secret;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.regex.Pattern;

/**
 * The one way a file is written that may hold a secret (serve's kubeconfig and credentials.json, the drills and
 * copied Secrets fuzz writes): mode 0600 from before its first byte, so no other user can ever read it.
 */
public final class SecretFiles {
    /** A Secret document, or a world's S3 credentials: what the drills and their files keep secrets in. */
    private static final Pattern HOLDS_SECRET = Pattern.compile("(?m)^\\s*kind:\\s*[\"']?Secret[\"']?\\s*$"
            + "|secretAccessKey");

    private SecretFiles() {
    }

    /** Whether a drill-side text (a drill, world or applied file) carries a secret, so is written 0600. */
    public static boolean holdsSecret(String text) {
        return HOLDS_SECRET.matcher(text).find();
    }

    /**
     * Writes through a temporary file in the same directory, moved into place; a secret file is 0600 before a byte
     * is written (on file systems with POSIX permissions), any other 0644.
     */
    public static void write(Path file, String text, boolean secret) throws IOException {
        write(file, text.getBytes(StandardCharsets.UTF_8), secret);
    }

    public static void write(Path file, byte[] bytes, boolean secret) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        Path tmp = secret && posix
                ? Files.createTempFile(dir, "." + file.getFileName(), ".tmp",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                : Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
        try {
            Files.write(tmp, bytes);
            if (!secret && posix) {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
            }
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
