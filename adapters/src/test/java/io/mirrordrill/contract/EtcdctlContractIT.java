package io.mirrordrill.contract;

import io.mirrordrill.adapter.etcd.EtcdctlConfig;
import io.mirrordrill.adapter.etcd.EtcdctlPort;
import io.mirrordrill.adapter.etcd.LocalEtcd;
import io.mirrordrill.port.etcd.EtcdPort;
import io.mirrordrill.port.etcd.RestoreRequest;
import io.mirrordrill.port.etcd.RestoredMember;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The contract through the etcdctl adapter against a real etcd 3.4 the test starts on 127.0.0.1 (ephemeral ports,
 * a temporary data directory). Without etcd or etcdctl on PATH each test is skipped by an assumption naming the
 * missing binary and how to install it (in each test, not once per class, where JUnit reports nothing); .ci/run
 * installs both.
 */
class EtcdctlContractIT extends EtcdPortContract {
    private static final String PREFIX = "/contract/";
    private static final String MEMBER = "contract";

    @TempDir
    Path work;
    private final List<LocalEtcd> members = new ArrayList<>();
    private LocalEtcd member;

    @AfterEach
    void stopMembers() {
        members.forEach(LocalEtcd::close);
    }

    private LocalEtcd start(String name, Path dataDir) {
        try {
            LocalEtcd started = LocalEtcd.start(name, dataDir, work);
            members.add(started);
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected EtcdPort openPort() {
        LocalEtcd.assumeInstalled("real-etcd contract (EtcdctlContractIT)");
        member = start(MEMBER, work.resolve("member"));
        return new EtcdctlPort(EtcdctlConfig.builder().endpoint(member.endpoint())
                .dialTimeout(Duration.ofSeconds(1)).commandTimeout(Duration.ofSeconds(5)).build());
    }

    @Override
    protected long put(String key, String value) {
        return member.put(PREFIX + key, value);
    }

    @Override
    protected RestoreRequest restoreRequest(String label) {
        return RestoreRequest.into(work.resolve("restored-" + label).toString())
                .member(MEMBER + "-" + label, "http://127.0.0.1:2380");
    }

    @Override
    protected Restored startRestored(RestoredMember restored) {
        LocalEtcd started = start(restored.name(), Path.of(restored.dataDir()));
        Map<String, String> values = new TreeMap<>();
        started.get(PREFIX).forEach((k, v) -> values.put(k.substring(PREFIX.length()), v));
        return new Restored(started.revision(), values);
    }

    @Override
    protected void makeUnreachable() {
        member.close();
    }
}
