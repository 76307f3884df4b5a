package io.mirrordrill.emulator.k8s.server;

import io.javalin.http.Context;
import io.mirrordrill.port.UnreachableException;
import io.mirrordrill.port.kubernetes.ResourceKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code GET /openapi/v3} and {@code /openapi/v3/<api/v1 | apis/group/version>}: the served kinds' definitions are
 * read under the lock, the documents built (or found again) outside it. {@code /openapi/v2} is not served: kubectl
 * 1.32 asks for it only when v3 fails (and then in protobuf).
 */
final class OpenApiRequests {
    private static final String V3 = "/openapi/v3";

    private final ServedCluster served;

    OpenApiRequests(ServedCluster served) {
        this.served = served;
    }

    void handle(Context ctx) {
        String path = ctx.path();
        try {
            if (path.equals(V3) || path.equals(V3 + "/")) {
                Map<String, List<KindDefinition>> all = served.locked(() -> definitions(null));
                Map<String, byte[]> documents = new TreeMap<>();
                all.forEach((key, defs) -> documents.put(key, OpenApiV3.document(defs, exec())));
                write(ctx, 200, Reply.bytes(OpenApiV3.index(documents)), "no-cache, private");
                return;
            }
            if (path.startsWith(V3 + "/")) {
                String key = path.substring(V3.length() + 1);
                List<KindDefinition> defs = served.locked(() -> definitions(key)).get(key);
                if (defs != null) {
                    write(ctx, 200, OpenApiV3.document(defs, exec()),
                            ctx.queryParam("hash") != null ? "public, immutable" : "no-cache, private");
                    return;
                }
            }
            write(ctx, 404, Reply.bytes(Statuses.failure(404, "NotFound", Statuses.NO_RESOURCE)), null);
        } catch (UnreachableException e) {
            Reply.dropConnection(ctx);
        } catch (RuntimeException e) {
            write(ctx, 500, Reply.bytes(Statuses.failure(500, "InternalError", "Internal error occurred: " + e)), null);
        }
    }

    /** The definitions of the served kinds by group-version key (only {@code only}'s, when given); under the lock. */
    private Map<String, List<KindDefinition>> definitions(String only) {
        Map<String, List<KindDefinition>> out = new TreeMap<>();
        List<ResourceKind> kinds = new ArrayList<>(served.port().kinds());
        kinds.sort((a, b) -> a.plural().compareTo(b.plural()));
        for (ResourceKind k : kinds) {
            String key = OpenApiV3.key(k.group(), k.version());
            if (only == null || only.equals(key)) {
                out.computeIfAbsent(key, x -> new ArrayList<>()).add(KindDefinitions.of(k, served.port()));
            }
        }
        return out;
    }

    private boolean exec() {
        return served.shell().isPresent();
    }

    private static void write(Context ctx, int status, byte[] body, String cacheControl) {
        if (cacheControl != null) {
            ctx.header("Cache-Control", cacheControl);
        }
        ctx.status(status).contentType(Reply.JSON).result(body);
    }
}
