package io.mirrordrill.scenario.source;

import static io.mirrordrill.scenario.source.SourceWorld.NS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mirrordrill.emulator.k8s.cluster.WorkloadIoException;
import io.mirrordrill.engine.archive.HookResult;
import io.mirrordrill.port.kubernetes.LabelSelector;
import io.mirrordrill.port.objectstore.ListRequest;
import io.mirrordrill.engine.snapshot.SnapshotProgress;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Execution hooks around snapshots: fsfreeze before, unfreeze after, and what a failing hook does. */
class HookTest {
    private static final Duration LIMIT = Duration.ofMinutes(5);

    private static String summary(HookResult h) {
        return h.stage() + " " + h.hook() + " " + h.pod().replaceAll("-[a-z0-9]+-[a-z0-9]+$", "-*") + "/"
                + h.container() + " " + h.result() + " " + h.exitCode();
    }

    @Test
    void preAndPostFsfreezeHooksRunInOrderInTheMatchingContainerAndAWriteDuringTheFreezeIsRefused() {
        SourceWorld w = new SourceWorld(11);
        w.freezeHooks();
        w.write(3);
        w.snapshot("frozen", "Retain");
        List<String> refused = new ArrayList<>();
        w.world.world().runUntil(() -> {
            if (refused.isEmpty() && w.get("Snapshot", "frozen").orElseThrow().path("status").path("step").asText()
                    .equals("VolumeSnapshots")) {
                try {
                    w.write();
                    refused.add("accepted");
                } catch (WorkloadIoException e) {
                    refused.add(e.reason().name());
                }
            }
            return w.state("Snapshot", "frozen").equals("Completed");
        }, LIMIT);
        assertEquals(List.of("FROZEN"), refused, "a write between the Pre and the Post hook");
        w.write(); // unfrozen again

        List<HookResult> hooks = w.archive("Snapshot", "frozen").content().hooks();
        assertEquals(List.of("Pre freeze web-*/app Succeeded 0", "Post unfreeze web-*/app Succeeded 0"),
                hooks.stream().map(HookTest::summary).toList(), "only the container named app matches; the sidecar"
                        + " does not");
        assertEquals(SourceWorld.records("record", 3), w.snapshotFile(
                w.archive("Snapshot", "frozen").content().volumes().get(0), "records"));
    }

    @Test
    void deletingASnapshotWhileTheAppIsFrozenRunsThePostHookAndLeavesNothingBehind() {
        SourceWorld w = new SourceWorld(13);
        w.freezeHooks();
        w.write(2);
        w.snapshot("cut", "Retain");
        w.world.world().runUntil(() -> w.get("Snapshot", "cut").orElseThrow().path("status").path("step").asText()
                .equals("VolumeSnapshots"), LIMIT);
        w.cluster.api().delete("protect.trident.netapp.io/v1", "Snapshot", NS, "cut");
        w.awaitGone("Snapshot", "cut", LIMIT);
        w.world.advance(Duration.ofMinutes(1));

        w.write(); // unfrozen
        assertEquals(List.of(), w.cluster.api().list("snapshot.storage.k8s.io/v1", "VolumeSnapshot", NS,
                LabelSelector.everything()));
        assertEquals(List.of(), w.ontapSnapshots("data"));
        assertEquals(List.of(), w.bucket().list(ListRequest.of(SourceWorld.BUCKET)).objects(),
                "the staged capture went with it");
    }

    @Test
    void aFailingPostHookFailsTheSnapshotOnceEveryPostHookRan() {
        SourceWorld w = new SourceWorld(14);
        w.freezeHooks();
        w.hook("a-report", "Post", "#!/bin/sh\nexit 2\n"); // runs before unfreeze (hooks go by name)
        w.snapshot("post", "Retain");
        w.await("Snapshot", "post", "Failed", LIMIT);

        var status = w.status("Snapshot", "post");
        assertTrue(status.error().startsWith("Post hook a-report failed in container app of pod "), status.error());
        assertEquals(List.of("Pre freeze web-*/app Succeeded 0", "Post a-report web-*/app Failed 2",
                "Post unfreeze web-*/app Succeeded 0"),
                SnapshotProgress.of(status).hooks().stream().map(HookTest::summary).toList());
        w.write();
        w.world.advance(Duration.ofMinutes(1)); // the snapshotter deletes what the VolumeSnapshots held
        assertEquals(List.of(), w.ontapSnapshots("data"), "a failed snapshot deletes its volume snapshots");
    }

    @Test
    void aFailingPreHookFailsTheSnapshotAndThePostHookStillUnfreezes() {
        SourceWorld w = new SourceWorld(12);
        w.freezeHooks();
        w.hook("zz-check", "Pre", "#!/bin/sh\necho checking\nexit 3\n"); // runs after freeze (hooks go by name)
        w.write(2);
        w.snapshot("broken", "Retain");
        w.await("Snapshot", "broken", "Failed", LIMIT);

        var status = w.status("Snapshot", "broken");
        String pod = w.pod();
        assertEquals("Pre hook zz-check failed in container app of pod my-app-namespace/" + pod + " (exit code 3)."
                + " Fix: run its script by hand (kubectl exec -n my-app-namespace " + pod + " -c app -- /bin/sh -c"
                + " '<script>') to see why, correct the ExecHook, then take a new snapshot", status.error());
        List<HookResult> hooks = SnapshotProgress.of(status).hooks();
        assertEquals(List.of("Pre freeze web-*/app Succeeded 0", "Pre zz-check web-*/app Failed 3",
                "Post unfreeze web-*/app Succeeded 0"), hooks.stream().map(HookTest::summary).toList());
        w.write(); // not frozen: the Post hook ran although the snapshot failed
        assertEquals(List.of(), w.cluster.api().list("snapshot.storage.k8s.io/v1", "VolumeSnapshot", NS,
                LabelSelector.everything()), "no volume was snapshotted");
        assertEquals(List.of(), w.bucket().list(ListRequest.of(SourceWorld.BUCKET)).objects());
        assertTrue(w.get("Snapshot", "broken").orElseThrow().path("metadata").path("finalizers").isMissingNode());
    }
}
