package io.mirrordrill.adapter.kubernetes;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.ExecWatch;
import io.mirrordrill.port.UnreachableException;
import io.mirrordrill.port.exec.PodExecPort;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@link PodExecPort} over fabric8's {@code pods/exec} (a websocket with the {@code v4.channel.k8s.io} protocol; the
 * exit code comes from the status channel). The pod is read first, so a missing pod or container, or a pod that is
 * not running, is exit code {@value #CANNOT_RUN} with the reason on stderr, as the port promises, rather than
 * fabric8's exception. A command still running at the timeout is abandoned (the websocket closed) and reported as
 * exit code {@value #TIMED_OUT}, as coreutils' {@code timeout} reports it; the container may still finish it. A
 * cluster that cannot be reached throws {@link UnreachableException}. The client is the caller's to close.
 */
public final class Fabric8PodExecPort implements PodExecPort {
    public static final int CANNOT_RUN = 126;
    public static final int TIMED_OUT = 124;

    private final KubernetesClient client;
    private final String endpoint;

    public Fabric8PodExecPort(KubernetesClient client) {
        this.client = client;
        this.endpoint = client.getConfiguration().getMasterUrl();
    }

    @Override
    public ExecResult exec(String namespace, String pod, String container, List<String> command, Duration timeout) {
        Optional<String> problem = cannotRun(namespace, pod, container);
        if (problem.isPresent()) {
            return new ExecResult(CANNOT_RUN, "", problem.get() + "\n");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ExecWatch watch;
        try {
            watch = client.pods().inNamespace(namespace).withName(pod).inContainer(container)
                    .writingOutput(out).writingError(err).exec(command.toArray(String[]::new));
        } catch (KubernetesClientException e) {
            return refused(e);
        }
        try (watch) {
            int code = watch.exitCode().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return new ExecResult(code, text(out), text(err));
        } catch (TimeoutException e) {
            return new ExecResult(TIMED_OUT, text(out), text(err) + "command timed out after " + timeout + "\n");
        } catch (ExecutionException e) {
            if (ioCause(e) != null) {
                throw new UnreachableException(endpoint, "exec in " + namespace + "/" + pod + " broke off, the "
                        + "command may have run: " + ioCause(e));
            }
            return new ExecResult(CANNOT_RUN, text(out), text(err) + e.getCause().getMessage() + "\n");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnreachableException(endpoint, "interrupted while waiting for exec in " + namespace + "/" + pod);
        }
    }

    /** Why the command cannot run, in the API server's words, if it cannot. */
    private Optional<String> cannotRun(String namespace, String pod, String container) {
        Pod found;
        try {
            found = client.pods().inNamespace(namespace).withName(pod).get();
        } catch (KubernetesClientException e) {
            if (ioCause(e) != null || e.getCode() == 0) {
                throw new UnreachableException(endpoint, String.valueOf(ioCause(e) != null ? ioCause(e)
                        : e.getMessage()));
            }
            return Optional.of(e.getStatus() != null && e.getStatus().getMessage() != null
                    ? e.getStatus().getMessage() : e.getMessage());
        }
        if (found == null) {
            return Optional.of("pods \"" + pod + "\" not found");
        }
        List<Container> containers = found.getSpec() == null ? List.of() : found.getSpec().getContainers();
        if (containers.stream().noneMatch(c -> container.equals(c.getName()))) {
            return Optional.of("container " + container + " is not valid for pod " + pod);
        }
        String phase = found.getStatus() == null ? null : found.getStatus().getPhase();
        if (!"Running".equals(phase)) {
            return Optional.of("pod " + namespace + "/" + pod + " is not running");
        }
        return Optional.empty();
    }

    /** The API server refused the upgrade (the pod stopped since it was read): the command could not run. */
    private ExecResult refused(KubernetesClientException e) {
        if (ioCause(e) != null) {
            throw new UnreachableException(endpoint, String.valueOf(ioCause(e)));
        }
        String reason = e.getStatus() != null && e.getStatus().getMessage() != null ? e.getStatus().getMessage()
                : e.getMessage();
        return new ExecResult(CANNOT_RUN, "", reason + "\n");
    }

    private static String text(ByteArrayOutputStream bytes) {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static IOException ioCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IOException io) {
                return io;
            }
        }
        return null;
    }
}
