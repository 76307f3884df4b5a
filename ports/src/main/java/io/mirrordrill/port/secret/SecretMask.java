package io.mirrordrill.port.secret;

import io.mirrordrill.port.objectstore.S3Target;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The matching half of secret redaction, shared by the drills' report redaction and the engine's hook output: known
 * secret values and their base64 forms become {@value #MASK}, and a URL's user info ({@code scheme://user:pass@host})
 * is masked. A value found in a Secret shorter than {@value #MIN_LENGTH} characters is not a secret here: a flag or a
 * port would otherwise blank every {@code true} or {@code 8080}. A credential given as one (a password, a token, a
 * secret key) is masked whatever its length. Deterministic: the same values give the same text.
 */
public final class SecretMask {
    public static final String MASK = "***";
    public static final int MIN_LENGTH = 8;
    /** Longest first, so a secret that contains another is masked whole; then by text, for one order everywhere. */
    private static final Comparator<String> LONGEST_FIRST = Comparator.comparingInt(String::length).reversed()
            .thenComparing(Comparator.naturalOrder());
    private static final Pattern USER_INFO = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*://[^\\s/?#@]*@");

    private final Set<String> secrets = new TreeSet<>();
    private final Set<String> forms = new TreeSet<>(LONGEST_FIRST);
    /** What {@link #redact(String)} replaces, copied on learning: redaction runs far more often than learning. */
    private volatile List<String> masked = List.of();
    private volatile Set<String> known = Collections.emptySortedSet();

    /** Notes a value found in a Secret; returns whether it is a secret (long enough) and was new. */
    public boolean learn(String value) {
        return value != null && value.length() >= MIN_LENGTH && learnCredential(value);
    }

    /** Notes a password, token or key given as a credential, whatever its length; returns whether it was new. */
    public synchronized boolean learnCredential(String value) {
        if (value == null || value.isEmpty() || !secrets.add(value)) {
            return false;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        forms.add(value);
        forms.add(Base64.getEncoder().encodeToString(bytes));
        forms.add(Base64.getEncoder().withoutPadding().encodeToString(bytes));
        forms.add(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
        masked = List.copyOf(forms);
        known = Collections.unmodifiableSortedSet(new TreeSet<>(secrets));
        return true;
    }

    /** Notes a Secret's {@code data} value: the decoded value is the secret (text that is not base64 is kept as is). */
    public boolean learnBase64(String data) {
        try {
            return learn(new String(Base64.getMimeDecoder().decode(data), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException notBase64) {
            return learn(data);
        }
    }

    /** The secret values known so far, sorted. */
    public Set<String> secrets() {
        return known;
    }

    /** Whether the text shows a known secret in a form {@link #redact(String)} masks (itself or base64). */
    public boolean shows(String text) {
        for (String form : masked) {
            if (text.contains(form)) {
                return true;
            }
        }
        return false;
    }

    /** The text with every known secret (and its base64 form) and every URL's user info masked; null stays null. */
    public String redact(String text) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (String form : masked) {
            if (out.contains(form)) {
                out = out.replace(form, MASK);
            }
        }
        return maskUserInfo(out);
    }

    /** Every {@code scheme://user:password@} in a text, masked as {@link S3Target#redactUserInfo} masks one URL. */
    public static String maskUserInfo(String text) {
        if (text == null || !text.contains("@")) {
            return text;
        }
        Matcher m = USER_INFO.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(S3Target.redactUserInfo(m.group())));
        }
        return m.appendTail(out).toString();
    }
}
