package io.mirrordrill.port.ontap;

/** {@code GET /api/cluster}: name, uuid and version of the cluster behind a port. */
public record ClusterRecord(String name, String uuid, String version, String site) {}
