package io.mirrordrill.emulator.ontap;

import io.mirrordrill.port.ontap.ClusterPeerRecord;
import io.mirrordrill.port.ontap.JobRecord;
import io.mirrordrill.port.ontap.OntapErrors;
import io.mirrordrill.port.ontap.OntapException;
import io.mirrordrill.port.ontap.SvmPeerRecord;
import io.mirrordrill.sim.World;

import java.util.List;
import java.util.Optional;

/**
 * Cluster and SVM peering. A cluster peer is available once both clusters have created it with the same passphrase
 * (the passphrase is compared, never stored in records or traces). An SVM peer is initiated on one cluster and
 * pending on the other until accepted there; SVMs of one cluster peer with each other at once.
 */
final class Peering {
    static final class ClusterPeer {
        final String uuid;
        final OntapCluster local;
        final OntapCluster remote;
        private final int passphraseHash;

        ClusterPeer(String uuid, OntapCluster local, OntapCluster remote, int passphraseHash) {
            this.uuid = uuid;
            this.local = local;
            this.remote = remote;
            this.passphraseHash = passphraseHash;
        }

        boolean confirmed() {
            return remote.clusterPeers.stream().anyMatch(p -> p.remote == local && p.passphraseHash == passphraseHash);
        }

        ClusterPeerRecord record(World world) {
            String state = !confirmed() ? "pending"
                    : world.network().reachable(local.site, remote.site) ? "available" : "unavailable";
            return new ClusterPeerRecord(uuid, remote.name, List.of(remote.interclusterAddress), state);
        }
    }

    static final class SvmPeer {
        final String uuid;
        final Svm local;
        final Svm peer;
        final List<String> applications;
        String state;

        SvmPeer(String uuid, Svm local, Svm peer, List<String> applications, String state) {
            this.uuid = uuid;
            this.local = local;
            this.peer = peer;
            this.applications = applications;
            this.state = state;
        }

        SvmPeerRecord record() {
            return new SvmPeerRecord(uuid, local.name, peer.name, peer.cluster.name, state, applications, local.uuid,
                    peer.uuid);
        }
    }

    private final World world;
    private final OntapEmulator emulator;

    Peering(World world, OntapEmulator emulator) {
        this.world = world;
        this.emulator = emulator;
    }

    ClusterPeerRecord createClusterPeer(OntapCluster local, List<String> addresses, String passphrase) {
        if (addresses == null || addresses.isEmpty()) {
            throw new OntapException(400, OntapErrors.INVALID, "Field \"remote.ip_addresses\" is required",
                    "remote.ip_addresses");
        }
        if (passphrase == null || passphrase.length() < 8) {
            throw new OntapException(400, OntapErrors.INVALID,
                    "The passphrase must be at least 8 characters long", "authentication.passphrase");
        }
        OntapCluster remote = emulator.clusterByAddress(addresses.get(0)).orElseThrow(() -> new OntapException(400,
                OntapErrors.INVALID, "No cluster answers at intercluster address " + addresses.get(0),
                "remote.ip_addresses"));
        if (remote == local) {
            throw new OntapException(400, OntapErrors.INVALID, "A cluster cannot peer with itself", "remote");
        }
        if (local.clusterPeers.stream().anyMatch(p -> p.remote == remote)) {
            throw new OntapException(409, OntapErrors.EXISTS, "Cluster " + local.name + " is already peered with "
                    + remote.name, "remote");
        }
        Optional<ClusterPeer> other = remote.clusterPeers.stream().filter(p -> p.remote == local).findFirst();
        if (other.isPresent() && other.get().passphraseHash != passphrase.hashCode()) {
            throw new OntapException(400, OntapErrors.PERMISSION_DENIED,
                    "Authentication failed: the passphrase does not match the one given on " + remote.name,
                    "authentication.passphrase");
        }
        ClusterPeer peer = new ClusterPeer(world.random("ontap/" + local.name).uuid().toString(), local, remote,
                passphrase.hashCode());
        local.clusterPeers.add(peer);
        world.record("ontap/" + local.name, "cluster peer create " + remote.name);
        return peer.record(world);
    }

