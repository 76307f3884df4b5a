package io.mirrordrill.port.ontap;

import java.time.Instant;
import java.util.List;

/** {@code /api/storage/volumes/{uuid}/snapshots} record; {@code owners} such as {@code snapmirror_dependent}. */
public record SnapshotRecord(String uuid, String name, Instant createTime, String comment, String snapmirrorLabel,
                             List<String> owners, String state, long size) {}
