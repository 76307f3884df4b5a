package io.mirrordrill.port.element;

/** {@code CreateVolume {name, accountID, totalSize, enable512e, qos}}; a null qos takes the cluster's default. */
public record VolumeCreate(String name, long accountID, long totalSize, boolean enable512e, Qos qos) {
}
