package io.mirrordrill.engine.amr;

import io.mirrordrill.engine.controller.ProtectController.StatusChange;
import io.mirrordrill.engine.model.AppMirrorRelationship;
import io.mirrordrill.engine.model.AppMirrorRelationshipStatus;
import io.mirrordrill.engine.model.Condition;
import io.mirrordrill.engine.model.LastTransfer;
import io.mirrordrill.engine.model.MirrorState;
import io.mirrordrill.engine.model.ProtectApi;
import io.mirrordrill.runtime.EventRecorder;

import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * What a person follows in {@code kubectl describe amr}, recorded as Events from each status the runtime writes: a
 * state change (reason: the new state; Warning for Failed), each new progress message (a transfer started, a
 * snapshot awaited), a broken reference ({@link References}) once when it appears and once when it is resolved, and a
 * finished transfer with its bytes. Problems are recorded where they are met
 * ({@link AmrReconciler#failed}). Messages hold names, states and numbers only, never a secret.
 */
public final class AmrEvents implements Consumer<StatusChange<AppMirrorRelationshipStatus>> {
    /** The Ready reason of a step that goes on (its message changes as the step does). */
    static final String PROGRESSING = "Progressing";
    /** A broken reference ({@link References}) is fixed: Ready is True again. */
    static final String RESOLVED = "ReferenceResolved";

    private final EventRecorder events;

    public AmrEvents(EventRecorder events) {
        this.events = events;
    }

    @Override
    public void accept(StatusChange<AppMirrorRelationshipStatus> change) {
        AppMirrorRelationshipStatus next = change.after();
        AppMirrorRelationshipStatus old = change.before() != null ? change.before() : AmrReconciler.EMPTY;
        EventRecorder.Involved involved = EventRecorder.Involved.of(ProtectApi.API_VERSION,
                AppMirrorRelationship.KIND, change.meta());
        Condition ready = ready(next.conditions());
        String reason = ready == null ? "" : String.valueOf(ready.reason());
        String message = ready == null || ready.message() == null ? "" : ready.message();
        if (!Objects.equals(old.state(), next.state()) && next.state() != null) {
            boolean failed = MirrorState.FAILED.value().equals(next.state());
            events.record(involved, failed ? EventRecorder.Type.Warning : EventRecorder.Type.Normal, next.state(),
                    (old.state() == null ? "" : old.state() + " -> ") + next.state() + " (" + reason + "): "
                            + message);
        } else if (References.REASONS.contains(reason)) {
            if (!reason.equals(reasonOf(ready(old.conditions())))) {
                events.warning(involved, reason, message);
            }
        } else if (PROGRESSING.equals(reason) && !message.isEmpty()
                && !Objects.equals(message, messageOf(ready(old.conditions())))) {
            events.normal(involved, PROGRESSING, message);
        }
        String was = reasonOf(ready(old.conditions()));
        if (References.REASONS.contains(was) && !References.REASONS.contains(reason)) {
            events.normal(involved, RESOLVED, was + " resolved: " + reason + ": " + message);
        }
        LastTransfer t = next.lastTransfer();
        if (t != null && !t.equals(old.lastTransfer())) {
            events.normal(involved, "TransferCompleted", "snapshot " + next.lastTransferredSnapshot()
                    + " transferred: " + (t.transferSizeBytes() == null ? "?" : t.transferSizeBytes()) + " bytes");
        }
    }

    private static Condition ready(List<Condition> conditions) {
        return conditions == null ? null : conditions.stream().filter(c -> "Ready".equals(c.type())).findFirst()
                .orElse(null);
    }

    /** A condition's reason, "" when there is none (the reason lists are immutable: no null may be looked up). */
    private static String reasonOf(Condition c) {
        return c == null || c.reason() == null ? "" : c.reason();
    }

    private static String messageOf(Condition c) {
        return c == null ? null : c.message();
    }
}
