package io.mirrordrill.emulator.ontap.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.mirrordrill.emulator.ontap.OntapEmulator;
import io.mirrordrill.port.ontap.SvmSubtype;
import io.mirrordrill.sim.World;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The server's wire conventions, seen by a bare HTTP client: auth, bodies, collections, jobs, errors. */
class OntapRestServerIT {
    private static final String PASSWORD = "s3cret-Passw0rd";
    private World world;
    private OntapEmulator ontap;
    private OntapRestServer server;
    private RawClient client;

    @BeforeEach
    void start() {
        world = new World(5);
        world.network().site("east").site("west").link("east", "west", Duration.ofMillis(10), 100_000_000L);
        ontap = new OntapEmulator(world);
        ontap.addCluster("c1", "east");
        ontap.addCluster("c2", "west");
        ontap.addSvm("c1", "svm1", SvmSubtype.DEFAULT);
        ontap.addSvm("c1", "svm9", SvmSubtype.DEFAULT);
        server = OntapRestServer.builder(ontap, "c1", "admin", PASSWORD).start();
        client = new RawClient(server.endpoint(), "admin", PASSWORD);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private JsonNode finished(RawClient.Answer accepted) {
        assertEquals(202, accepted.status(), accepted.text());
        String job = accepted.json().path("job").path("uuid").asText();
        server.advance(Duration.ofSeconds(2));
        return client.get("/api/cluster/jobs/" + job).json();
    }

    private String volume(String svm, String name, long size) {
        JsonNode job = finished(client.post("/api/storage/volumes",
                "{\"name\":\"" + name + "\",\"svm\":{\"name\":\"" + svm + "\"},\"size\":" + size + "}"));
        assertEquals("success", job.path("state").asText(), job.toString());
        return client.get("/api/storage/volumes?name=" + name + "&svm.name=" + svm).json()
                .path("records").get(0).path("uuid").asText();
    }

    private static List<String> names(JsonNode collection) {
        List<String> names = new ArrayList<>();
        collection.path("records").forEach(r -> names.add(r.path("name").asText()));
        return names;
    }

    @Test
    void a_request_without_credentials_is_refused_with_401_and_an_ontap_error_body() {
        RawClient.Answer a = new RawClient(server.endpoint(), null, null).get("/api/svm/svms");

        assertEquals(401, a.status());
        assertEquals("6", a.error().path("code").asText());
        assertTrue(a.response().headers().firstValue("WWW-Authenticate").orElseThrow().startsWith("Basic"));
    }

    @Test
    void a_wrong_password_is_refused_and_neither_password_appears_in_the_answer() {
        RawClient.Answer a = new RawClient(server.endpoint(), "admin", "guess-1234").get("/api/svm/svms");

        assertEquals(401, a.status());
        assertFalse(a.text().contains("guess-1234") || a.text().contains(PASSWORD), a.text());
        assertEquals(401, new RawClient(server.endpoint(), "root", PASSWORD).get("/api/svm/svms").status());
    }

    @Test
    void a_refused_post_with_a_body_still_gets_its_401_answer() {
        RawClient.Answer a = new RawClient(server.endpoint(), "admin", "guess-1234").post("/api/storage/volumes",
                "{\"name\":\"" + "v".repeat(100) + "\",\"svm.name\":\"svm1\",\"size\":1}");

        assertEquals(401, a.status());
    }

    @Test
    void no_request_writes_the_password_to_the_log() {
        java.io.PrintStream err = System.err;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            new RawClient(server.endpoint(), "admin", "guess-1234").get("/api/svm/svms");
            client.get("/api/svm/svms");
            client.post("/api/svm/svms", "{\"name\":\"svm_logged\",\"colour\":1}");
            server.close();
        } finally {
            System.setErr(err);
        }
        String log = captured.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertFalse(log.contains(PASSWORD) || log.contains("guess-1234"), log);
        assertTrue(log.contains("Stopped"), "the capture sees the server's own log: " + log);
    }

    @Test
    void the_version_probe_answers_generation_major_and_minor() {
        JsonNode cluster = client.get("/api/cluster?fields=version").json();

        assertEquals(9, cluster.path("version").path("generation").asInt());
        assertEquals(15, cluster.path("version").path("major").asInt());
        assertEquals(1, cluster.path("version").path("minor").asInt());
        assertTrue(cluster.path("version").path("full").asText().startsWith("NetApp Release 9.15.1"));
        assertFalse(cluster.has("location"), "fields=version narrows the answer: " + cluster);
    }

