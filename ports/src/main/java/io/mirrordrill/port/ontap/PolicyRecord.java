package io.mirrordrill.port.ontap;

import java.util.List;

/**
 * {@code /api/snapmirror/policies} record. {@code type} is {@code async}, {@code sync} or {@code continuous};
 * {@code retention} holds label and count (a string, as ONTAP sends it).
 */
public record PolicyRecord(String name, String type, boolean copyAllSourceSnapshots, String identityPreservation,
                           List<Retention> retention) {
    public record Retention(String label, String count) {}
}
