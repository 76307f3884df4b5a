package io.mirrordrill.emulator.ontap.rest;

import io.mirrordrill.port.ontap.SnapshotRecord;
import io.mirrordrill.port.ontap.VolumeCreate;
import io.mirrordrill.port.ontap.VolumeModify;
import io.mirrordrill.port.ontap.VolumeRecord;
import io.mirrordrill.port.ontap.VolumeType;

import java.util.List;

/**
 * {@code /api/storage/volumes} and their snapshots. A volume PATCH takes only the snapshot restore
 * ({@code restore_to.snapshot.name}, {@code restore_to.snapshot.force}), in the body (nested or dotted) or the query.
 */
final class StorageRoutes {
    /** The settings a PATCH changes ({@code volume modify}); a PATCH with neither is a restore. */
    private static final List<String> MODIFY = List.of("snapshot_policy.name", "snapshot_directory_access_enabled");
    private static final List<String> RESTORE = List.of("restore_to.snapshot.name", "restore_to.snapshot.force");

    private final Listing listing;

    StorageRoutes(Listing listing) {
        this.listing = listing;
    }

    void register(Route.Table t) {
        t.get("/api/storage/volumes", c -> listing.collection(c, Resource.VOLUME,
                c.port.volumes(null).stream().map(RestRecords::volume).toList()));
        t.get("/api/storage/volumes/{uuid}", c -> listing.single(c, Resource.VOLUME,
                RestRecords.volume(volume(c))));
        t.post("/api/storage/volumes", this::createVolume);
        t.patch("/api/storage/volumes/{uuid}", c -> {
            if (c.query.isEmpty() && (c.body.has(MODIFY.get(0)) || c.body.has(MODIFY.get(1)))) {
                RequestBody body = c.body.only(MODIFY.toArray(String[]::new));
                return Reply.job(c.port.modifyVolume(c.param("uuid"), new VolumeModify(body.text(MODIFY.get(0)),
                        body.has(MODIFY.get(1)) ? body.bool(MODIFY.get(1), false) : null)));
            }
            RequestBody body = c.onlyQuery(RESTORE.toArray(String[]::new)).body.withQueryFields(c.query, RESTORE)
                    .only(RESTORE.toArray(String[]::new));
            return Reply.job(c.port.restoreVolume(c.param("uuid"), body.requireText("restore_to.snapshot.name"),
                    body.bool("restore_to.snapshot.force", false)));
        });
        t.delete("/api/storage/volumes/{uuid}", c -> Reply.job(c.onlyQuery().port.deleteVolume(c.param("uuid"))));

        String snapshots = "/api/storage/volumes/{uuid}/snapshots";
        t.get(snapshots, c -> listing.collection(c, Resource.SNAPSHOT, c.port.snapshots(c.param("uuid")).stream()
                .map(s -> RestRecords.snapshot(c.param("uuid"), s)).toList()));
        t.get(snapshots + "/{snapshot}", c -> listing.single(c, Resource.SNAPSHOT, RestRecords.snapshot(
                c.param("uuid"), Lookup.byUuid(c.port.snapshots(c.param("uuid")), SnapshotRecord::uuid,
                        c.param("snapshot"), "Snapshot copy"))));
        t.post(snapshots, c -> {
            c.onlyQuery().body.only("name", "comment", "snapmirror_label");
            return Reply.job(c.port.createSnapshot(c.param("uuid"), c.body.text("name"), c.body.text("comment"),
                    c.body.text("snapmirror_label")));
        });
        t.delete(snapshots + "/{snapshot}", c -> Reply.job(c.onlyQuery().port.deleteSnapshot(c.param("uuid"),
                c.param("snapshot"))));
    }

    private static VolumeRecord volume(Call c) {
        return Lookup.byUuid(c.port.volumes(null), VolumeRecord::uuid, c.param("uuid"), "Volume");
    }

    /**
     * {@code aggregates} and {@code clone.is_flexclone} are accepted and not used: the emulator has no aggregates,
     * and naming a parent volume is what makes a clone.
     */
    private Reply createVolume(Call c) {
        RequestBody b = c.onlyQuery().body.only("name", "svm.name", "size", "type", "snapshot_policy.name",
                "aggregates", "clone.parent_volume.name", "clone.parent_snapshot.name", "clone.is_flexclone");
        b.bool("clone.is_flexclone", false);
        return Reply.job(c.port.createVolume(new VolumeCreate(b.text("name"), b.requireText("svm.name"),
                b.number("size", 0), Enums.parse(VolumeType.class, b.text("type"), "type"),
                b.text("snapshot_policy.name"), b.text("clone.parent_volume.name"),
                b.text("clone.parent_snapshot.name"))));
    }
}