    @Test
    void a_post_answers_202_with_a_job_link_and_the_job_succeeds_only_after_time_passes() {
        RawClient.Answer a = client.post("/api/svm/svms", "{\"name\":\"svm_new\"}");

        assertEquals(202, a.status());
        String job = a.json().path("job").path("uuid").asText();
        assertEquals("/api/cluster/jobs/" + job, a.json().path("job").path("_links").path("self").path("href")
                .asText());
        assertEquals("queued", client.get("/api/cluster/jobs/" + job).json().path("state").asText());
        assertEquals(0, client.get("/api/svm/svms?name=svm_new").json().path("num_records").asInt());

        server.advance(Duration.ofSeconds(1));

        JsonNode done = client.get("/api/cluster/jobs/" + job).json();
        assertEquals("success", done.path("state").asText());
        assertEquals("success", done.path("message").asText());
        assertTrue(done.path("code").isNumber() && done.path("code").asInt() == 0, done.toString());
        assertEquals(1, client.get("/api/svm/svms?name=svm_new").json().path("num_records").asInt());
    }

    @Test
    void nested_and_dotted_body_keys_name_the_same_field() {
        JsonNode nested = finished(client.post("/api/storage/volumes",
                "{\"name\":\"vol_a\",\"svm\":{\"name\":\"svm1\"},\"size\":1073741824}"));
        JsonNode dotted = finished(client.post("/api/storage/volumes",
                "{\"name\":\"vol_b\",\"svm.name\":\"svm1\",\"size\":1073741824,\"type\":\"dp\"}"));

        assertEquals("success", nested.path("state").asText(), nested.toString());
        assertEquals("success", dotted.path("state").asText(), dotted.toString());
        JsonNode b = client.get("/api/storage/volumes?name=vol_b&fields=svm.name,type").json().path("records").get(0);
        assertEquals("svm1", b.path("svm").path("name").asText());
        assertEquals("dp", b.path("type").asText());
    }

    @Test
    void a_field_given_both_nested_and_dotted_is_refused() {
        RawClient.Answer a = client.post("/api/storage/volumes",
                "{\"name\":\"v\",\"svm\":{\"name\":\"svm1\"},\"svm.name\":\"svm9\",\"size\":1}");

        assertEquals(400, a.status());
        assertEquals("2", a.error().path("code").asText());
        assertEquals("svm.name", a.error().path("target").asText());
    }

    @Test
    void an_unknown_body_field_is_262179_and_invalid_json_code_2_and_nothing_happens() {
        RawClient.Answer unknown = client.post("/api/storage/volumes",
                "{\"name\":\"v\",\"svm\":{\"name\":\"svm1\"},\"size\":1,\"colour\":\"blue\"}");
        RawClient.Answer broken = client.post("/api/storage/volumes", "{\"name\":");

        assertEquals(400, unknown.status());
        assertEquals("262179", unknown.error().path("code").asText());
        assertEquals("colour", unknown.error().path("target").asText());
        assertEquals(400, broken.status());
        assertEquals("2", broken.error().path("code").asText());
        server.advance(Duration.ofSeconds(5));
        assertEquals(0, client.get("/api/storage/volumes").json().path("num_records").asInt());
    }

