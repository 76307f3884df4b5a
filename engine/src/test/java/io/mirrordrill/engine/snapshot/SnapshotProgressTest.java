package io.mirrordrill.engine.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mirrordrill.engine.archive.HookResult;
import io.mirrordrill.engine.model.SnapshotState;
import io.mirrordrill.engine.model.SnapshotStatus;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SnapshotProgressTest {
    private static HookResult hook(String name, String stage, String result) {
        return new HookResult(name, stage, "Snapshot", "ns", "p", "c", result, result.equals("Succeeded") ? 0 : 1,
                "exit code");
    }

    @Test
    void progressSurvivesTheStatusAndKeepsFieldsOthersWrote() {
        SnapshotStatus previous = new SnapshotStatus(null, null, null, null, Map.of("somebodyElse", "kept"));
        SnapshotProgress progress = SnapshotProgress.of(null).running("a_b/snapshots/20260101000000_s_u",
                Step.PRE_HOOKS).withHook(hook("freeze", "Pre", "Succeeded")).at(Step.CAPTURE)
                .saying("waiting for something");
        SnapshotStatus status = progress.toStatus(previous);
        assertEquals("kept", status.unknownFields().get("somebodyElse"));
        assertEquals("CaptureResources", status.unknownFields().get("step"));
        assertEquals(progress, SnapshotProgress.of(status));
    }

    @Test
    void aRerunHookReplacesItsResultInPlace() {
        SnapshotProgress p = SnapshotProgress.of(null).running("x", Step.PRE_HOOKS)
                .withHook(hook("a", "Pre", "Failed")).withHook(hook("b", "Pre", "Succeeded"))
                .withHook(hook("a", "Pre", "Succeeded"));
        assertEquals(List.of("a Succeeded", "b Succeeded"), p.hooks().stream().map(h -> h.hook() + " " + h.result())
                .toList());
    }

    @Test
    void failingIsRunningWithAnErrorAndFinishingClearsTheStep() {
        SnapshotProgress failing = SnapshotProgress.of(null).running("x", Step.VOLUME_SNAPSHOTS).failingWith("boom");
        assertTrue(failing.failing());
        SnapshotProgress failed = failing.finished(SnapshotState.FAILED, Instant.parse("2026-01-01T00:00:00Z"));
        assertEquals("boom", failed.error());
        assertEquals(null, failed.step());
        assertTrue(failed.terminal());
    }

    @Test
    void aProgressWithoutHookResultsHasAnEmptyList() {
        SnapshotProgress p = new SnapshotProgress("Running", "x", null, Step.CAPTURE, null, null, null);
        assertEquals(List.of(), p.hooks());
    }

    @Test
    void fieldsAProgressNoLongerHasAreRemovedFromTheStatusNotLeftFromTheLastWrite() {
        Instant done = Instant.parse("2026-01-01T00:05:00Z");
        SnapshotStatus first = SnapshotProgress.of(null).running("x", Step.PRE_HOOKS)
                .withHook(hook("freeze", "Pre", "Succeeded")).saying("waiting")
                .finished(SnapshotState.COMPLETED, done).toStatus(null);
        assertEquals(done.toString(), first.unknownFields().get("completionTimestamp"));
        assertTrue(first.unknownFields().containsKey("hookResults"));
        SnapshotStatus again = SnapshotProgress.of(null).running("x", Step.CAPTURE).toStatus(first);
        assertEquals(Map.of("step", "CaptureResources"), again.unknownFields());
    }

    @Test
    void onlyACompletedSnapshotIsCompleted() {
        Instant at = Instant.parse("2026-01-01T00:00:00Z");
        SnapshotProgress running = SnapshotProgress.of(null).running("x", Step.CAPTURE);
        assertEquals(false, running.completed());
        assertEquals(true, running.finished(SnapshotState.COMPLETED, at).completed());
        assertEquals(false, running.failingWith("boom").finished(SnapshotState.FAILED, at).completed());
    }
}