    private boolean clustersPeered(OntapCluster a, OntapCluster b) {
        return a == b || a.clusterPeers.stream().anyMatch(p -> p.remote == b && p.confirmed());
    }

    JobRecord createSvmPeer(OntapCluster local, String svmName, String peerClusterName, String peerSvmName,
                            List<String> applications) {
        Svm svm = local.requireSvm(svmName, "svm.name");
        OntapCluster remote = emulator.cluster(peerClusterName);
        Svm peer = remote.requireSvm(peerSvmName, "peer.svm.name");
        if (!clustersPeered(local, remote)) {
            throw new OntapException(400, OntapErrors.SM_SVM_PEER_MISSING, "Cluster " + local.name
                    + " is not peered with " + remote.name + "; create the cluster peer on both clusters first",
                    "peer.cluster.name");
        }
        if (local.svmPeers.stream().anyMatch(p -> p.local == svm && p.peer == peer)) {
            throw new OntapException(409, OntapErrors.EXISTS, "SVM " + svmName + " is already peered with "
                    + peerSvmName, "peer.svm.name");
        }
        List<String> apps = List.copyOf(applications == null ? List.of("snapmirror") : applications);
        return local.jobs.submit("svm peer " + svmName + " -> " + peerSvmName, () -> {
            boolean intra = local == remote;
            SvmPeer mine = new SvmPeer(world.random("ontap/" + local.name).uuid().toString(), svm, peer, apps,
                    intra ? "peered" : "initiated");
            SvmPeer theirs = new SvmPeer(world.random("ontap/" + remote.name).uuid().toString(), peer, svm, apps,
                    intra ? "peered" : "pending");
            local.svmPeers.add(mine);
            remote.svmPeers.add(theirs);
            world.record("ontap/" + local.name, "svm peer " + svmName + " -> " + peerSvmName + " " + mine.state);
        });
    }

    JobRecord acceptSvmPeer(OntapCluster local, String peerUuid) {
        SvmPeer mine = local.svmPeers.stream().filter(p -> p.uuid.equals(peerUuid)).findFirst().orElseThrow(() ->
                new OntapException(404, OntapErrors.NOT_FOUND, "SVM peer \"" + peerUuid + "\" not found", "uuid"));
        if (!mine.state.equals("pending")) {
            throw new OntapException(400, OntapErrors.INVALID, "SVM peer " + mine.local.name + " -> " + mine.peer.name
                    + " is " + mine.state + "; only a pending peer can be accepted", "state");
        }
        return local.jobs.submit("svm peer accept " + mine.local.name, () -> {
            mine.state = "peered";
            mine.peer.cluster.svmPeers.stream().filter(p -> p.local == mine.peer && p.peer == mine.local)
                    .forEach(p -> p.state = "peered");
            world.record("ontap/" + local.name, "svm peer accept " + mine.local.name + " <- " + mine.peer.name);
        });
    }

    /**
     * Resolves the SVM a relationship on {@code local} names as its source. Only a peered SVM with the snapmirror
     * application (or {@code local} itself) qualifies; otherwise ONTAP refuses with 13303886.
     */
    Svm resolve(Svm local, String name) {
        if (local.name.equals(name)) {
            return local;
        }
        return local.cluster.svmPeers.stream()
                .filter(p -> p.local == local && p.peer.name.equals(name) && p.state.equals("peered")
                        && p.applications.contains("snapmirror"))
                .map(p -> p.peer).findFirst()
                .orElseThrow(() -> new OntapException(400, OntapErrors.SM_SVM_PEER_MISSING, "SVM peer permission not"
                        + " found: SVM \"" + local.name + "\" is not peered with \"" + name
                        + "\" for the snapmirror application", "source.path"));
    }
}
