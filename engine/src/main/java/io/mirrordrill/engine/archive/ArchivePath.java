package io.mirrordrill.engine.archive;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;

/**
 * Where one snapshot archive lives in a vault: {@code <appName>_<appUID>/snapshots/<yyyyMMddHHmmss>_<name>_<uid>},
 * the form of {@code status.appArchivePath}; the last segment is the basename an AppMirrorRelationship's
 * {@code promotedSnapshot} names. Names must be DNS-1123 subdomains and UIDs letters, digits and '-', which keeps
 * every part free of '/', '_', '..', control characters and leading slashes: a path built from resources cannot
 * leave its prefix, and '_' splits a basename unambiguously. Time is UTC to the second.
 */
public record ArchivePath(String appName, String appUid, Instant createdAt, String snapshotName,
                          String snapshotUid) implements Comparable<ArchivePath> {
    public static final String SNAPSHOTS = "snapshots";
    private static final Pattern NAME = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
    private static final Pattern UID = Pattern.compile("[0-9A-Za-z][0-9A-Za-z-]{0,63}");
    private static final Pattern STAMP = Pattern.compile("\\d{14}");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    public ArchivePath {
        name("application name", appName);
        uid("application UID", appUid);
        name("snapshot name", snapshotName);
        uid("snapshot UID", snapshotUid);
        if (createdAt == null) {
            throw new ArchivePathException("archive time", "is missing", "give the snapshot's creation time");
        }
        createdAt = createdAt.truncatedTo(ChronoUnit.SECONDS);
    }

    /** {@code <appName>_<appUID>/snapshots/}: where every archive of the application lives. */
    public static String snapshotsPrefix(String appName, String appUid) {
        name("application name", appName);
        uid("application UID", appUid);
        return appName + "_" + appUid + "/" + SNAPSHOTS + "/";
    }

    public String snapshotsPrefix() {
        return snapshotsPrefix(appName, appUid);
    }

    /** {@code <yyyyMMddHHmmss>_<snapshotName>_<snapshotUID>}. */
    public String basename() {
        return TIME.format(LocalDateTime.ofInstant(createdAt, ZoneOffset.UTC)) + "_" + snapshotName + "_"
                + snapshotUid;
    }

    /** The path as {@code status.appArchivePath} shows it, without a trailing slash. */
    public String path() {
        return snapshotsPrefix() + basename();
    }

    /** The key of one object of the archive. */
    public String key(String objectName) {
        return path() + "/" + objectName;
    }

    /**
     * Parses an {@code appArchivePath} (a trailing slash is accepted) from user input or a status.
     *
     * @param source names the input in the error, e.g. {@code SnapshotRestore.spec.appArchivePath}
     */
    public static ArchivePath parse(String path, String source) {
        String text = requireText(path, source);
        String trimmed = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
        String[] segments = trimmed.split("/", -1);
        String fix = "use the path exactly as status.appArchivePath shows it:"
                + " <appName>_<appUID>/snapshots/<yyyyMMddHHmmss>_<snapshotName>_<snapshotUID>";
        if (text.startsWith("/") || segments.length != 3 || !SNAPSHOTS.equals(segments[1])) {
            throw new ArchivePathException(source, quote(path) + " is not an archive path", fix);
        }
        int split = segments[0].indexOf('_');
        if (split < 0) {
            throw new ArchivePathException(source, quote(segments[0]) + " is not <appName>_<appUID>", fix);
        }
        return fromBasename(segments[0].substring(0, split), segments[0].substring(split + 1), segments[2], source);
    }

    /**
     * The archive of an application that a basename names (an AppMirrorRelationship's {@code promotedSnapshot});
     * a full path is refused, since it could name another application's archive.
     */
    public static ArchivePath fromBasename(String appName, String appUid, String basename, String source) {
        String text = requireText(basename, source);
        String fix = "use the last segment of the snapshot's status.appArchivePath:"
                + " <yyyyMMddHHmmss>_<snapshotName>_<snapshotUID>";
        String[] parts = text.split("_", -1);
        if (parts.length != 3 || !STAMP.matcher(parts[0]).matches()) {
            throw new ArchivePathException(source, quote(basename) + " is not an archive basename", fix);
        }
        Instant time;
        try {
            time = stampTime(parts[0]);
        } catch (DateTimeParseException e) {
            throw new ArchivePathException(source, quote(parts[0]) + " is not a valid UTC time", fix);
        }
        try {
            return new ArchivePath(appName, appUid, time, parts[1], parts[2]);
        } catch (ArchivePathException e) {
            throw new ArchivePathException(source, e.reason(), e.fix());
        }
    }

    /**
     * The UTC time of a 14-digit stamp. Every bucket listing parses each archive's stamp, and the formatter's parse is
     * a good share of a listing; a stamp whose fields are all in range is built directly (the formatter gives the
     * same instant for it), anything else goes to the formatter, which keeps its own rules for odd stamps.
     */
    private static Instant stampTime(String stamp) {
        int year = Integer.parseInt(stamp, 0, 4, 10);
        int month = Integer.parseInt(stamp, 4, 6, 10);
        int day = Integer.parseInt(stamp, 6, 8, 10);
        int hour = Integer.parseInt(stamp, 8, 10, 10);
        int minute = Integer.parseInt(stamp, 10, 12, 10);
        int second = Integer.parseInt(stamp, 12, 14, 10);
        if (year >= 1 && month >= 1 && month <= 12 && day >= 1
                && day <= java.time.YearMonth.of(year, month).lengthOfMonth()
                && hour <= 23 && minute <= 59 && second <= 59) {
            return LocalDateTime.of(year, month, day, hour, minute, second).toInstant(ZoneOffset.UTC);
        }
        return LocalDateTime.parse(stamp, TIME).toInstant(ZoneOffset.UTC);
    }

    /** The creation time a basename starts with ({@code <yyyyMMddHHmmss>_...}), if it is an archive basename. */
    public static java.util.Optional<Instant> timeOf(String basename) {
        String[] parts = basename == null ? new String[0] : basename.split("_", -1);
        if (parts.length != 3 || !STAMP.matcher(parts[0]).matches()) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(stampTime(parts[0]));
        } catch (DateTimeParseException e) {
            return java.util.Optional.empty();
        }
    }

    /** Oldest first; archives of the same second by basename. */
    @Override
    public int compareTo(ArchivePath o) {
        return path().compareTo(o.path());
    }

    @Override
    public String toString() {
        return path();
    }

    private static void name(String what, String value) {
        if (value == null || value.length() > 253 || !NAME.matcher(value).matches()) {
            throw new ArchivePathException(what, quote(value) + " is not a valid Kubernetes name (it would become"
                    + " part of an archive path)", "use at most 253 lowercase letters, digits, '-' and '.', starting"
                    + " and ending with a letter or digit");
        }
    }

    private static void uid(String what, String value) {
        if (value == null || !UID.matcher(value).matches()) {
            throw new ArchivePathException(what, quote(value) + " is not a valid UID (it would become part of an"
                    + " archive path)", "use the object's metadata.uid: letters, digits and '-', at most 64");
        }
    }

    private static String requireText(String value, String source) {
        if (value == null || value.isBlank()) {
            throw new ArchivePathException(source, "is empty", "name an archive");
        }
        return value;
    }

    /** The value in quotes with control characters escaped, so a message cannot be forged or garbled by it. */
    static String quote(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder("\"");
        value.codePoints().limit(300).forEach(c -> {
            if (Character.isISOControl(c) || c == '"' || c == '\\') {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.append(value.length() > 300 ? "...\"" : "\"").toString();
    }
}
