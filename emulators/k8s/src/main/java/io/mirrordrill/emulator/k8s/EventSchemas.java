package io.mirrordrill.emulator.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mirrordrill.port.kubernetes.ResourceKind;

import java.util.Iterator;
import java.util.Map;

/**
 * Events in two schemas over one store, as the API server serves them: stored as core/v1 Events, also seen as
 * events.k8s.io/v1 Events (the same objects, the same names and resourceVersions), whose fields are the core ones
 * renamed by Kubernetes' conversion (pkg/apis/events/v1): {@code regarding} is {@code involvedObject}, {@code note}
 * is {@code message}, {@code reportingController} is {@code reportingComponent}, the legacy fields become
 * {@code deprecatedSource}, {@code deprecatedFirstTimestamp}, {@code deprecatedLastTimestamp}, {@code deprecatedCount};
 * the others keep their names.
 */
final class EventSchemas {
    /** core/v1, where events are stored. */
    static final ResourceKind CORE = new ResourceKind("", "v1", "Event", "events", true, false);
    /** events.k8s.io/v1, a view of the same objects. */
    static final ResourceKind EVENTS_V1 = new ResourceKind("events.k8s.io", "v1", "Event", "events", true, false);

    /** core field -> events.k8s.io/v1 field; fields not named keep theirs. */
    private static final String[][] RENAMED = {
        {"involvedObject", "regarding"}, {"message", "note"}, {"reportingComponent", "reportingController"},
        {"source", "deprecatedSource"}, {"firstTimestamp", "deprecatedFirstTimestamp"},
        {"lastTimestamp", "deprecatedLastTimestamp"}, {"count", "deprecatedCount"},
    };

    private EventSchemas() {
    }

    static boolean isEvent(ResourceKind kind) {
        return kind.kind().equals("Event") && (kind.group().isEmpty() || kind.group().equals(EVENTS_V1.group()));
    }

    static boolean isEventsV1(ResourceKind kind) {
        return kind.kind().equals("Event") && kind.group().equals(EVENTS_V1.group());
    }

    /** Where objects of {@code kind} are stored: events of either version as core/v1 ones. */
    static ResourceKind storage(ResourceKind kind) {
        return isEventsV1(kind) ? CORE : kind;
    }

    /** A body (or merge patch) of {@code kind} as stored. */
    static ObjectNode toStorage(ResourceKind kind, ObjectNode body) {
        if (!isEventsV1(kind)) {
            return body;
        }
        ObjectNode out = rename(body, 1, 0);
        if (out.has("apiVersion")) {
            out.put("apiVersion", CORE.apiVersion());
        }
        return out;
    }

    /** A stored object as {@code kind} presents it. */
    static ObjectNode fromStorage(ResourceKind kind, ObjectNode stored) {
        if (!isEventsV1(kind)) {
            return stored;
        }
        ObjectNode out = rename(stored, 0, 1);
        out.put("apiVersion", EVENTS_V1.apiVersion());
        return out;
    }

    private static ObjectNode rename(ObjectNode in, int from, int to) {
        ObjectNode out = in.objectNode();
        Iterator<Map.Entry<String, JsonNode>> fields = in.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            out.set(renamed(f.getKey(), from, to), f.getValue());
        }
        return out;
    }

    private static String renamed(String field, int from, int to) {
        for (String[] pair : RENAMED) {
            if (pair[from].equals(field)) {
                return pair[to];
            }
        }
        return field;
    }
}
