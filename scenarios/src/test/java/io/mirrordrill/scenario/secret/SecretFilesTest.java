package io.mirrordrill.scenario.secret;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SecretFilesTest {
    @TempDir
    Path dir;

    private static String mode(Path file) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
    }

    @Test
    void aSecretFileIsOwnerOnlyEvenWhenItReplacesAReadableOne() throws IOException {
        Path file = Files.writeString(dir.resolve("creds.json"), "old");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        SecretFiles.write(file, "{\"password\": \"x\"}", true);
        assertEquals("rw-------", mode(file));
        assertEquals("{\"password\": \"x\"}", Files.readString(file));
        SecretFiles.write(dir.resolve("endpoints.json"), "{}", false);
        assertEquals("rw-r--r--", mode(dir.resolve("endpoints.json")));
        try (var left = Files.list(dir)) {
            assertEquals(2, left.count(), "no temporary file left behind");
        }
    }

    @Test
    void aSecretOrAWorldsCredentialsHoldASecretAndAConfigMapDoesNot() {
        assertTrue(SecretFiles.holdsSecret("apiVersion: v1\nkind: Secret\nmetadata: {name: s}\n"));
        assertTrue(SecretFiles.holdsSecret("---\nkind: \"Secret\"\n"));
        assertTrue(SecretFiles.holdsSecret("credentials: {accessKeyID: AK, secretAccessKey: s3cr3t}"));
        assertFalse(SecretFiles.holdsSecret("apiVersion: v1\nkind: ConfigMap\ndata: {kind: SecretStore}\n"));
    }
}
