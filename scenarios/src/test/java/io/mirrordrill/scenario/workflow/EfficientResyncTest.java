package io.mirrordrill.scenario.workflow;

import io.mirrordrill.scenario.world.SimCluster;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 25.06: "Efficient resync and reverse replication when using AppMirrorRelationship (AMR) with NetApp SnapMirror, to
 * avoid full PVC replication". With a common snapshot, a resync or a reverse resync moves the changes since it, never
 * the volume's whole data again: the bytes of every SnapMirror transfer are counted from the ONTAP emulator's trace.
 */
class EfficientResyncTest {
    private static final int BULK = 4 << 20;
    private static final Pattern TRANSFER = Pattern.compile("transfer success \\S+ type=(\\S+) bytes=(\\d+)");

    private record Transfer(String type, long bytes) {}

    /** 4 MiB of data the app holds besides its records, so a full transfer and a delta are far apart. */
    private static void bulk(SeedEstate e, SimCluster c) {
        byte[] data = new byte[BULK];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 31 + i / 4096);
        }
        String pod = e.pods(c).get(0).path("metadata").path("name").asText();
        c.simulator().workloads().append(e.ns(c), pod, "/data", "bulk.bin", data);
    }

    private static List<Transfer> transfers(SeedEstate e) {
        List<Transfer> seen = new ArrayList<>();
        e.w.world().trace().subscribe(entry -> {
            Matcher m = TRANSFER.matcher(entry.message());
            if (entry.source().equals("snapmirror") && m.find()) {
                seen.add(new Transfer(m.group(1), Long.parseLong(m.group(2))));
            }
        });
        return seen;
    }

    private static void failover(SeedEstate e) {
        e.desire("Promoted", null);
        e.awaitState("Promoted");
        e.runUntil(() -> e.running(e.destination), Duration.ofMinutes(5), "the destination app");
    }

    @Test
    void theBaselineCarriesTheWholeVolumeAndAResyncOnlyTheChangesSinceTheCommonSnapshot() {
        SeedEstate e = new SeedEstate(71);
        List<Transfer> transfers = transfers(e);
        bulk(e, e.source);
        e.establish(2);
        assertTrue(transfers.stream().anyMatch(t -> t.type().equals("initialize") && t.bytes() >= BULK),
                "the baseline moves the whole volume: " + transfers);
        failover(e);
        e.write(e.destination);                       // 3 on the destination: discarded by the resync
        e.write(e.source);                            // 4 on the source since the common snapshot
        transfers.clear();
        e.desire("Established", null);
        e.awaitState("Established");
        List<Transfer> resyncs = transfers.stream().filter(t -> t.type().equals("resync")).toList();
        assertFalse(resyncs.isEmpty(), "the relationship is resynced, not initialized again: " + transfers);
        assertTrue(transfers.stream().noneMatch(t -> t.type().equals("initialize")), transfers.toString());
        long moved = transfers.stream().mapToLong(Transfer::bytes).sum();
        assertTrue(moved > 0 && moved <= 4 * 4096, "only the changed blocks travel, not " + BULK
                + " bytes: " + transfers);
        assertEquals(List.of(1, 2, 4), e.destinationVolumeRecords(), "the destination's write is discarded");
    }

    @Test
    void aReverseResyncMovesOnlyTheDestinationsWritesBack() {
        SeedEstate e = new SeedEstate(72);
        List<Transfer> transfers = transfers(e);
        bulk(e, e.source);
        e.establish(2);
        failover(e);
        e.write(e.destination);                       // 3, kept by the reverse resync
        e.destination.api().delete("protect.trident.netapp.io/v1", "AppMirrorRelationship", SeedEstate.NS,
                SeedEstate.AMR);
        e.runUntil(() -> e.amrState().equals("(none)"), Duration.ofMinutes(10), "the AMR to go");
        e.snapshot(e.destination, "s3.west.example", "trident-protect-dst-bucket");
        transfers.clear();
        e.source.apply("reverse-relationship.yaml", e.reverseAmrYaml("Established", null), SeedEstate.NS);
        e.runUntil(() -> e.reverseState().equals("Established"), Duration.ofHours(1), "the reverse AMR");
        assertTrue(transfers.stream().anyMatch(t -> t.type().equals("resync")), transfers.toString());
        assertTrue(transfers.stream().noneMatch(t -> t.type().equals("initialize")), transfers.toString());
        long moved = transfers.stream().mapToLong(Transfer::bytes).sum();
        assertTrue(moved > 0 && moved <= 4 * 4096, "only the changed blocks travel back, not " + BULK
                + " bytes: " + transfers);
        assertEquals(List.of(1, 2, 3), e.sourceVolumeRecords());
        long lastTransfer = e.source.get("protect.trident.netapp.io/v1", "AppMirrorRelationship", SeedEstate.NS,
                SeedEstate.AMR).orElseThrow().at("/status/lastTransfer/transferSizeBytes").asLong(-1);
        assertTrue(lastTransfer >= 0 && lastTransfer < BULK, "status.lastTransfer shows the delta: " + lastTransfer);
    }
}
