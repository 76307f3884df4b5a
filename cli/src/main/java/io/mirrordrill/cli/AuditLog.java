package io.mirrordrill.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mirrordrill.emulator.k8s.server.AuditedRequest;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** serve's {@code --audit-log}: one JSON line per resource request of the served Kubernetes clusters. */
final class AuditLog implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path file;
    private final BufferedWriter out;

    private AuditLog(Path file, BufferedWriter out) {
        this.file = file;
        this.out = out;
    }

    static AuditLog open(Path file) {
        try {
            return new AuditLog(file, Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND));
        } catch (IOException e) {
            throw BadInput.of("--audit-log", "cannot write " + file + " (" + OutputPaths.reason(e) + ")",
                    "give a file in a writable directory");
        }
    }

    /** Written and flushed at once, so a reader (a test, tail -f) sees each request as it happens. */
    synchronized void write(String cluster, AuditedRequest r) {
        ObjectNode line = JSON.createObjectNode().put("cluster", cluster).put("verb", r.verb())
                .put("apiGroup", r.apiGroup()).put("resource", r.resource());
        if (r.subresource() != null) {
            line.put("subresource", r.subresource());
        }
        if (r.namespace() != null) {
            line.put("namespace", r.namespace());
        }
        line.put("userAgent", r.userAgent());
        try {
            out.write(JSON.writeValueAsString(line));
            out.newLine();
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the audit log " + file, e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            out.close();
        } catch (IOException e) {
            // the requests were flushed as they came
        }
    }
}
