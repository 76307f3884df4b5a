package io.mirrordrill.engine.model;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The timeouts Trident protect takes from annotations of a Snapshot (or a Schedule's, which passes its annotations
 * on) and of a restore. The names are Trident protect's; their formats and defaults are not published: the
 * {@code -sec} one takes whole seconds as its name says, the others a Go duration ({@code 90s}, {@code 30m},
 * {@code 1h30m}), the format of every other timeout of Trident. Defaults keep the waits this engine had before.
 */
public enum TimeoutAnnotation {
    /** The whole snapshot, from its creation to Completed; no limit unless annotated. */
    SNAPSHOT_COMPLETION("protect.trident.netapp.io/snapshot-completion-timeout", false, null),
    /** A VolumeSnapshot until the CSI snapshotter has cut it ({@code status.creationTime}). */
    VOLUME_SNAPSHOTS_CREATED("protect.trident.netapp.io/volume-snapshots-created-timeout", false,
            Duration.ofMinutes(10)),
    /** A VolumeSnapshot, once cut, until it is {@code readyToUse}. */
    VOLUME_SNAPSHOTS_READY_TO_USE("protect.trident.netapp.io/volume-snapshots-ready-to-use-timeout", false,
            Duration.ofMinutes(10)),
    /** A restored claim, from its creation until it is bound. */
    PVC_BIND("protect.trident.netapp.io/pvc-bind-timeout-sec", true, Duration.ofMinutes(10));

    private static final Pattern GO_DURATION = Pattern.compile("(\\d+)(ms|h|m|s)");

    private final String key;
    private final boolean seconds;
    private final Duration byDefault;

    TimeoutAnnotation(String key, boolean seconds, Duration byDefault) {
        this.key = key;
        this.seconds = seconds;
        this.byDefault = byDefault;
    }

    public String key() {
        return key;
    }

    /**
     * The timeout the annotations set, else the default (empty: no limit).
     *
     * @throws IllegalArgumentException naming the annotation and the format when the value does not parse
     */
    public Optional<Duration> in(Map<String, String> annotations) {
        String raw = annotations == null ? null : annotations.get(key);
        if (raw == null) {
            return Optional.ofNullable(byDefault);
        }
        Optional<Duration> parsed = seconds ? wholeSeconds(raw.strip()) : goDuration(raw.strip());
        return Optional.of(parsed.filter(d -> !d.isZero()).orElseThrow(() -> new IllegalArgumentException(
                "metadata.annotations[" + key + "]: \"" + raw + "\" is not " + (seconds
                        ? "a positive whole number of seconds. Fix: write e.g. \"600\""
                        : "a positive duration. Fix: write e.g. \"30m\" or \"1h30m\""))));
    }

    /** Renders a timeout for messages in the annotation's own format. */
    public String format(Duration d) {
        return seconds ? d.toSeconds() + "s" : d.toString().substring(2).toLowerCase();
    }

    private static Optional<Duration> wholeSeconds(String raw) {
        return raw.matches("\\d{1,9}") ? Optional.of(Duration.ofSeconds(Long.parseLong(raw))) : Optional.empty();
    }

    private static Optional<Duration> goDuration(String raw) {
        Matcher m = GO_DURATION.matcher(raw);
        Duration total = Duration.ZERO;
        int end = 0;
        while (m.find() && m.start() == end) {
            if (m.group(1).length() > 9) {
                return Optional.empty();
            }
            long n = Long.parseLong(m.group(1));
            total = total.plus(switch (m.group(2)) {
                case "h" -> Duration.ofHours(n);
                case "m" -> Duration.ofMinutes(n);
                case "s" -> Duration.ofSeconds(n);
                default -> Duration.ofMillis(n);
            });
            end = m.end();
        }
        return end > 0 && end == raw.length() ? Optional.of(total) : Optional.empty();
    }
}
