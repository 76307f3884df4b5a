package io.mirrordrill.emulator.ontap;

import io.mirrordrill.emulator.ontap.snapmirror.Policy;
import io.mirrordrill.port.ontap.RelationshipRecord;
import io.mirrordrill.port.ontap.RelationshipState;
import io.mirrordrill.port.ontap.UnhealthyReason;
import io.mirrordrill.runtime.statemachine.History;
import io.mirrordrill.sim.World;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A SnapMirror relationship and its history. State changes go through {@link SnapMirror#lifecycle}. */
final class Relationship {
    final String uuid;
    final long id;
    final Policy policy;
    final String schedule;
    final String identityPreservation;
    Endpoint source;
    Endpoint destination;
    RelationshipState state;
    boolean healthy = true;
    List<UnhealthyReason> unhealthy = List.of();
    String exportedSnapshot;
    Instant exportedTime;
    String lastTransferType;
    Transfer transfer;
    final List<Transfer> transfers = new ArrayList<>();
    /** Every row taken, for refusals: a relationship updated every few minutes for days keeps its newest. */
    final History history = new History(1024);
    Jobs.Pending pendingQuiesce;
    World.Timer scheduleTimer;
    boolean destinationDeleted;
    boolean sourceReleased;

    Relationship(String uuid, long id, Endpoint source, Endpoint destination, Policy policy, String schedule,
                 String identityPreservation, RelationshipState initial) {
        this.uuid = uuid;
        this.id = id;
        this.source = source;
        this.destination = destination;
        this.policy = policy;
        this.schedule = schedule;
        this.identityPreservation = identityPreservation;
        this.state = initial;
    }

    boolean isSvmDr() {
        return destination.isSvm();
    }

    boolean transferring() {
        return transfer != null && transfer.isRunning();
    }

    /** SnapMirror's own snapshots for this relationship share this prefix. */
    String snapshotPrefix() {
        return Snapshot.SNAPMIRROR_PREFIX + destination.svm().uuid + "_" + id + "_";
    }

    RelationshipRecord record(Instant now) {
        Duration lag = exportedTime == null ? null : Duration.between(exportedTime, now);
        return new RelationshipRecord(uuid, source.path(), source.cluster().name, destination.path(),
                destination.cluster().name, policy.name(), policy.record().type(), state, healthy, unhealthy,
                exportedSnapshot, lag, lastTransferType, transfer == null ? null : transfer.record(uuid), schedule,
                isSvmDr() ? "svm_dr" : "none", identityPreservation, source.svm().uuid, destination.svm().uuid,
                NameUuid.of(destination.cluster().uuid, "policy", policy.name()));
    }
}
