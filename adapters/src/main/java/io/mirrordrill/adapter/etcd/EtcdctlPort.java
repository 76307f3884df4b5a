package io.mirrordrill.adapter.etcd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mirrordrill.port.etcd.EtcdException;
import io.mirrordrill.port.etcd.EtcdException.Reason;
import io.mirrordrill.port.etcd.EtcdPort;
import io.mirrordrill.port.etcd.RestoreRequest;
import io.mirrordrill.port.etcd.RestoredMember;
import io.mirrordrill.port.etcd.SavedSnapshot;
import io.mirrordrill.port.etcd.SnapshotStatus;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link EtcdPort} through the {@code etcdctl} binary of etcd 3.4 ({@code ETCDCTL_API=3}). Files are handed to
 * etcdctl as they are; streams go through a private temporary directory. A restore that etcdctl refuses leaves no
 * data directory behind (etcdctl itself leaves a partial {@code member/}), so it can be retried.
 */
public final class EtcdctlPort implements EtcdPort {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Etcdctl etcdctl;

    public EtcdctlPort(EtcdctlConfig config) {
        this.etcdctl = new Etcdctl(config);
    }

    @Override
    public SavedSnapshot save(Path file) {
        if (etcdctl.config().endpoints().size() != 1) {
            throw new EtcdException(Reason.INVALID_REQUEST, "snapshot must be requested to one selected node, not "
                    + etcdctl.config().endpoints());
        }
        List<String> args = new ArrayList<>(etcdctl.connectionFlags());
        args.addAll(List.of("snapshot", "save", file.toString()));
        Etcdctl.Result result = etcdctl.run("snapshot save", args);
        if (!result.ok()) {
            throw EtcdctlErrors.of("snapshot save", String.join(",", etcdctl.config().endpoints()), result);
        }
        try {
            return new SavedSnapshot(Files.size(file), status(file));
        } catch (IOException e) {
            throw EtcdException.io("snapshot save", file, e);
        }
    }

    @Override
    public SnapshotStatus status(Path file) {
        requireSnapshotFile(file);
        Etcdctl.Result result = etcdctl.run("snapshot status", List.of("snapshot", "status", file.toString(),
                "-w", "json"));
        if (!result.ok()) {
            throw EtcdctlErrors.of("snapshot status", file.toString(), result);
        }
        return parseStatus(result.stdout());
    }

    @Override
    public RestoredMember restore(Path file, RestoreRequest request) {
        Path dataDir = Path.of(request.dataDir());
        if (Files.exists(dataDir)) {
            throw new EtcdException(Reason.DATA_DIR_EXISTS, "data-dir \"" + request.dataDir() + "\" exists");
        }
        SnapshotStatus status = status(file);
        Etcdctl.Result result = etcdctl.run("snapshot restore", List.of("snapshot", "restore", file.toString(),
                "--data-dir", request.dataDir(), "--name", request.name(), "--initial-cluster",
                request.initialCluster(), "--initial-advertise-peer-urls", request.initialAdvertisePeerUrls(),
                "--initial-cluster-token", request.initialClusterToken()));
        if (!result.ok()) {
            RuntimeException error = EtcdctlErrors.of("snapshot restore", file.toString(), result);
            if (!(error instanceof EtcdException e && e.reason() == Reason.DATA_DIR_EXISTS)) {
                TempFiles.deleteTree(dataDir);   // it did not exist before this call
            }
            throw error;
        }
        return new RestoredMember(request.dataDir(), request.name(), status);
    }

    @Override
    public SavedSnapshot save(OutputStream out) {
        return TempFiles.withTempFile("snapshot save", file -> {
            SavedSnapshot saved = save(file);
            Files.copy(file, out);
            return saved;
        });
    }

    @Override
    public SnapshotStatus status(InputStream snapshot) {
        return TempFiles.withTempFile("snapshot status", file -> {
            Files.copy(snapshot, file);
            return status(file);
        });
    }

    @Override
    public RestoredMember restore(InputStream snapshot, RestoreRequest request) {
        return TempFiles.withTempFile("snapshot restore", file -> {
            Files.copy(snapshot, file);
            return restore(file, request);
        });
    }

    private static void requireSnapshotFile(Path file) {
        if (!Files.exists(file)) {
            throw EtcdException.notFound(file);
        }
        try {
            if (Files.size(file) == 0) {   // etcdctl answers an empty file with a confusing seek error
                throw new EtcdException(Reason.CORRUPT_SNAPSHOT, "snapshot " + file + ": file size too small (0 bytes)");
            }
        } catch (IOException e) {
            throw EtcdException.io("snapshot status", file, e);
        }
    }

    static SnapshotStatus parseStatus(String stdout) {
        try {
            JsonNode json = JSON.readTree(stdout);
            return new SnapshotStatus(json.required("hash").asLong(), json.required("revision").asLong(),
                    json.required("totalKey").asLong(), json.required("totalSize").asLong());
        } catch (IOException | IllegalArgumentException e) {
            throw new EtcdException(Reason.FAILED, "etcdctl snapshot status printed no status: " + e.getMessage());
        }
    }
}
