package io.mirrordrill.emulator.element;

import io.mirrordrill.port.element.VolumeAccessGroupRecord;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** A volume access group: the initiators (host IQNs) that may log in to its volumes. */
final class AccessGroup {
    final long id;
    final String name;
    final List<String> initiators;
    final TreeSet<Long> volumes = new TreeSet<>();

    AccessGroup(long id, String name, List<String> initiators) {
        this.id = id;
        this.name = name;
        this.initiators = new ArrayList<>(initiators);
    }

    VolumeAccessGroupRecord record() {
        return new VolumeAccessGroupRecord(id, name, initiators, List.copyOf(volumes));
    }
}
