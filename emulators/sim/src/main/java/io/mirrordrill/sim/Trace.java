package io.mirrordrill.sim;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;

/**
 * The record of everything that happened in a world, in order. The hash is a running SHA-256 over every entry, so
 * two runs have the same hash exactly when they recorded the same entries at the same times.
 */
public final class Trace {
    /** One recorded event: when, which subsystem, what. */
    public record Entry(long sequence, Instant time, String source, String message) {
        public String line() {
            return time + " " + source + " " + message;
        }
    }

    private final MessageDigest digest;
    private final List<Consumer<Entry>> listeners = new ArrayList<>();
    private long count;

    Trace() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    void record(Instant time, String source, String message) {
        Entry entry = new Entry(count++, time, source, message);
        digest.update(entry.line().getBytes(StandardCharsets.UTF_8));
        digest.update((byte) '\n');
        for (Consumer<Entry> listener : listeners) {
            listener.accept(entry);
        }
    }

    /** Receives every entry recorded from now on (reports, timelines, coverage checks). */
    public void subscribe(Consumer<Entry> listener) {
        listeners.add(listener);
    }

    public long size() {
        return count;
    }

    /** Hex SHA-256 over all entries so far; recording may continue afterwards. */
    public String hash() {
        try {
            MessageDigest copy = (MessageDigest) digest.clone();
            return HexFormat.of().formatHex(copy.digest());
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("SHA-256 digests are cloneable", e);
        }
    }
}
