package io.mirrordrill.port.ontap;

/** One entry of a relationship's {@code unhealthy_reason}. */
public record UnhealthyReason(String code, String message) {}
