package io.mirrordrill.adapter.etcd;

import io.mirrordrill.port.etcd.EtcdException;
import io.mirrordrill.port.etcd.EtcdException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How the adapter runs etcdctl, shown with a stand-in binary (a script that records what it was given): the command
 * line, the environment, secrets kept out of argv and messages, and the time limit.
 */
class EtcdctlPortTest {
    private static final String PASSWORD = "pa55-w0rd-never-shown";

    @TempDir
    Path dir;

    private Path fakeEtcdctl(String body) throws IOException {
        Path script = dir.resolve("etcdctl");
        Files.writeString(script, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }

    private EtcdctlConfig.Builder config(Path executable) {
        return EtcdctlConfig.builder().executable(executable.toString()).endpoint("https://10.0.0.1:2379")
                .dialTimeout(Duration.ofMillis(100)).commandTimeout(Duration.ofMillis(300))
                .processGrace(Duration.ofMillis(300));
    }

    @Test
    void saveRunsEtcdctlV3WithTheEndpointTlsFilesAndThePasswordOnlyInItsEnvironment() throws IOException {
        Path script = fakeEtcdctl("""
                printf '%s\\n' "$@" > "$(dirname "$0")/args"
                printf 'api=%s user=%s\\n' "$ETCDCTL_API" "$ETCDCTL_USER" > "$(dirname "$0")/env"
                echo "Error: etcdserver: authentication failed, invalid user ID or password for $ETCDCTL_USER" >&2
                exit 1""");
        EtcdctlConfig cfg = config(script).tls(Path.of("/pki/ca.crt"), Path.of("/pki/client.crt"),
                Path.of("/pki/client.key")).credentials("root", PASSWORD).build();
        EtcdException e = assertThrows(EtcdException.class,
                () -> new EtcdctlPort(cfg).save(dir.resolve("snap.db")));

        assertEquals(List.of("--endpoints=https://10.0.0.1:2379", "--dial-timeout=100ms", "--command-timeout=300ms",
                "--cacert=/pki/ca.crt", "--cert=/pki/client.crt", "--key=/pki/client.key", "snapshot", "save",
                dir.resolve("snap.db").toString()), Files.readAllLines(dir.resolve("args")));
        assertEquals("api=3 user=root:" + PASSWORD, Files.readString(dir.resolve("env")).strip());
        assertEquals(Reason.ACCESS_DENIED, e.reason());
        assertFalse(e.getMessage().contains(PASSWORD), e.getMessage());
        assertTrue(e.getMessage().contains("root:***"), e.getMessage());
        assertFalse(cfg.toString().contains(PASSWORD), cfg.toString());
    }

    @Test
    void statusParsesEtcdctlsJsonAndRestorePassesEveryFlag() throws IOException {
        Path script = fakeEtcdctl("""
                printf '%s\\n' "$@" >> "$(dirname "$0")/args"
                if [ "$2" = status ]; then echo '{"hash":3355059952,"revision":4,"totalKey":7,"totalSize":20480}'; fi
                if [ "$2" = restore ]; then mkdir -p "$5/member/snap"; fi""");
        Path snapshot = Files.write(dir.resolve("snap.db"), new byte[] {1, 2, 3});
        EtcdctlPort port = new EtcdctlPort(config(script).build());
        var member = port.restore(snapshot, io.mirrordrill.port.etcd.RestoreRequest
                .into(dir.resolve("data").toString()).member("master-1", "https://10.0.0.1:2380"));
        assertEquals(4, member.snapshot().revision());
        assertEquals("c7fa26f0", member.snapshot().hashHex());
        assertEquals(List.of("snapshot", "status", snapshot.toString(), "-w", "json", "snapshot", "restore",
                snapshot.toString(), "--data-dir", dir.resolve("data").toString(), "--name", "master-1",
                "--initial-cluster", "master-1=https://10.0.0.1:2380", "--initial-advertise-peer-urls",
                "https://10.0.0.1:2380", "--initial-cluster-token", "etcd-cluster"),
                Files.readAllLines(dir.resolve("args")));
    }

    @Test
    void aRestoreEtcdctlRefusesLeavesNoPartialDataDirectory() throws IOException {
        Path script = fakeEtcdctl("""
                if [ "$2" = status ]; then echo '{"hash":1,"revision":4,"totalKey":7,"totalSize":20480}'; exit 0; fi
                mkdir -p "$5/member/snap"; echo 'Error: snapshot missing hash but --skip-hash-check=false' >&2; exit 1""");
        Path snapshot = Files.write(dir.resolve("snap.db"), new byte[] {1, 2, 3});
        Path data = dir.resolve("data");
        EtcdException e = assertThrows(EtcdException.class, () -> new EtcdctlPort(config(script).build())
                .restore(snapshot, io.mirrordrill.port.etcd.RestoreRequest.into(data.toString())));
        assertEquals(Reason.CORRUPT_SNAPSHOT, e.reason());
        assertFalse(Files.exists(data));
    }

    @Test
    void anEtcdctlThatHangsIsKilledWithItsChildrenAtTheTimeLimit() throws IOException {
        Path script = fakeEtcdctl("""
                sleep 60 &
                echo $! > "$(dirname "$0")/child"
                wait""");
        long started = System.nanoTime();
        EtcdException e = assertThrows(EtcdException.class,
                () -> new EtcdctlPort(config(script).build()).save(new ByteArrayOutputStream()));
        assertEquals(Reason.TIMEOUT, e.reason());
        assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(Duration.ofSeconds(20)) < 0);
        long child = Long.parseLong(Files.readString(dir.resolve("child")).strip());
        Optional<ProcessHandle> sleeper = ProcessHandle.of(child);
        assertTrue(sleeper.isEmpty() || !sleeper.get().isAlive() || waitGone(sleeper.get()), "child still runs");
    }

    private static boolean waitGone(ProcessHandle handle) {
        try {
            handle.onExit().get(5, java.util.concurrent.TimeUnit.SECONDS);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    @Test
    void aMissingBinaryAnEmptyOrMissingFileAndBadSettingsAreNamed() throws IOException {
        EtcdctlPort port = new EtcdctlPort(config(dir.resolve("no-such-etcdctl")).build());
        EtcdException missing = assertThrows(EtcdException.class, () -> port.save(new ByteArrayOutputStream()));
        assertEquals(Reason.TOOL_MISSING, missing.reason());
        assertTrue(missing.getMessage().contains("etcd-client"), missing.getMessage());
        Path empty = Files.createFile(dir.resolve("empty.db"));
        assertEquals(Reason.CORRUPT_SNAPSHOT, assertThrows(EtcdException.class, () -> port.status(empty)).reason());
        assertEquals(Reason.SNAPSHOT_NOT_FOUND, assertThrows(EtcdException.class,
                () -> port.status(dir.resolve("absent.db"))).reason());
        assertEquals(Reason.INVALID_REQUEST, assertThrows(EtcdException.class, () -> EtcdctlConfig.builder()
                .tls(null, Path.of("/pki/client.crt"), null).build()).reason());
        EtcdctlPort two = new EtcdctlPort(EtcdctlConfig.builder().endpoints(List.of("https://a:2379",
                "https://b:2379")).build());
        assertEquals(Reason.INVALID_REQUEST, assertThrows(EtcdException.class,
                () -> two.save(dir.resolve("x.db"))).reason());
    }
}
