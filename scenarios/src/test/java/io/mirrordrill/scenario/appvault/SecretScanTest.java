package io.mirrordrill.scenario.appvault;

import static io.mirrordrill.scenario.appvault.VaultWorld.BUCKET;
import static io.mirrordrill.scenario.appvault.VaultWorld.NS;
import static io.mirrordrill.scenario.appvault.VaultWorld.SECRET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.mirrordrill.emulator.s3.S3Credentials;
import io.mirrordrill.emulator.s3.S3Endpoints;
import io.mirrordrill.engine.appvault.AppVaultReconciler;
import io.mirrordrill.engine.controller.ProtectController;
import io.mirrordrill.engine.appvault.AppVaultResolver;
import io.mirrordrill.engine.appvault.ResolvedVault;
import io.mirrordrill.engine.archive.ArchiveReader;
import io.mirrordrill.engine.archive.ArchiveWriter;
import io.mirrordrill.runtime.Backoff;
import io.mirrordrill.runtime.Controller;
import io.mirrordrill.runtime.Outcome;
import io.mirrordrill.engine.model.AppVault;
import io.mirrordrill.engine.model.ProtectApi;
import io.mirrordrill.port.kubernetes.LabelSelector;
import io.mirrordrill.port.kubernetes.Resources;
import io.mirrordrill.port.objectstore.ListRequest;
import io.mirrordrill.port.objectstore.ObjectInfo;
import io.mirrordrill.port.objectstore.ObjectStorePort;
import io.mirrordrill.port.objectstore.S3Target;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * No credential value leaves the Secret: with distinctive credentials, vault resolution, status writing in every
 * state, archive writing and reading, and the failures along the way leave neither the values nor their base64
 * forms in the trace, any status written, any exception message or any object of the bucket.
 */
class SecretScanTest {
    private static final String KEY_ID = "AKIDSCAN9KX2Q";
    private static final String SECRET_KEY = "s3cr3t-Vq7Zt-distinctive";
    private static final String TOKEN = "sess-Ww3Pf-distinctive";
    private static final String WRONG_SECRET = "wr0ng-Hh5Lm-distinctive";
    private static final List<String> VALUES = List.of(KEY_ID, SECRET_KEY, TOKEN, WRONG_SECRET);

    private final VaultWorld w = new VaultWorld(53, "unused-key", "unused-secret");
    private final List<String> statuses = new ArrayList<>();
    private final List<String> messages = new ArrayList<>();

