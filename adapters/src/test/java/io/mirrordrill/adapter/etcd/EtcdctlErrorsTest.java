package io.mirrordrill.adapter.etcd;

import io.mirrordrill.port.MirrordrillException;
import io.mirrordrill.port.UnreachableException;
import io.mirrordrill.port.etcd.EtcdException;
import io.mirrordrill.port.etcd.EtcdException.Reason;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** etcdctl 3.4's own stderr, as captured from Debian's etcd-client, mapped to the port's errors. */
class EtcdctlErrorsTest {
    private static final String LOG_LINE = "{\"level\":\"info\",\"ts\":1795259164.13,\"caller\":\"snapshot/v3_snapshot"
            + ".go:296\",\"msg\":\"restoring snapshot\",\"path\":\"flip.db\"}";

    private static MirrordrillException of(String operation, String stderr) {
        return EtcdctlErrors.of(operation, "/backup/etcd-snapshot.db", new Etcdctl.Result(1, "", stderr));
    }

    private static Reason reason(String operation, String stderr) {
        return assertInstanceOf(EtcdException.class, of(operation, stderr)).reason();
    }

    @Test
    void integrityAndDatabaseErrorsAreACorruptSnapshot() {
        assertEquals(Reason.CORRUPT_SNAPSHOT, reason("snapshot restore", LOG_LINE + "\nError: expected sha256 [68 179"
                + " 97], got [29 108 8]\n"));
        assertEquals(Reason.CORRUPT_SNAPSHOT, reason("snapshot restore",
                "Error: snapshot missing hash but --skip-hash-check=false\n"));
        assertEquals(Reason.CORRUPT_SNAPSHOT, reason("snapshot status", "Error: file size too small\n"));
        assertEquals(Reason.CORRUPT_SNAPSHOT, reason("snapshot status", "Error: invalid database\n"));
        assertEquals(Reason.CORRUPT_SNAPSHOT, reason("snapshot status", "Error: cannot get hash of bucket\n"));
        assertEquals(Reason.CORRUPT_SNAPSHOT, reason("snapshot status", "panic: page 7 already freed\n"),
                "whatever bolt says of a file that exists, it is not a readable snapshot");
    }

    @Test
    void aLocalDiskProblemIsIoNotCorruption() {
        assertEquals(Reason.IO, reason("snapshot restore",
                "Error: mkdir /var/lib/etcd/member: permission denied\n"));
        assertEquals(Reason.IO, reason("snapshot restore", "Error: write /var/lib/etcd/member/snap/db: no space left "
                + "on device\n"));
    }

    @Test
    void anExistingDataDirAndAMissingFileAreNamed() {
        assertEquals(Reason.DATA_DIR_EXISTS, reason("snapshot restore",
                "Error: data-dir \"/var/lib/etcd\" exists\n"));
        assertEquals(Reason.SNAPSHOT_NOT_FOUND, reason("snapshot status",
                "Error: stat /backup/etcd-snapshot.db: no such file or directory\n"));
    }

    @Test
    void aSaveThatCannotReachTheMemberIsUnreachable() {
        UnreachableException e = assertInstanceOf(UnreachableException.class, EtcdctlErrors.of("snapshot save",
                "https://10.0.0.1:2379", new Etcdctl.Result(5, "", "{\"level\":\"error\",\"msg\":\"streamer failed\"}"
                        + "\nError: context deadline exceeded\n")));
        assertEquals("https://10.0.0.1:2379", e.endpoint());
    }

    @Test
    void refusedCredentialsAreAccessDenied() {
        assertEquals(Reason.ACCESS_DENIED, reason("snapshot save",
                "Error: etcdserver: authentication failed, invalid user ID or password\n"));
        assertEquals(Reason.ACCESS_DENIED, reason("snapshot save",
                "Error: rpc error: code = Unknown desc = auth: user name is empty\n"));
        assertEquals(Reason.ACCESS_DENIED, reason("snapshot save",
                "Error: x509: certificate signed by unknown authority\n"));
    }

    @Test
    void theMessageIsEtcdctlsErrorLineWithTheOperationAndTarget() {
        MirrordrillException e = of("snapshot status", LOG_LINE + "\nError: invalid database\n");
        assertEquals("etcdctl snapshot status /backup/etcd-snapshot.db: invalid database", e.getMessage());
        assertEquals("exit code 3", EtcdctlErrors.detail(new Etcdctl.Result(3, "", LOG_LINE + "\n")));
        assertEquals(Reason.FAILED, reason("snapshot save", "Error: something new\n"));
        assertEquals(Reason.IO, reason("snapshot save", "Error: open /backup/etcd-snapshot.db.part: permission "
                + "denied\n"));
    }
}
