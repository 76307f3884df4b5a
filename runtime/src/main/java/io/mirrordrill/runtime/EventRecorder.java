package io.mirrordrill.runtime;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.mirrordrill.port.Clock;
import io.mirrordrill.port.UnreachableException;
import io.mirrordrill.port.kubernetes.AlreadyExistsException;
import io.mirrordrill.port.kubernetes.KubernetesException;
import io.mirrordrill.port.kubernetes.KubernetesPort;
import io.mirrordrill.port.kubernetes.NotFoundException;
import io.mirrordrill.port.kubernetes.Resources;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Records core/v1 Events about objects through a {@link KubernetesPort}, as client-go's legacy EventRecorder does
 * (tools/record): an Event named {@code <object>.<hex nanoseconds>} in the object's namespace ({@code default} for
 * cluster-scoped ones), and a repeat of the same event (same object, type, reason and message) patches the existing
 * Event's {@code count} and {@code lastTimestamp} instead of creating another (the EventLogger's aggregation, with
 * its LRU cache of 4,096 entries). An Event that cannot be written (API refused, unreachable, namespace gone) is
 * dropped, as client-go drops it: recording never fails the caller.
 *
 * <p>Messages are built by callers from names, states, reasons and numbers only, never from Secret data or
 * credentials (tests scan every recorded Event for planted secrets); the recorder cuts them to 1,024 characters,
 * as client-go does.
 */
public final class EventRecorder {
    /** client-go's maxLruCacheEntries. */
    private static final int CACHE_ENTRIES = 4096;
    /** client-go's maxMessageLength (validation's limit for a note). */
    private static final int MAX_MESSAGE = 1024;
    private static final DateTimeFormatter MICRO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    /** The Event's type, its wire value being the constant's name. */
    public enum Type { Normal, Warning }

    /** The object an Event is about: what {@code involvedObject} carries. */
    public record Involved(String apiVersion, String kind, String namespace, String name, String uid,
                           String resourceVersion) {
        public static Involved of(String apiVersion, String kind, ObjectMeta meta) {
            return new Involved(apiVersion, kind, meta.getNamespace(), meta.getName(), meta.getUid(),
                    meta.getResourceVersion());
        }

        public static Involved of(HasMetadata object) {
            return of(object.getApiVersion(), object.getKind(), object.getMetadata());
        }

        private Involved withoutVersion() {
            return new Involved(apiVersion, kind, namespace, name, uid, null);
        }
    }

    private record Key(Involved object, Type type, String reason, String message) {
    }

    private record Seen(String namespace, String name, int count, Instant first) {
    }

    private final KubernetesPort kubernetes;
    private final Clock clock;
    private final String component;
    private final String instance;
    private final Map<Key, Seen> seen = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Seen> eldest) {
            return size() > CACHE_ENTRIES;
        }
    };
    private long lastNanos = Long.MIN_VALUE;
    private long dropped;

    /**
     * @param component {@code source.component} and {@code reportingComponent}: the controller's name
     * @param instance  {@code source.host} and {@code reportingInstance}: which copy of it (a node, a pod)
     */
    public EventRecorder(KubernetesPort kubernetes, Clock clock, String component, String instance) {
        this.kubernetes = kubernetes;
        this.clock = clock;
        this.component = component;
        this.instance = instance;
    }

    public void normal(Involved object, String reason, String message) {
        record(object, Type.Normal, reason, message);
    }

    public void warning(Involved object, String reason, String message) {
        record(object, Type.Warning, reason, message);
    }

    /** Events that could not be written since this recorder was made. */
    public long dropped() {
        return dropped;
    }

    public void record(Involved object, Type type, String reason, String message) {
        String note = message.length() > MAX_MESSAGE ? message.substring(0, MAX_MESSAGE - 3) + "..." : message;
        Key key = new Key(object.withoutVersion(), type, reason, note);
        Instant now = clock.now();
        try {
            Seen before = seen.get(key);
            if (before != null) {
                Seen again = new Seen(before.namespace(), before.name(), before.count() + 1, before.first());
                try {
                    kubernetes.patch("v1", "Event", again.namespace(), again.name(), Resources.mapper()
                            .createObjectNode().put("count", again.count()).put("lastTimestamp", seconds(now))
                            .toString());
                } catch (NotFoundException expired) {
                    // gone (its hour passed): written again under its name, count and first time kept
                    kubernetes.create(event(object, type, reason, note, again, now));
                }
                seen.put(key, again);
                return;
            }
            Seen first = new Seen(namespaceOf(object), null, 1, now);
            while (true) {
                Seen named = new Seen(first.namespace(), object.name() + "." + Long.toHexString(nanos(now)), 1, now);
                try {
                    kubernetes.create(event(object, type, reason, note, named, now));
                    seen.put(key, named);
                    return;
                } catch (AlreadyExistsException taken) {
                    // another recorder named an Event after the same object at the same nanosecond: the next one
                }
            }
        } catch (KubernetesException | UnreachableException e) {
            dropped++;
        }
    }

    /** The event time in nanoseconds, unique for this recorder (simulated time stands still between calls). */
    private long nanos(Instant now) {
        long n = now.getEpochSecond() * 1_000_000_000L + now.getNano();
        lastNanos = Math.max(n, lastNanos + 1);
        return lastNanos;
    }

    private GenericKubernetesResource event(Involved object, Type type, String reason, String note, Seen seen,
                                            Instant now) {
        GenericKubernetesResource event = new GenericKubernetesResource();
        event.setApiVersion("v1");
        event.setKind("Event");
        ObjectMeta meta = new ObjectMeta();
        meta.setNamespace(seen.namespace());
        meta.setName(seen.name());
        event.setMetadata(meta);
        Map<String, Object> involved = new LinkedHashMap<>();
        putIfSet(involved, "apiVersion", object.apiVersion());
        putIfSet(involved, "kind", object.kind());
        putIfSet(involved, "name", object.name());
        putIfSet(involved, "namespace", object.namespace());
        putIfSet(involved, "resourceVersion", object.resourceVersion());
        putIfSet(involved, "uid", object.uid());
        Map<String, Object> fields = event.getAdditionalProperties();
        fields.put("involvedObject", involved);
        fields.put("reason", reason);
        fields.put("message", note);
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("component", component);
        putIfSet(source, "host", instance); // omitempty, as the API serialises it
        fields.put("source", source);
        fields.put("firstTimestamp", seconds(seen.first()));
        fields.put("lastTimestamp", seconds(now));
        fields.put("eventTime", MICRO.format(seen.first()));
        fields.put("count", seen.count());
        fields.put("type", type.name());
        fields.put("reportingComponent", component);
        fields.put("reportingInstance", instance);
        return event;
    }

    private static void putIfSet(Map<String, Object> map, String field, String value) {
        if (value != null && !value.isEmpty()) {
            map.put(field, value);
        }
    }

    private static String namespaceOf(Involved object) {
        return object.namespace() == null || object.namespace().isEmpty() ? "default" : object.namespace();
    }

    private static String seconds(Instant t) {
        return t.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
