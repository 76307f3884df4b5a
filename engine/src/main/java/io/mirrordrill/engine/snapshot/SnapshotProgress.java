package io.mirrordrill.engine.snapshot;

import com.fasterxml.jackson.databind.JsonNode;
import io.mirrordrill.engine.archive.HookResult;
import io.mirrordrill.engine.hooks.HookTarget;
import io.mirrordrill.engine.model.SnapshotState;
import io.mirrordrill.engine.model.SnapshotStatus;
import io.mirrordrill.port.kubernetes.Resources;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The status of a Snapshot or ShutdownSnapshot as the engine keeps it: besides {@code state}, {@code appArchivePath}
 * and {@code error}, the step under way ({@code step}, written before the step's first action, so a restarted engine
 * resumes there), what it waits for ({@code message}), the hook results so far ({@code hookResults}, in the order the
 * hooks ran) and {@code completionTimestamp}. {@code error} while still Running means failing: the Post hooks and the
 * clean-up are still to run. Everything lives in the cluster, nothing in the engine's memory.
 */
public record SnapshotProgress(String state, String appArchivePath, String error, Step step, String message,
                               List<HookResult> hooks, Instant completionTimestamp) {
    static final String STEP = "step";
    static final String MESSAGE = "message";
    static final String HOOKS = "hookResults";
    static final String COMPLETION = "completionTimestamp";

    public SnapshotProgress {
        hooks = List.copyOf(hooks == null ? List.of() : hooks);
    }

    public static SnapshotProgress of(SnapshotStatus status) {
        if (status == null) {
            return new SnapshotProgress(null, null, null, null, null, List.of(), null);
        }
        Map<String, Object> extra = status.unknownFields();
        List<HookResult> hooks = new ArrayList<>();
        JsonNode recorded = Resources.mapper().valueToTree(extra.get(HOOKS));
        if (recorded != null && recorded.isArray()) {
            recorded.forEach(h -> hooks.add(Resources.mapper().convertValue(h, HookResult.class)));
        }
        Object completed = extra.get(COMPLETION);
        return new SnapshotProgress(status.state(), status.appArchivePath(), status.error(),
                Step.parse((String) extra.get(STEP)).orElse(null), (String) extra.get(MESSAGE), hooks,
                completed == null ? null : Instant.parse(completed.toString()));
    }

    /** This progress as a status, keeping the conditions and the fields of others from {@code previous}. */
    public SnapshotStatus toStatus(SnapshotStatus previous) {
        Map<String, Object> extra = new TreeMap<>(previous == null ? Map.of() : previous.unknownFields());
        put(extra, STEP, step == null ? null : step.value());
        put(extra, MESSAGE, message);
        put(extra, HOOKS, hooks.isEmpty() ? null : Resources.mapper().convertValue(hooks, List.class));
        put(extra, COMPLETION, completionTimestamp == null ? null : completionTimestamp.toString());
        return new SnapshotStatus(state, appArchivePath, error, previous == null ? null : previous.conditions(),
                extra);
    }

    public boolean started() {
        return step != null;
    }

    public boolean terminal() {
        return SnapshotState.COMPLETED.value().equals(state) || SnapshotState.FAILED.value().equals(state);
    }

    public boolean completed() {
        return SnapshotState.COMPLETED.value().equals(state);
    }

    /** Running with an error: finishing the Post hooks and the clean-up before becoming Failed. */
    public boolean failing() {
        return !terminal() && error != null;
    }

    SnapshotProgress running(String path, Step first) {
        return new SnapshotProgress(SnapshotState.RUNNING.value(), path, null, first, null, hooks, null);
    }

    SnapshotProgress at(Step next) {
        return new SnapshotProgress(state, appArchivePath, error, next, null, hooks, completionTimestamp);
    }

    SnapshotProgress saying(String newMessage) {
        return new SnapshotProgress(state, appArchivePath, error, step, newMessage, hooks, completionTimestamp);
    }

    SnapshotProgress failingWith(String newError) {
        return new SnapshotProgress(SnapshotState.RUNNING.value(), appArchivePath, newError, step, null, hooks,
                null);
    }

    /** The hook results with {@code result} recorded: replacing an earlier run of the same hook in the same place. */
    SnapshotProgress withHook(HookResult result) {
        List<HookResult> next = new ArrayList<>(hooks);
        int at = -1;
        for (int i = 0; i < next.size(); i++) {
            at = HookTarget.sameTarget(next.get(i), result) ? i : at;
        }
        if (at < 0) {
            next.add(result);
        } else {
            next.set(at, result);
        }
        return new SnapshotProgress(state, appArchivePath, error, step, null, next, completionTimestamp);
    }

    SnapshotProgress finished(SnapshotState end, Instant at) {
        return new SnapshotProgress(end.value(), appArchivePath, end == SnapshotState.FAILED ? error : null, null,
                null, hooks, at);
    }

    private static void put(Map<String, Object> map, String key, Object value) {
        if (value == null) {
            map.remove(key);
        } else {
            map.put(key, value);
        }
    }
}
