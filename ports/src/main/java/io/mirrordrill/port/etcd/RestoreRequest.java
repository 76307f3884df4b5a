package io.mirrordrill.port.etcd;

/**
 * The flags of {@code etcdctl snapshot restore} (etcd 3.4): where the new member's data goes and the single-member
 * cluster it will form. Defaults are etcdctl's. With kubeadm the member is named after the control-plane node's
 * hostname, which is why a restored cluster's nodes must keep the source cluster's hostnames.
 */
public record RestoreRequest(String dataDir, String name, String initialAdvertisePeerUrls,
                             String initialClusterToken) {
    public static final String DEFAULT_NAME = "default";
    public static final String DEFAULT_PEER_URL = "http://localhost:2380";
    public static final String DEFAULT_TOKEN = "etcd-cluster";

    public RestoreRequest {
        require(dataDir, "--data-dir");
        require(name, "--name");
        require(initialAdvertisePeerUrls, "--initial-advertise-peer-urls");
        require(initialClusterToken, "--initial-cluster-token");
    }

    /** {@code --data-dir <dir>} with etcdctl's defaults for the rest. */
    public static RestoreRequest into(String dataDir) {
        return new RestoreRequest(dataDir, DEFAULT_NAME, DEFAULT_PEER_URL, DEFAULT_TOKEN);
    }

    /** {@code --name <name> --initial-advertise-peer-urls <peerUrl>}. */
    public RestoreRequest member(String memberName, String peerUrl) {
        return new RestoreRequest(dataDir, memberName, peerUrl, initialClusterToken);
    }

    /** {@code --initial-cluster}: the single member this restore creates. */
    public String initialCluster() {
        return name + "=" + initialAdvertisePeerUrls;
    }

    private static void require(String value, String flag) {
        if (value == null || value.isBlank()) {
            throw new EtcdException(EtcdException.Reason.INVALID_REQUEST, "snapshot restore needs " + flag);
        }
    }
}
