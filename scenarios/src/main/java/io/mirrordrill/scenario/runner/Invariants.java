package io.mirrordrill.scenario.runner;

import java.util.ArrayList;
import java.util.List;

/** Every invariant, checked together after each step (and on relationship state changes). */
final class Invariants {
    /** The rules, by id, as reports list them. */
    static final List<String> IDS = List.of("no-writable-destination-while-established", "failover-keeps-writes",
            "resync-discards-destination-writes", "reverse-resync-keeps-writes", "replication-keeps-writes",
            "planned-reverse-loses-nothing", "namespace-merge-rule", "no-secret-in-output", "same-seed-same-trace",
            "no-break-during-transfer", "promoted-newest-replicated", "delete-releases-source",
            "amr-status-matches-trace", "schedule-retention-keeps", "rpo-bound", "archive-committed-last",
            "no-app-on-destination-while-established", "hook-report-matches-exec",
            "snapshot-restore-returns-to-snapshot", "svm-dr-destination-serves-source", "import-binds-mirrored-data",
            RollbackRestoresSnapshot.ID, EtcdRestoreMatchesSnapshot.ID);

    private final List<Invariant> all = List.of(new DestinationReadOnly(), new FailoverKeepsWrites(),
            new ReplicationKeepsWrites(), new NamespaceMergeRule(), new NoSecretInOutput(), new BreakOnlyWhenIdle(),
            new PromotedNewestReplicated(), new SourceReleasedAfterDelete(), new LastTransferMatchesTrace(),
            new RetentionKeeps(), new ReplicationLagBound(), new ArchiveCommittedLast(),
            new DestinationAppStopped(), new HookReportMatchesExec(),
            new SnapshotRestoreReturns(), new SvmDrServesSource(), new ImportBindsMirror(),
            new RollbackRestoresSnapshot(), new EtcdRestoreMatchesSnapshot());
    private final Checkpoint checkpoint;
    private int checks;

    Invariants(Checkpoint checkpoint) {
        this.checkpoint = checkpoint;
    }

    List<Invariant.Violation> check() {
        checks++;
        List<Invariant.Violation> out = new ArrayList<>();
        for (Invariant i : all) {
            out.addAll(i.check(checkpoint));
        }
        return out;
    }

    /** Only the rule that must hold at every instant, not just at step ends: cheap enough for every state change. */
    List<Invariant.Violation> checkDestinations() {
        return all.get(0).check(checkpoint);
    }

    /** What the engines were refused (the newest few): reported with a step that timed out. */
    List<String> observations() {
        List<EngineCalls.Refusal> refusals = checkpoint.estate.calls.refusals();
        return refusals.subList(Math.max(0, refusals.size() - 3), refusals.size()).stream()
                .map(EngineCalls.Refusal::describe).toList();
    }

    int checks() {
        return checks;
    }
}
