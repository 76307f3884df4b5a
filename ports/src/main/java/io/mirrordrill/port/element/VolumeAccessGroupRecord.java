package io.mirrordrill.port.element;

import java.util.List;

/** A volume access group as {@code ListVolumeAccessGroups} returns it. */
public record VolumeAccessGroupRecord(long volumeAccessGroupID, String name, List<String> initiators,
                                      List<Long> volumes) {
    public VolumeAccessGroupRecord {
        initiators = List.copyOf(initiators);
        volumes = List.copyOf(volumes);
    }
}
