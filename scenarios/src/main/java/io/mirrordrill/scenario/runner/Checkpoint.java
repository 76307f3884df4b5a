package io.mirrordrill.scenario.runner;

import com.fasterxml.jackson.databind.JsonNode;
import io.mirrordrill.emulator.s3.S3Store;
import io.mirrordrill.port.MirrordrillException;
import io.mirrordrill.engine.archive.Archive;
import io.mirrordrill.engine.archive.ArchivePath;
import io.mirrordrill.engine.archive.ArchiveReader;
import io.mirrordrill.engine.model.ProtectApi;
import io.mirrordrill.port.kubernetes.Resources;
import io.mirrordrill.scenario.workload.Ledger;
import io.mirrordrill.scenario.workload.RecordSet;
import io.mirrordrill.scenario.workload.VolumeRef;
import io.mirrordrill.scenario.world.SimCluster;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** What the invariants read: the estate, the ledger of writes, what the trace and the watches saw. */
final class Checkpoint {
    final Estate estate;
    final Ledger ledger;
    final TraceWatch trace;
    final AmrWatch amrs;
    final Promotions promotions;
    final VolumeReader volumes;
    /** Basenames of ShutdownSnapshot archives the drill took: failovers to them are planned. */
    final Set<String> shutdowns = new TreeSet<>();
    /** Checks that are made once (a promotion, a resync) and were made. */
    final Set<String> done = new TreeSet<>();
    /** Element snapshots and rollbacks, etcd saves and rebuilds, as the storage invariants compare them. */
    final StorageEvidence storage;

    Checkpoint(Estate estate, Ledger ledger, TraceWatch trace, AmrWatch amrs, Promotions promotions,
               VolumeReader volumes) {
        this.estate = estate;
        this.ledger = ledger;
        this.trace = trace;
        this.amrs = amrs;
        this.promotions = promotions;
        this.volumes = volumes;
        volumes.readWith(ledger.reads());
        this.storage = new StorageEvidence(estate);
    }

    /** An object of a reachable cluster, as its own components see it. */
    Optional<JsonNode> object(String cluster, String apiVersion, String kind, String ns, String name) {
        SimCluster c = estate.cluster(cluster);
        if (!estate.reachable(c)) {
            return Optional.empty();
        }
        return c.api().get(apiVersion, kind, ns, name).map(Resources::toTree);
    }

    Optional<JsonNode> amr(AmrWatch.History h) {
        return object(h.cluster, ProtectApi.API_VERSION, "AppMirrorRelationship", h.namespace, h.name);
    }

    /** The volume of a claim on a reachable cluster. */
    Optional<VolumeRef> volume(String cluster, String ns, String claim) {
        SimCluster c = estate.cluster(cluster);
        return estate.reachable(c) ? VolumeRef.of(c.api(), ns, claim) : Optional.empty();
    }

    /** The archive an AMR replicated or promoted, read from its destination AppVault's bucket. */
    Optional<Archive> archive(AmrWatch.History h, JsonNode amr, String basename) {
        return archive(h, amr, basename, "destinationAppVaultRef");
    }

    /** The archive of that basename in the AMR's vault named by {@code vaultField} of its spec. */
    Optional<Archive> archive(AmrWatch.History h, JsonNode amr, String basename, String vaultField) {
        JsonNode spec = amr.path("spec");
        String vaultName = spec.path(vaultField).asText();
        Optional<JsonNode> vault = object(h.cluster, ProtectApi.API_VERSION, "AppVault", "trident-protect", vaultName)
                .or(() -> object(h.cluster, ProtectApi.API_VERSION, "AppVault", h.namespace, vaultName));
        if (vault.isEmpty() || basename.isEmpty()) {
            return Optional.empty();
        }
        JsonNode s3 = vault.get().path("spec").path("providerConfig").path("s3");
        String host = s3.path("endpoint").asText().replaceFirst("^https?://", "").replaceFirst(":\\d+$", "");
        try {
            S3Store store = estate.store(host);
            ArchivePath path = ArchivePath.fromBasename(spec.path("sourceApplicationName").asText(),
                    spec.path("sourceApplicationUID").asText(), basename, "check");
            return Optional.of(new ArchiveReader(store.port(store.site()), s3.path("bucketName").asText())
                    .read(path));
        } catch (MirrordrillException unreadable) {
            return Optional.empty();
        }
    }

    /** The committed archives of an AMR's source application in one of its vaults ({@code vaultField} of its spec). */
    Optional<List<ArchivePath>> archives(AmrWatch.History h, JsonNode amr, String vaultField) {
        JsonNode spec = amr.path("spec");
        String vaultName = spec.path(vaultField).asText();
        Optional<JsonNode> vault = object(h.cluster, ProtectApi.API_VERSION, "AppVault", "trident-protect", vaultName)
                .or(() -> object(h.cluster, ProtectApi.API_VERSION, "AppVault", h.namespace, vaultName));
        if (vault.isEmpty()) {
            return Optional.empty();
        }
        JsonNode s3 = vault.get().path("spec").path("providerConfig").path("s3");
        String host = s3.path("endpoint").asText().replaceFirst("^https?://", "").replaceFirst(":\\d+$", "");
        try {
            S3Store store = estate.store(host);
            return Optional.of(new ArchiveReader(store.port(store.site()), s3.path("bucketName").asText())
                    .list(spec.path("sourceApplicationName").asText(), spec.path("sourceApplicationUID").asText()));
        } catch (MirrordrillException unreadable) {
            return Optional.empty();
        }
    }

    /**
     * The records of {@code workload} in {@code file} that the volume held at trace sequence {@code seq}, by the
     * ledger: every write accepted into it up to then, less the writes a rollback (resync, snapshot restore) before
     * then took away.
     */
    RecordSet heldAt(String volume, String file, String workload, long seq) {
        RecordSet held = ledger.records(workload, volume, file, r -> r.seq() <= seq);
        return held.minus(discarded(volume, file, workload, seq));
    }

    /** Writes into the volume that a rollback before {@code seq} took away. */
    RecordSet discarded(String volume, String file, String workload, long seq) {
        RecordSet gone = new RecordSet();
        for (TraceWatch.Rollback rb : trace.rollbacks()) {
            if (rb.volume().equals(volume) && rb.seq() <= seq) {
                long from = trace.snapshotSequence(rb.snapshot()).orElse(-1L);
                gone.addAll(ledger.records(workload, volume, file, r -> r.seq() > from && r.seq() <= rb.seq()));
            }
        }
        return gone;
    }

    /** The (workload, file) pairs written into a volume, as runs (one each). */
    List<Ledger.Run> writtenInto(String volume) {
        return ledger.files().stream().filter(r -> r.volume().equals(volume)).toList();
    }

    long now() {
        return estate.world().trace().size();
    }
}
