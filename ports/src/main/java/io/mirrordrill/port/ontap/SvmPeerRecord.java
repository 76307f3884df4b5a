package io.mirrordrill.port.ontap;

/**
 * {@code /api/svm/peers} record. {@code state}: {@code initiated} on the side that asked, {@code pending} on the side
 * that must accept, {@code peered} on both once accepted. {@code svmUuid} and {@code peerSvmUuid} are
 * {@code svm.uuid} and {@code peer.svm.uuid} (the peer's uuid on its own cluster).
 */
public record SvmPeerRecord(String uuid, String svm, String peerSvm, String peerCluster, String state,
                            java.util.List<String> applications, String svmUuid, String peerSvmUuid) {}
