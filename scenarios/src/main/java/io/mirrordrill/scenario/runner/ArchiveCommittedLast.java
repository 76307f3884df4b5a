package io.mirrordrill.scenario.runner;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An archive's manifest is its commit point: it is written after every other part of the archive, so a reader
 * that sees the manifest finds every part (a crash or an outage between two writes leaves an archive no reader
 * sees, never one that is missing parts). A part first written after its folder's manifest breaks the rule.
 */
final class ArchiveCommittedLast implements Invariant {
    private static final String MANIFEST = "/manifest.json";

    /** Folders whose manifest was written, with when. */
    private final Map<String, TraceWatch.Put> committed = new TreeMap<>();
    private int seen;

    @Override
    public String id() {
        return "archive-committed-last";
    }

    @Override
    public List<Violation> check(Checkpoint at) {
        List<Violation> out = new ArrayList<>();
        List<TraceWatch.Put> puts = at.trace.puts();
        for (; seen < puts.size(); seen++) {
            TraceWatch.Put p = puts.get(seen);
            int slash = p.object().lastIndexOf('/');
            if (slash < 0) {
                continue;
            }
            String folder = p.object().substring(0, slash);
            if (p.object().endsWith(MANIFEST)) {
                committed.putIfAbsent(folder, p);
            } else if (committed.containsKey(folder)) {
                TraceWatch.Put manifest = committed.get(folder);
                out.add(new Violation(id(), "an archive part was written after its manifest (the commit point)",
                        p.object() + " written at " + p.time() + " (trace #" + p.seq() + "), its manifest at "
                                + manifest.time() + " (trace #" + manifest.seq() + ")"));
            }
        }
        return out;
    }
}
