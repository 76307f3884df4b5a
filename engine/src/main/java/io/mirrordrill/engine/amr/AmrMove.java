package io.mirrordrill.engine.amr;

import io.mirrordrill.engine.controller.Decision;
import io.mirrordrill.engine.controller.Problem;
import io.mirrordrill.engine.controller.Ready;
import io.mirrordrill.engine.model.AppMirrorRelationship;
import io.mirrordrill.engine.model.AppMirrorRelationshipStatus;
import io.mirrordrill.engine.model.MirrorState;
import io.mirrordrill.runtime.Outcome;

import java.util.List;

/**
 * One move of an AppMirrorRelationship through its lifecycle: what a row's effect learns from (the step's
 * {@link Progress}, the {@link Problem}) and the status it decides. The transition hook enters the new state; the
 * row's effect then says what Ready says and which replication facts it records.
 */
public final class AmrMove {
    private final Progress progress;
    private final Problem problem;
    private AppMirrorRelationshipStatus status;
    private Ready ready;

    private AmrMove(AppMirrorRelationship amr, Progress progress, Problem problem) {
        this.progress = progress;
        this.problem = problem;
        this.status = amr.status() != null ? amr.status() : AmrReconciler.EMPTY;
    }

    static AmrMove of(AppMirrorRelationship amr) {
        return new AmrMove(amr, null, null);
    }

    static AmrMove arriving(AppMirrorRelationship amr, Progress progress) {
        return new AmrMove(amr, progress, null);
    }

    static AmrMove failing(AppMirrorRelationship amr, Problem problem) {
        return new AmrMove(amr, null, problem);
    }

    /** The transition hook: the new state; leaving Failed clears the error it showed. */
    void enter(MirrorState to) {
        boolean leavingFailure = MirrorState.FAILED.value().equals(status.state()) && to != MirrorState.FAILED;
        status = new AppMirrorRelationshipStatus(to.value(), status.conditions(), status.destinationApplicationRef(),
                status.destinationNamespaces(), status.lastTransfer(), status.lastTransferredSnapshot(),
                leavingFailure ? null : status.error(), status.unknownFields());
    }

    /** Effect of a row that starts work: Ready is False while it runs. */
    void working(String reason, String message) {
        ready = Ready.isFalse(reason, message);
    }

    /** Effect of a row that finishes work: Ready, with what the step learnt (null keeps a fact). */
    void arrived() {
        ready = Ready.isTrue(status.state(), progress.message());
        status = withFacts(status, progress);
    }

    /** Effect of the move to Failed: the problem is the error, and what Ready says. */
    void failed() {
        ready = problem.ready();
        status = new AppMirrorRelationshipStatus(status.state(), status.conditions(),
                status.destinationApplicationRef(), status.destinationNamespaces(), status.lastTransfer(),
                status.lastTransferredSnapshot(), problem.message(), status.unknownFields());
    }

    /** The decision: the status, Ready restarted (a new state began), and a look again at once or after {@code then}. */
    Decision<AppMirrorRelationshipStatus> decision(Outcome then) {
        return new Decision<>(status, ready.restarted(), then);
    }

    /** A status with the facts a step learnt; null keeps the one there. */
    static AppMirrorRelationshipStatus withFacts(AppMirrorRelationshipStatus s, Progress p) {
        List<String> namespaces = p.destinationNamespaces() != null ? p.destinationNamespaces()
                : s.destinationNamespaces();
        return new AppMirrorRelationshipStatus(s.state(), s.conditions(),
                p.destinationApplication() != null ? p.destinationApplication() : s.destinationApplicationRef(),
                namespaces, p.lastTransfer() != null ? p.lastTransfer() : s.lastTransfer(),
                p.lastTransferredSnapshot() != null ? p.lastTransferredSnapshot() : s.lastTransferredSnapshot(),
                s.error(), s.unknownFields());
    }
}
