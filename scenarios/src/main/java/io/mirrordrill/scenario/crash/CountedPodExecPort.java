package io.mirrordrill.scenario.crash;

import io.mirrordrill.port.exec.PodExecPort;

import java.time.Duration;
import java.util.List;

/**
 * The pod exec port with each call counted by the crash point ({@link CrashingPorts#call}): a plain forwarding
 * class rather than a reflective proxy, which boxed every call's arguments and invoked the target reflectively.
 * The compiler keeps it complete: a method added to the port must be forwarded here, defaults included (each
 * counts as the one call the engine made, as the proxy counted it).
 */
final class CountedPodExecPort implements PodExecPort {
    private final CrashingPorts crash;
    private final PodExecPort target;

    CountedPodExecPort(CrashingPorts crash, PodExecPort target) {
        this.crash = crash;
        this.target = target;
    }

    @Override
    public ExecResult exec(String namespace, String pod, String container, List<String> command, Duration timeout) {
        return crash.call(() -> target.exec(namespace, pod, container, command, timeout));
    }

    @Override
    public String toString() {
        return target.toString();
    }
}
