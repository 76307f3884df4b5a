package io.mirrordrill.emulator.ontap.snapmirror;

/** What a client asks of a relationship; PATCH states and POST transfers map onto these. */
public enum Operation {
    INITIALIZE, UPDATE, QUIESCE, RESUME, BREAK, RESYNC, REVERSE_RESYNC
}
