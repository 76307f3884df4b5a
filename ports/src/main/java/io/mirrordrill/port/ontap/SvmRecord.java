package io.mirrordrill.port.ontap;

/** {@code /api/svm/svms} record. */
public record SvmRecord(String uuid, String name, SvmSubtype subtype, SvmState state) {}
