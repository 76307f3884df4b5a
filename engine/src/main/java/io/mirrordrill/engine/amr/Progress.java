package io.mirrordrill.engine.amr;

import io.mirrordrill.engine.model.LastTransfer;
import io.mirrordrill.engine.trident.MirrorStep;

import java.util.List;

/** Where an AMR step stands, with the facts it learnt for the status (null: nothing new). */
record Progress(MirrorStep step, String lastTransferredSnapshot, LastTransfer lastTransfer,
                String destinationApplication, List<String> destinationNamespaces) {
    static Progress of(MirrorStep step) {
        return new Progress(step, null, null, null, null);
    }

    static Progress waiting(String message) {
        return of(MirrorStep.inProgress(message));
    }

    boolean isDone() {
        return step.isDone();
    }

    boolean isFailed() {
        return step.isFailed();
    }

    String message() {
        return step.message();
    }
}
