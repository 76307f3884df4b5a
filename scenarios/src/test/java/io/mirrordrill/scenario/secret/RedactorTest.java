package io.mirrordrill.scenario.secret;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RedactorTest {
    private static final String KEY = "k3y-Zq8Wv-distinct";

    private static String base64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aSecretAndEveryBase64FormOfItAreMasked() {
        Redactor r = new Redactor();
        assertTrue(r.learn(KEY));
        String urlSafe = Base64.getUrlEncoder().withoutPadding().encodeToString(KEY.getBytes(StandardCharsets.UTF_8));
        assertEquals("key *** data *** url *** end", r.redact("key " + KEY + " data " + base64(KEY) + " url "
                + urlSafe + " end"));
    }

    @Test
    void aSecretThatContainsAnotherIsMaskedWholeWhicheverWasLearnedFirst() {
        Redactor a = new Redactor();
        a.learn("password1");
        a.learn("password1-longer");
        Redactor b = new Redactor();
        b.learn("password1-longer");
        b.learn("password1");
        String text = "x password1-longer y password1 z";
        assertEquals("x *** y *** z", a.redact(text));
        assertEquals(a.redact(text), b.redact(text));
    }

    @Test
    void aShortValueFoundInASecretIsNoSecretButAShortCredentialIs() {
        Redactor r = new Redactor();
        assertFalse(r.learn("true"));
        assertFalse(r.learn("8080"));
        assertEquals("passed: true on 8080", r.redact("passed: true on 8080"));
        assertTrue(r.learnCredential("pw-42"));
        assertEquals("login *** failed", r.redact("login pw-42 failed"));
    }

    @Test
    void aUrlsUserInfoIsMaskedWhereverItStandsInAText() {
        assertEquals("cannot reach http://***@127.0.0.1:8080/api (https://***@h), s3://bucket/key",
                Redactor.maskUserInfo("cannot reach http://admin:PASS@127.0.0.1:8080/api (https://u:p@h),"
                        + " s3://bucket/key"));
        assertEquals("mail a@b.example", Redactor.maskUserInfo("mail a@b.example"));
    }

    @Test
    void leaksAreFoundRawBase64OrEscapedAndNamedByWhere() {
        Redactor r = new Redactor();
        r.learn("quote\"and<angle>");
        assertEquals(List.of("the JSON report"), r.leaks("the JSON report", "{\"k\": \"quote\\\"and<angle>\"}"));
        assertEquals(List.of("the HTML report"), r.leaks("the HTML report", "<td>quote&quot;and&lt;angle&gt;</td>"));
        assertEquals(List.of("x"), r.leaks("x", base64("quote\"and<angle>")));
        assertEquals(List.of(), r.leaks("x", "quote *** angle"));
    }

    @Test
    void anExceptionHoldingASecretIsReplacedWithTheSameStackAndNoSecret() {
        Redactor r = new Redactor();
        r.learn(KEY);
        IllegalStateException clean = new IllegalStateException("nothing secret");
        assertSame(clean, r.redact(clean));
        IllegalStateException leaky = new IllegalStateException("outer", new RuntimeException("inner " + KEY));
        RuntimeException redacted = r.redact(leaky);
        assertFalse(redacted.getMessage().contains(KEY), redacted.getMessage());
        assertTrue(redacted.getMessage().contains("inner ***"), redacted.getMessage());
        assertEquals(List.of(leaky.getStackTrace()), List.of(redacted.getStackTrace()));
    }
}
