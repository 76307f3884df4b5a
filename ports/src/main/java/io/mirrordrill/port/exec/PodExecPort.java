package io.mirrordrill.port.exec;

import java.time.Duration;
import java.util.List;

/**
 * Runs a command in a container of a running pod ({@code kubectl exec}), as execution hooks need: the hook's script
 * and arguments go in, the exit code and output come back. A pod or container that does not exist, or is not
 * running, gives exit code 126 with the reason on stderr rather than an exception: a failed hook is an outcome.
 */
public interface PodExecPort {
    ExecResult exec(String namespace, String pod, String container, List<String> command, Duration timeout);

    /** What a command printed and how it ended. */
    record ExecResult(int exitCode, String stdout, String stderr) {
        public boolean succeeded() {
            return exitCode == 0;
        }
    }
}