    @Test
    void a_collection_get_returns_records_and_num_records_with_only_the_key_fields_by_default() {
        volume("svm1", "data", 1 << 30);

        JsonNode all = client.get("/api/storage/volumes").json();

        assertEquals(1, all.path("num_records").asInt());
        JsonNode record = all.path("records").get(0);
        List<String> keys = new ArrayList<>();
        record.fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("uuid", "name", "_links"), keys);
        assertEquals("/api/storage/volumes/" + record.path("uuid").asText(),
                record.path("_links").path("self").path("href").asText());
    }

    @Test
    void fields_selects_nested_fields_and_a_star_returns_every_field() {
        volume("svm1", "data", 1 << 30);

        JsonNode some = client.get("/api/storage/volumes?fields=svm.name,snapmirror").json().path("records").get(0);
        JsonNode every = client.get("/api/storage/volumes?fields=*").json().path("records").get(0);

        assertEquals("svm1", some.path("svm").path("name").asText());
        assertFalse(some.path("snapmirror").path("is_protected").asBoolean());
        assertFalse(some.has("size"));
        for (String f : List.of("uuid", "name", "svm", "size", "type", "state", "create_time", "snapshot_policy",
                "snapmirror", "space")) {
            assertTrue(every.has(f), f + " missing from " + every);
        }
        assertEquals("2026-01-01T00:00:01+00:00", every.path("create_time").asText(), "created when its job ran");
        assertEquals(400, client.get("/api/storage/volumes?fields=colour").status());
    }

    @Test
    void field_filters_match_values_wildcards_alternatives_negations_and_comparisons() {
        volume("svm1", "app_data", 1L << 30);
        volume("svm1", "app_logs", 2L << 30);
        volume("svm9", "app_data", 4L << 30);
        volume("svm9", "other", 8L << 30);

        assertEquals(List.of("app_data"), names(client.get("/api/storage/volumes?name=app_data&svm.name=svm9")
                .json()));
        assertEquals(List.of("app_data", "app_logs", "app_data"), names(client.get("/api/storage/volumes?name=app*")
                .json()));
        assertEquals(List.of("app_logs", "other"), names(client.get("/api/storage/volumes?name=app_logs%7Cother")
                .json()));
        assertEquals(List.of("app_data", "app_logs"), names(client.get("/api/storage/volumes?svm.name=!svm9")
                .json()));
        assertEquals(List.of("app_data", "other"), names(client.get("/api/storage/volumes?size=%3E3000000000")
                .json()));
        assertEquals(List.of("app_logs", "app_data"), names(client.get(
                "/api/storage/volumes?svm.name=*1&order_by=name%20desc").json()));
        String uuid = client.get("/api/storage/volumes?name=other").json().path("records").get(0).path("uuid")
                .asText();
        assertEquals(List.of("other"), names(client.get("/api/storage/volumes?uuid=" + uuid).json()));
        assertEquals(4, client.get("/api/storage/volumes?state=online").json().path("num_records").asInt());
        assertEquals(0, client.get("/api/svm/svms?state=stopped").json().path("num_records").asInt());
        assertEquals(400, client.get("/api/storage/volumes?colour=blue").status());
    }

    @Test
    void a_get_of_one_uuid_returns_the_bare_object_and_an_unknown_uuid_is_404() {
        String uuid = volume("svm1", "data", 1 << 30);

        JsonNode v = client.get("/api/storage/volumes/" + uuid).json();
        RawClient.Answer missing = client.get("/api/storage/volumes/00000000-0000-4000-8000-000000000000");

        assertEquals("data", v.path("name").asText());
        assertEquals(1 << 30, v.path("size").asLong());
        assertFalse(v.has("records"));
        assertEquals(404, missing.status());
        assertEquals("4", missing.error().path("code").asText());
        assertEquals(404, client.get("/api/cluster/jobs/nope").status());
    }

    @Test
    void an_ontap_error_keeps_its_http_status_code_message_and_target() {
        volume("svm1", "data", 1 << 30);

        RawClient.Answer a = client.post("/api/storage/volumes",
                "{\"name\":\"data\",\"svm.name\":\"svm1\",\"size\":1073741824}");

        assertEquals(409, a.status());
        assertEquals("917526", a.error().path("code").asText());
        assertEquals("name", a.error().path("target").asText());
        assertTrue(a.error().path("message").asText().contains("Duplicate volume name"), a.text());
    }

    @Test
    void max_records_pages_with_a_next_link_that_returns_the_rest() {
        for (String n : List.of("v1", "v2", "v3", "v4", "v5")) {
            volume("svm1", n, 1 << 30);
        }

        JsonNode first = client.get("/api/storage/volumes?max_records=2&order_by=name").json();
        List<String> seen = new ArrayList<>(names(first));
        JsonNode page = first;
        while (page.path("_links").has("next")) {
            page = client.get(page.path("_links").path("next").path("href").asText()).json();
            seen.addAll(names(page));
        }

        assertEquals(2, first.path("num_records").asInt());
        assertEquals(List.of("v1", "v2", "v3", "v4", "v5"), seen);
    }

    @Test
    void a_volume_restore_can_be_named_in_the_query_and_reverts_later_snapshots() {
        String uuid = volume("svm1", "data", 1 << 30);
        for (String s : List.of("s1", "s2")) {
            finished(client.post("/api/storage/volumes/" + uuid + "/snapshots", "{\"name\":\"" + s + "\"}"));
        }

        JsonNode job = finished(client.patch("/api/storage/volumes/" + uuid + "?restore_to.snapshot.name=s1", "{}"));

        assertEquals("success", job.path("state").asText(), job.toString());
        assertEquals(List.of("s1"), names(client.get("/api/storage/volumes/" + uuid + "/snapshots").json()));
    }

    @Test
    void an_unknown_path_or_method_answers_404_in_ontap_error_form() {
        RawClient.Answer path = client.get("/api/storage/luns");
        RawClient.Answer method = client.send("PUT", "/api/svm/svms", "{}");

        assertEquals(404, path.status());
        assertEquals("4", path.error().path("code").asText());
        assertTrue(method.status() == 404 || method.status() == 405, method.text());
        assertTrue(method.error().has("code"), method.text());
    }

    @Test
    void a_delete_with_both_source_only_and_destination_only_is_refused() {
        RawClient.Answer a = client.delete("/api/snapmirror/relationships/x?source_only=true&destination_only=true");

        assertEquals(400, a.status());
        assertEquals("2", a.error().path("code").asText());
    }

    @Test
    void a_cluster_whose_site_is_down_closes_the_connection_unanswered() {
        server.withLock(() -> world.network().siteDown("east"));

        assertThrows(UncheckedIOException.class, () -> client.get("/api/svm/svms"));

        server.withLock(() -> world.network().siteUp("east"));
        assertEquals(200, client.get("/api/svm/svms").status());
    }
}
