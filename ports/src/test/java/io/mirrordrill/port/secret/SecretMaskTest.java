package io.mirrordrill.port.secret;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SecretMaskTest {

    @Test
    void aSecretAndItsBase64FormsAreMasked() {
        SecretMask mask = new SecretMask();
        mask.learnBase64(b64("correct-horse-battery"));
        String raw = "correct-horse-battery";
        byte[] bytes = raw.getBytes(StandardCharsets.UTF_8);
        String text = raw + " " + b64(raw) + " " + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        assertEquals("*** *** ***", mask.redact(text));
        assertTrue(mask.shows(text));
    }

    @Test
    void aValueFoundInASecretShorterThanEightCharactersIsNotASecretButACredentialIs() {
        SecretMask mask = new SecretMask();
        assertFalse(mask.learn("true"));
        assertTrue(mask.learnCredential("AKSRC"));
        assertEquals("debug true key ***", mask.redact("debug true key AKSRC"));
    }

    @Test
    void aSecretContainingAnotherIsMaskedWhole() {
        SecretMask mask = new SecretMask();
        mask.learn("password1");
        mask.learn("password1-extended");
        assertEquals("***", mask.redact("password1-extended"));
    }

    @Test
    void aUrlsUserInfoIsMaskedEvenWhenItsPasswordIsUnknown() {
        assertEquals("see https://***@db.example:5432/x",
                new SecretMask().redact("see https://admin:s3@db.example:5432/x"));
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
