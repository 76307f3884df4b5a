package io.mirrordrill.scenario.secret;

import io.mirrordrill.port.objectstore.S3Target;
import io.mirrordrill.scenario.ScenarioException;
import io.mirrordrill.scenario.report.DrillResult;
import io.mirrordrill.scenario.report.ExpectationResult;
import io.mirrordrill.scenario.report.Failure;
import io.mirrordrill.scenario.report.StepResult;
import io.mirrordrill.scenario.report.Timeline;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one redaction layer: every secret value of a run (the world's S3 secret keys, every value of every Secret
 * applied or found in a cluster, tokens and passwords given to it) and its base64 form become {@value #MASK} in
 * whatever a person is shown, and a URL's user info ({@code scheme://user:pass@host}) is masked. A value found in a
 * Secret shorter than {@value #MIN_LENGTH} characters is not a secret here: a flag or a port would otherwise blank
 * every {@code true} or {@code 8080} of a report. A credential given as one (a password, a token, a world's secret
 * key) is masked whatever its length. Deterministic: the same values give the same text.
 */
public final class Redactor {
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

    /**
     * An exception leaving a run (a defect, not a drill's failure) as it is when nothing in it (message, causes)
     * holds a secret; else one of the same stack whose message is the redacted chain, without the causes.
     */
    public RuntimeException redact(RuntimeException e) {
        StringWriter chain = new StringWriter();
        e.printStackTrace(new PrintWriter(chain));
        String text = chain.toString();
        if (redact(text).equals(text)) {
            return e;
        }
        StringBuilder messages = new StringBuilder(e.toString());
        for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            messages.append("; caused by ").append(c);
        }
        ScenarioException redacted = new ScenarioException(redact(messages.toString()));
        redacted.setStackTrace(e.getStackTrace());
        return redacted;
    }

    /** Every string of a result redacted: the one copy every report (text, JSON, JUnit, HTML) is written from. */
    public DrillResult redact(DrillResult r) {
        Failure f = r.failure() == null ? null : new Failure(r.failure().kind(), redact(r.failure().where()),
                r.failure().time(), redact(r.failure().message()), redact(r.failure().evidence()));
        List<StepResult> steps = r.steps().stream().map(s -> new StepResult(redact(s.source()), redact(s.path()),
                s.line(), s.depth(), redact(s.description()), s.startMillis(), s.endMillis(), s.outcome(),
                redact(s.message()))).toList();
        List<ExpectationResult> expectations = r.expectations().stream().map(e -> new ExpectationResult(
                redact(e.description()), redact(e.where()), e.passed(), redact(e.actual()))).toList();
        List<Timeline.Lane> lanes = r.timeline().lanes().stream().map(l -> new Timeline.Lane(redact(l.name()),
                l.items().stream().map(i -> new Timeline.Item(i.startMillis(), i.endMillis(), redact(i.label()),
                        i.kind())).toList())).toList();
        return new DrillResult(redact(r.name()), redact(r.description()), redact(r.file()), r.seed(), r.passed(), f,
                r.measures(), steps, expectations, r.invariants(), r.invariantChecks(),
                r.notes().stream().map(this::redact).toList(), new Timeline(r.timeline().endMillis(), lanes));
    }

    /**
     * Whether {@code text} shows a known secret as it was written (raw, base64 or URL-safe base64, escaped for JSON
     * or XML): {@code where} when it does, else empty.
     */
    public List<String> leaks(String where, String text) {
        List<String> found = new ArrayList<>();
        for (String secret : secrets()) {
            byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
            if (text.contains(secret) || text.contains(jsonEscaped(secret)) || text.contains(xmlEscaped(secret))
                    || text.contains(Base64.getEncoder().withoutPadding().encodeToString(bytes))
                    || text.contains(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes))) {
                found.add(where);
                break;
            }
        }
        return found;
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

    private static String jsonEscaped(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static String xmlEscaped(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
