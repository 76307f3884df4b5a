package io.mirrordrill.port.ontap;

/**
 * {@code /api/cluster/peers} record. {@code state} is {@code available} once both sides have created the peer with
 * the same passphrase, {@code pending} until then, {@code unavailable} while the remote cannot be reached.
 */
public record ClusterPeerRecord(String uuid, String remoteName, java.util.List<String> remoteAddresses, String state) {}
