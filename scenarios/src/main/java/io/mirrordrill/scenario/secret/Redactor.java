package io.mirrordrill.scenario.secret;

import io.mirrordrill.port.secret.SecretMask;
import io.mirrordrill.scenario.ScenarioException;
import io.mirrordrill.scenario.report.CommandRun;
import io.mirrordrill.scenario.report.DrillResult;
import io.mirrordrill.scenario.report.ExpectationResult;
import io.mirrordrill.scenario.report.Failure;
import io.mirrordrill.scenario.report.StepResult;
import io.mirrordrill.scenario.report.Measurements;
import io.mirrordrill.scenario.report.Timeline;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;

/**
 * The one redaction layer of a run (its matching is {@link SecretMask}, which the engine's hook output scrubbing
 * shares): every secret value of a run (the world's S3 secret keys, every value of every Secret
 * applied or found in a cluster, tokens and passwords given to it) and its base64 form become {@value #MASK} in
 * whatever a person is shown, and a URL's user info ({@code scheme://user:pass@host}) is masked. A value found in a
 * Secret shorter than {@value #MIN_LENGTH} characters is not a secret here: a flag or a port would otherwise blank
 * every {@code true} or {@code 8080} of a report. A credential given as one (a password, a token, a world's secret
 * key) is masked whatever its length. Deterministic: the same values give the same text.
 */
public final class Redactor {
    public static final String MASK = SecretMask.MASK;
    public static final int MIN_LENGTH = SecretMask.MIN_LENGTH;

    /** The matching itself, shared with the engine's hook output scrubbing. */
    private final SecretMask mask = new SecretMask();

    /** Notes a value found in a Secret; returns whether it is a secret (long enough) and was new. */
    public boolean learn(String value) {
        return mask.learn(value);
    }

    /** Notes a password, token or key given as a credential, whatever its length; returns whether it was new. */
    public boolean learnCredential(String value) {
        return mask.learnCredential(value);
    }

    /** Notes a Secret's {@code data} value: the decoded value is the secret (text that is not base64 is kept as is). */
    public boolean learnBase64(String data) {
        return mask.learnBase64(data);
    }

    /** The secret values known so far, sorted. */
    public Set<String> secrets() {
        return mask.secrets();
    }

    /** Whether the text shows a known secret in a form {@link #redact(String)} masks (itself or base64). */
    public boolean shows(String text) {
        return mask.shows(text);
    }

    /** The text with every known secret (and its base64 form) and every URL's user info masked; null stays null. */
    public String redact(String text) {
        return mask.redact(text);
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
                redact(r.measures()), steps, expectations, r.invariants(), r.invariantChecks(),
                r.notes().stream().map(this::redact).toList(), redact(r.timeline(), lanes),
                r.commands().stream().map(c -> new CommandRun(redact(c.source()), redact(c.path()), c.line(),
                        redact(c.context()), redact(c.command()), c.exitCode(), redact(c.stdout()),
                        redact(c.stderr()), c.atMillis())).toList());
    }

    private Measurements redact(Measurements m) {
        return new Measurements(m.rtoFrom() == null ? null : redact(m.rtoFrom()), m.rtoMillis(), m.rto(),
                m.rpoMillis(), m.rpo(), m.rpoRecords(), m.writesLost(), m.writesAccepted(), m.writesRefused(),
                m.bytesTransferred(), m.transfers(), m.transfersFailed(), m.simulatedMillis(), m.simulated(),
                m.wallMillis(), m.traceHash(), m.traceEntries(), m.events(), m.refusals().stream().map(x ->
                new Measurements.Refused(redact(x.workload()), redact(x.reason()), x.fromMillis(), x.toMillis(),
                        x.writes())).toList());
    }

    private Timeline redact(Timeline t, List<Timeline.Lane> lanes) {
        return new Timeline(t.endMillis(), lanes, t.begin(), t.windows().stream().map(w -> new Timeline.Window(
                w.kind(), w.startMillis(), w.endMillis(), redact(w.label()))).toList(), t.lags().stream().map(l ->
                new Timeline.Lag(redact(l.relationship()), l.intervalMillis(), l.replicas().stream().map(x ->
                        new Timeline.Replica(x.atMillis(), x.takenMillis(), x.untilMillis(), x.bytes(),
                                redact(x.snapshot()))).toList())).toList());
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

    /** Every {@code scheme://user:password@} in a text, masked (see {@link SecretMask#maskUserInfo}). */
    public static String maskUserInfo(String text) {
        return SecretMask.maskUserInfo(text);
    }

    private static String jsonEscaped(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static String xmlEscaped(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
