package io.mirrordrill.engine.amr;

import io.mirrordrill.engine.controller.EventRecorder;
import io.mirrordrill.engine.model.AppMirrorRelationship;
import io.mirrordrill.engine.model.AppMirrorRelationshipStatus;
import io.mirrordrill.engine.model.Condition;
import io.mirrordrill.engine.model.LastTransfer;
import io.mirrordrill.engine.model.MirrorState;
import io.mirrordrill.engine.model.ProtectApi;
import io.mirrordrill.engine.model.yaml.ProtectYaml;
import io.mirrordrill.engine.port.Clock;
import io.mirrordrill.engine.port.kubernetes.KubernetesPort;

import java.util.List;
import java.util.Objects;

/**
 * Writes an AMR's status: the state, one {@code Ready} condition whose message says what is happening or what to
 * fix, and the replication facts. Writes only when something changed, so a reconcile that learns nothing new leaves
 * no trace and triggers no watch event. What a person follows in {@code kubectl describe amr} is recorded as Events
 * with each write: a state change (reason: the new state; Warning for Failed), a finished transfer (with its bytes)
 * and each new progress message (a transfer started, a snapshot awaited); problems are the reconciler's.
 */
final class AmrStatusWriter {
    private final KubernetesPort kube;
    private final Clock clock;
    private final EventRecorder events;

    AmrStatusWriter(KubernetesPort kube, Clock clock, EventRecorder events) {
        this.kube = kube;
        this.clock = clock;
        this.events = events;
    }

    /** The Ready reason of a step that goes on (its message changes as the step does). */
    static final String PROGRESSING = "Progressing";

    /** A status update, field by field; null keeps the current value. */
    record Change(MirrorState state, Boolean ready, String reason, String message, String error,
                  String lastTransferredSnapshot, LastTransfer lastTransfer, String destinationApplicationRef,
                  List<String> destinationNamespaces) {
        static Change progress(String reason, String message) {
            return new Change(null, false, reason, message, null, null, null, null, null);
        }
    }

    AppMirrorRelationship write(AppMirrorRelationship amr, Change c) {
        AppMirrorRelationshipStatus old = amr.status() == null
                ? new AppMirrorRelationshipStatus(null, List.of(), null, List.of(), null, null, null, null)
                : amr.status();
        Condition oldReady = old.conditions().stream().filter(x -> x.type().equals("Ready")).findFirst().orElse(null);
        String readyStatus = c.ready() == null ? (oldReady == null ? "False" : oldReady.status())
                : c.ready() ? "True" : "False";
        String reason = c.reason() != null ? c.reason() : oldReady == null ? "Pending" : oldReady.reason();
        String message = c.message() != null ? c.message() : oldReady == null ? "" : oldReady.message();
        // The time moves when Ready flips or the state changes: "since when is it like this" for timeouts and
        // for the periodic recheck of a failed relationship.
        boolean flipped = oldReady == null || !oldReady.status().equals(readyStatus)
                || c.state() != null && !c.state().value().equals(old.state());
        Condition ready = new Condition("Ready", readyStatus, reason, message,
                flipped ? clock.now() : oldReady.lastTransitionTime(), amr.metadata().getGeneration(), null);
        String error = c.state() == MirrorState.FAILED ? c.error() : c.error() != null ? c.error()
                : old.stateValue().filter(s -> s == MirrorState.FAILED).isPresent() && c.state() != null ? null
                : old.error();
        AppMirrorRelationshipStatus next = new AppMirrorRelationshipStatus(
                c.state() != null ? c.state().value() : old.state(), List.of(ready),
                c.destinationApplicationRef() != null ? c.destinationApplicationRef() : old.destinationApplicationRef(),
                c.destinationNamespaces() != null ? c.destinationNamespaces() : old.destinationNamespaces(),
                c.lastTransfer() != null ? c.lastTransfer() : old.lastTransfer(),
                c.lastTransferredSnapshot() != null ? c.lastTransferredSnapshot() : old.lastTransferredSnapshot(),
                error, old.unknownFields());
        if (same(old, next)) {
            return amr;
        }
        AppMirrorRelationship updated = amr.withStatus(next);
        AppMirrorRelationship written = (AppMirrorRelationship) ProtectYaml.fromGeneric(
                kube.updateStatus(ProtectYaml.toGeneric(updated)));
        recordEvents(written, old, next, ready);
        return written;
    }

    private void recordEvents(AppMirrorRelationship amr, AppMirrorRelationshipStatus old,
                              AppMirrorRelationshipStatus next, Condition ready) {
        EventRecorder.Involved involved = EventRecorder.Involved.of(ProtectApi.API_VERSION,
                AppMirrorRelationship.KIND, amr.metadata());
        if (!Objects.equals(old.state(), next.state())) {
            boolean failed = MirrorState.FAILED.value().equals(next.state());
            events.record(involved, failed ? EventRecorder.Type.Warning : EventRecorder.Type.Normal, next.state(),
                    (old.state() == null ? "" : old.state() + " -> ") + next.state() + " (" + ready.reason() + "): "
                            + ready.message());
        } else if (PROGRESSING.equals(ready.reason()) && !ready.message().isEmpty()) {
            events.normal(involved, PROGRESSING, ready.message());
        }
        LastTransfer t = next.lastTransfer();
        if (t != null && !t.equals(old.lastTransfer())) {
            events.normal(involved, "TransferCompleted", "snapshot " + next.lastTransferredSnapshot()
                    + " transferred: " + (t.transferSizeBytes() == null ? "?" : t.transferSizeBytes()) + " bytes");
        }
    }

    private static boolean same(AppMirrorRelationshipStatus a, AppMirrorRelationshipStatus b) {
        if (a.conditions().size() != b.conditions().size()) {
            return false;
        }
        for (int i = 0; i < a.conditions().size(); i++) {
            Condition x = a.conditions().get(i);
            Condition y = b.conditions().get(i);
            if (!x.status().equals(y.status()) || !Objects.equals(x.reason(), y.reason())
                    || !Objects.equals(x.message(), y.message())
                    || !Objects.equals(x.observedGeneration(), y.observedGeneration())) {
                return false;
            }
        }
        return Objects.equals(a.state(), b.state()) && Objects.equals(a.error(), b.error())
                && Objects.equals(a.lastTransferredSnapshot(), b.lastTransferredSnapshot())
                && Objects.equals(a.lastTransfer(), b.lastTransfer())
                && Objects.equals(a.destinationApplicationRef(), b.destinationApplicationRef())
                && Objects.equals(a.destinationNamespaces(), b.destinationNamespaces());
    }
}
