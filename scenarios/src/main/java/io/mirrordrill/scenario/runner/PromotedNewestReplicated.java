package io.mirrordrill.scenario.runner;

import com.fasterxml.jackson.databind.JsonNode;
import io.mirrordrill.engine.archive.ArchivePath;
import io.mirrordrill.engine.archive.ArchivePathException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A failover without {@code spec.promotedSnapshot} promotes the newest snapshot that replicated: never one older than
 * a snapshot the relationship had already reported as transferred (source retention deletes only older ones).
 */
final class PromotedNewestReplicated implements Invariant {
    /** Per AMR (history key): the newest lastTransferredSnapshot seen while it was not Promoted. */
    private final Map<String, String> newest = new TreeMap<>();

    @Override
    public String id() {
        return "promoted-newest-replicated";
    }

    @Override
    public List<Violation> check(Checkpoint at) {
        List<Violation> out = new ArrayList<>();
        for (AmrWatch.History h : at.amrs.histories()) {
            if (h.deleted) {
                newest.remove(h.key());
                continue;
            }
            Optional<JsonNode> amr = at.amr(h);
            if (amr.isEmpty()) {
                continue;
            }
            String last = amr.get().path("status").path("lastTransferredSnapshot").asText("");
            String seen = newest.get(h.key());
            if (!h.current().equals("Promoted")) {
                if (!last.isEmpty() && (seen == null || newer(amr.get(), last, seen))) {
                    newest.put(h.key(), last);
                }
                continue;
            }
            boolean named = !amr.get().path("spec").path("promotedSnapshot").asText("").isBlank();
            String key = id() + "/" + h.key() + "/" + h.states.size();
            if (named || seen == null || last.isEmpty() || !at.done.add(key)) {
                continue;
            }
            if (newer(amr.get(), seen, last)) {
                out.add(new Violation(id(), "promoted from snapshot " + last + ", newest replicated is " + seen,
                        "AMR " + h.cluster + "/" + h.namespace + "/" + h.name + " Promoted at "
                                + h.states.get(h.states.size() - 1).time() + " without spec.promotedSnapshot; it had"
                                + " reported " + seen + " as status.lastTransferredSnapshot before"));
            }
        }
        return out;
    }

    /** Whether basename {@code a} is a later snapshot than {@code b}, by the time each carries. */
    private static boolean newer(JsonNode amr, String a, String b) {
        String app = amr.path("spec").path("sourceApplicationName").asText();
        String uid = amr.path("spec").path("sourceApplicationUID").asText();
        try {
            ArchivePath pa = ArchivePath.fromBasename(app, uid, a, "status");
            ArchivePath pb = ArchivePath.fromBasename(app, uid, b, "status");
            int byTime = pa.createdAt().compareTo(pb.createdAt());
            return byTime > 0 || byTime == 0 && a.compareTo(b) > 0;
        } catch (ArchivePathException notABasename) {
            return false;
        }
    }
}
