package io.mirrordrill.adapter.etcd;

import io.mirrordrill.port.etcd.EtcdException;
import io.mirrordrill.port.etcd.EtcdException.Reason;
import io.mirrordrill.port.etcd.SavedSnapshot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The adapter against a real etcd with authentication on: credentials work, and a refusal never shows them. */
class EtcdctlPortIT {
    private static final String PASSWORD = "s3cret-etcd-pw";

    @TempDir
    Path work;
    private LocalEtcd etcd;

    @BeforeEach
    void startWithAuthentication() throws IOException {
        LocalEtcd.assumeInstalled("real-etcd authentication test (EtcdctlPortIT)");
        etcd = LocalEtcd.start("auth", work.resolve("member"), work);
        etcd.put("/registry/configmaps/default/settings", "{}");
        etcd.etcdctl(Map.of(), "user", "add", "root:" + PASSWORD);
        etcd.etcdctl(Map.of(), "auth", "enable");
    }

    @AfterEach
    void stop() {
        if (etcd != null) {
            etcd.close();
        }
    }

    private EtcdctlPort port(String user, String password) {
        EtcdctlConfig.Builder b = EtcdctlConfig.builder().endpoint(etcd.endpoint())
                .dialTimeout(Duration.ofSeconds(1)).commandTimeout(Duration.ofSeconds(5));
        if (user != null) {
            b.credentials(user, password);
        }
        return new EtcdctlPort(b.build());
    }

    @Test
    void theUsersPasswordLetsASnapshotBeSaved() {
        SavedSnapshot saved = port("root", PASSWORD).save(new ByteArrayOutputStream());
        assertEquals(etcd.etcdctl(Map.of("ETCDCTL_USER", "root:" + PASSWORD), "get", "--prefix", "", "--keys-only",
                "-w", "json").path("header").path("revision").asLong(), saved.revision());
    }

    @Test
    void aWrongPasswordIsAccessDeniedAndTheMessageHoldsNoPassword() {
        String wrong = "wrong-" + PASSWORD;
        EtcdException e = assertThrows(EtcdException.class, () -> port("root", wrong).save(work.resolve("s.db")));
        assertEquals(Reason.ACCESS_DENIED, e.reason(), e::toString);
        assertFalse(e.getMessage().contains(wrong) || e.toString().contains(wrong), e.toString());
    }

    @Test
    void noCredentialsAreAccessDenied() {
        EtcdException e = assertThrows(EtcdException.class, () -> port(null, null).save(work.resolve("s.db")));
        assertEquals(Reason.ACCESS_DENIED, e.reason(), e::toString);
    }
}
