package io.mirrordrill.runtime.statemachine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The rows one subject took, oldest first, for refusals a person can read. Bounded: a long-lived subject (a
 * relationship updated every five minutes for a day) keeps its newest entries and counts the ones it dropped.
 */
public final class History {
    public static final int DEFAULT_CAPACITY = 64;

    private final int capacity;
    private final Deque<String> entries = new ArrayDeque<>();
    private long dropped;

    public History() {
        this(DEFAULT_CAPACITY);
    }

    public History(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        this.capacity = capacity;
    }

    public synchronized void add(String entry) {
        if (entries.size() == capacity) {
            entries.removeFirst();
            dropped++;
        }
        entries.addLast(entry);
    }

    public synchronized List<String> entries() {
        return new ArrayList<>(entries);
    }

    public synchronized boolean isEmpty() {
        return entries.isEmpty();
    }

    @Override
    public synchronized String toString() {
        return (dropped == 0 ? "" : "(" + dropped + " earlier) ") + entries;
    }
}
