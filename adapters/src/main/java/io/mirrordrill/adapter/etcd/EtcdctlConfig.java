package io.mirrordrill.adapter.etcd;

import io.mirrordrill.port.etcd.EtcdException;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * How to run {@code etcdctl} against one etcd member: the binary, {@code --endpoints}, the optional client TLS files
 * ({@code --cacert}, {@code --cert}, {@code --key}, as kubeadm's {@code /etc/kubernetes/pki/etcd/...}), optional
 * user and password, and time limits. The password is handed to etcdctl in its environment, never on the command
 * line, and {@link #toString()} does not show it.
 */
public final class EtcdctlConfig {
    private final String executable;
    private final List<String> endpoints;
    private final Path cacert;
    private final Path cert;
    private final Path key;
    private final String user;
    private final String password;
    private final Duration dialTimeout;
    private final Duration commandTimeout;
    private final Duration processGrace;

    private EtcdctlConfig(Builder b) {
        this.executable = b.executable;
        this.endpoints = List.copyOf(b.endpoints);
        this.cacert = b.cacert;
        this.cert = b.cert;
        this.key = b.key;
        this.user = b.user;
        this.password = b.password;
        this.dialTimeout = b.dialTimeout;
        this.commandTimeout = b.commandTimeout;
        this.processGrace = b.processGrace;
        if ((cert == null) != (key == null)) {
            throw invalid("--cert and --key go together");
        }
        if (password != null && user == null) {
            throw invalid("a password needs a user");
        }
        endpoints.forEach(e -> {
            if (e.isBlank() || e.contains(",")) {
                throw invalid("endpoint '" + e + "' is not one URL");
            }
        });
    }

    public static Builder builder() {
        return new Builder();
    }

    public String executable() {
        return executable;
    }

    public List<String> endpoints() {
        return endpoints;
    }

    public Optional<Path> cacert() {
        return Optional.ofNullable(cacert);
    }

    public Optional<Path> cert() {
        return Optional.ofNullable(cert);
    }

    public Optional<Path> key() {
        return Optional.ofNullable(key);
    }

    public Optional<String> user() {
        return Optional.ofNullable(user);
    }

    /** Only for the process environment; never put it in a message. */
    Optional<String> password() {
        return Optional.ofNullable(password);
    }

    public Duration dialTimeout() {
        return dialTimeout;
    }

    /** etcdctl's {@code --command-timeout}; a snapshot save must finish within it. */
    public Duration commandTimeout() {
        return commandTimeout;
    }

    /** How long past the command timeout the process may run before it is killed. */
    public Duration processTimeout() {
        return commandTimeout.plus(dialTimeout).plus(processGrace);
    }

    @Override
    public String toString() {
        return "EtcdctlConfig[" + executable + " endpoints=" + endpoints + (cacert == null ? "" : " cacert=" + cacert)
                + (cert == null ? "" : " cert=" + cert + " key=" + key) + (user == null ? "" : " user=" + user)
                + (password == null ? "" : " password=***") + " dialTimeout=" + dialTimeout + " commandTimeout="
                + commandTimeout + "]";
    }

    private static EtcdException invalid(String why) {
        return new EtcdException(EtcdException.Reason.INVALID_REQUEST, "etcdctl configuration: " + why);
    }

    /** Builder with etcdctl's defaults, except a command timeout long enough for a snapshot. */
    public static final class Builder {
        private String executable = "etcdctl";
        private List<String> endpoints = List.of("127.0.0.1:2379");
        private Path cacert;
        private Path cert;
        private Path key;
        private String user;
        private String password;
        private Duration dialTimeout = Duration.ofSeconds(2);
        private Duration commandTimeout = Duration.ofMinutes(5);
        private Duration processGrace = Duration.ofSeconds(10);

        /** The etcdctl binary: a name looked up on PATH, or a path. */
        public Builder executable(String executable) {
            this.executable = executable;
            return this;
        }

        public Builder endpoints(List<String> endpoints) {
            this.endpoints = endpoints;
            return this;
        }

        public Builder endpoint(String endpoint) {
            return endpoints(List.of(endpoint));
        }

        public Builder tls(Path cacert, Path cert, Path key) {
            this.cacert = cacert;
            this.cert = cert;
            this.key = key;
            return this;
        }

        public Builder credentials(String user, String password) {
            this.user = user;
            this.password = password;
            return this;
        }

        public Builder dialTimeout(Duration dialTimeout) {
            this.dialTimeout = dialTimeout;
            return this;
        }

        public Builder commandTimeout(Duration commandTimeout) {
            this.commandTimeout = commandTimeout;
            return this;
        }

        /** Extra time past dial and command timeouts before the process is killed. */
        public Builder processGrace(Duration processGrace) {
            this.processGrace = processGrace;
            return this;
        }

        public EtcdctlConfig build() {
            return new EtcdctlConfig(this);
        }
    }
}
