package io.mirrordrill.emulator.ontap;

import io.mirrordrill.port.ontap.SvmRecord;
import io.mirrordrill.port.ontap.SvmState;
import io.mirrordrill.port.ontap.SvmSubtype;

import java.util.Map;
import java.util.TreeMap;

/** A storage VM: the unit that serves data, peers with other SVMs and can be replicated whole (SVM-DR). */
final class Svm {
    final String uuid;
    final String name;
    final OntapCluster cluster;
    SvmSubtype subtype;
    SvmState state;
    final Map<String, Volume> volumes = new TreeMap<>();

    Svm(String uuid, String name, OntapCluster cluster, SvmSubtype subtype) {
        this.uuid = uuid;
        this.name = name;
        this.cluster = cluster;
        this.subtype = subtype;
        // A dp_destination SVM is created stopped: it must not serve its replicated identity.
        this.state = subtype == SvmSubtype.DP_DESTINATION ? SvmState.STOPPED : SvmState.RUNNING;
    }

    SvmRecord record() {
        return new SvmRecord(uuid, name, subtype, state);
    }
}