    /** Each value as it could leak: plain, base64 (with and without padding) and URL-safe base64. */
    private static List<String> forms() {
        List<String> forms = new ArrayList<>();
        for (String v : VALUES) {
            byte[] bytes = v.getBytes(StandardCharsets.UTF_8);
            forms.add(v);
            forms.add(Base64.getEncoder().encodeToString(bytes));
            forms.add(Base64.getEncoder().withoutPadding().encodeToString(bytes));
            forms.add(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
        }
        return forms;
    }

    private static List<String> leaks(List<String> texts) {
        List<String> found = new ArrayList<>();
        for (String text : texts) {
            for (String form : forms()) {
                if (text.contains(form)) {
                    found.add(form + " in: " + text);
                }
            }
        }
        return found;
    }

    private void expectFailure(Supplier<Object> action) {
        RuntimeException e = assertThrows(RuntimeException.class, action::get);
        for (Throwable t = e; t != null; t = t.getCause()) {
            messages.add(String.valueOf(t.getMessage()));
            messages.add(t.toString());
        }
    }

    private void secret(String secretKey) {
        GenericKubernetesResource secret = Resources.generic("v1", "Secret", NS, SECRET);
        secret.getAdditionalProperties().put("data", Map.of(
                "accessKeyID", base64(KEY_ID), "secretAccessKey", base64(secretKey), "sessionToken", base64(TOKEN)));
        if (w.kube.get("v1", "Secret", NS, SECRET).isPresent()) {
            w.kube.update(secret);
        } else {
            w.kube.create(secret);
        }
    }

    private static String base64(String value) {
        return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void secrets_scan_clean() {
        S3Endpoints endpoints = new S3Endpoints().add("s3.scan.example", w.store,
                List.of(new S3Credentials(KEY_ID, SECRET_KEY, TOKEN)));
        w.kube.watch(ProtectApi.API_VERSION, AppVault.KIND, NS, LabelSelector.everything(), null,
                event -> statuses.add(String.valueOf(event.object().getAdditionalProperties().get("status"))));
        secret(SECRET_KEY);
        w.apply(VaultWorld.s3Vault("GenericS3", BUCKET, SECRET, "secretAccessKey")
                .replace(VaultWorld.ENDPOINT, "s3.scan.example")
                + "    sessionToken:\n      valueFromSecret: {key: sessionToken, name: s3-creds}\n");
        List<Controller.Event> events = new ArrayList<>();
        Controller controller = new Controller("appvault", new ProtectController<>(w.kube, w.world,
                new AppVaultReconciler(w.kube, endpoints.connector("dc1"))), w.world, Backoff.DEFAULT);
        controller.onEvent(events::add);
        controller.enqueue(VaultWorld.key());
        w.world.advance(Duration.ofMinutes(1));
        assertEquals("Available", w.vault().status().state());

        // resolution and the archive written with what it resolved
        ResolvedVault resolved = new AppVaultResolver(w.kube).resolve(w.vault());
        messages.add(resolved.toString());
        ObjectStorePort bucket = endpoints.connector("dc1").connect(resolved.target());
        ArchiveWriter writer = new ArchiveWriter(bucket, BUCKET);
        writer.write(Captures.path(1), Captures.content(1));
        new ArchiveReader(bucket, BUCKET).read(Captures.path(1));
        expectFailure(() -> writer.write(Captures.path(1), Captures.content(2)));

        // failures: wrong secret, a key gone, the store's site down, a connection with the wrong secret
        secret(WRONG_SECRET);
        w.world.advance(Duration.ofMinutes(6));
        assertEquals("AccessDenied", w.ready().reason());
        expectFailure(() -> endpoints.connector("dc1").connect(new S3Target("s3.scan.example", BUCKET, null, true,
                false, null, null, KEY_ID, WRONG_SECRET, TOKEN)).bucketExists(BUCKET));
        expectFailure(() -> endpoints.connector("dc1").connect(new S3Target("s3.scan.example", BUCKET, null, true,
                false, null, null, KEY_ID, SECRET_KEY, null)).put(BUCKET, "x", new byte[1]));
        w.kube.patch("v1", "Secret", NS, SECRET, "{\"data\": {\"sessionToken\": null}}");
        w.world.advance(Duration.ofMinutes(6));
        assertEquals("SecretKeyNotFound", w.ready().reason());
        expectFailure(() -> new AppVaultResolver(w.kube).resolve(w.vault()));
        secret(SECRET_KEY);
        w.world.network().siteDown("dc2");
        w.world.advance(Duration.ofMinutes(6));
        assertEquals("Unreachable", w.ready().reason());
        expectFailure(() -> bucket.list(ListRequest.of(BUCKET)));
        w.world.network().siteUp("dc2");
        w.world.advance(Duration.ofMinutes(10));
        assertEquals("Available", w.vault().status().state());
        events.forEach(e -> messages.add(e.toString()));

        List<String> objects = new ArrayList<>();
        ObjectStorePort inside = w.store.port("dc2");
        for (ObjectInfo o : inside.list(ListRequest.of(BUCKET)).objects()) {
            objects.add(o.key() + "\n" + new String(inside.get(BUCKET, o.key()).bytes(), StandardCharsets.UTF_8));
        }

        // the corpora are real: every state was written, the bucket holds an archive, the scan can see a leak
        assertTrue(statuses.size() >= 6, statuses.toString());
        assertTrue(events.stream().anyMatch(e -> e.outcome() instanceof Outcome.Failed));
        assertTrue(objects.size() == 5 && messages.size() >= 10, objects.size() + " " + messages.size());
        List<String> inSecret = leaks(List.of(w.kube.get("v1", "Secret", NS, SECRET).orElseThrow().toString()));
        for (String value : List.of(KEY_ID, SECRET_KEY, TOKEN)) { // the scan sees what the Secret itself holds
            assertTrue(inSecret.stream().anyMatch(l -> l.startsWith(base64(value) + " in:")), value);
        }

        assertEquals(List.of(), leaks(w.trace), "trace");
        assertEquals(List.of(), leaks(statuses), "statuses");
        assertEquals(List.of(), leaks(messages), "exception messages and controller events");
        assertEquals(List.of(), leaks(objects), "bucket objects");
    }
}
