package io.mirrordrill.emulator.ontap.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.mirrordrill.emulator.ontap.OntapEmulator;
import io.mirrordrill.port.ontap.JobRecord;
import io.mirrordrill.port.ontap.OntapPort;
import io.mirrordrill.port.ontap.RelationshipCreate;
import io.mirrordrill.port.ontap.SvmSubtype;
import io.mirrordrill.port.ontap.VolumeCreate;
import io.mirrordrill.port.ontap.VolumeType;
import io.mirrordrill.sim.World;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The shapes of ONTAP's answers, as a bare HTTP client sees them on the destination cluster c2 of a volume
 * relationship svm1:app (cluster c1) -> svm2:app_dst: error codes 262179 and 262197, SVM references with their
 * uuid, a relationship's policy with uuid and link, the jobs collection, whole-second times and durations.
 */
class OntapRestWireShapeIT {
    private static final String PASSWORD = "s3cret-Passw0rd";
    private static final Pattern TIME = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+00:00");
    private static final Pattern DURATION = Pattern.compile("P(\\d+D)?(T(\\d+H)?(\\d+M)?(\\d+S)?)?");
    private World world;
    private OntapEmulator ontap;
    private OntapRestServer server;
    private RawClient client;
    private String relationship;

    @BeforeEach
    void start() {
        world = new World(11);
        world.network().site("east").site("west").link("east", "west", Duration.ofMillis(10), 1_000_000L);
        ontap = new OntapEmulator(world);
        ontap.addCluster("c1", "east");
        ontap.addCluster("c2", "west");
        OntapPort c1 = ontap.port("c1", "east");
        OntapPort c2 = ontap.port("c2", "west");
        done(c1, c1.createSvm("svm1", SvmSubtype.DEFAULT));
        done(c2, c2.createSvm("svm2", SvmSubtype.DEFAULT));
        c1.createClusterPeer(List.of(ontap.cluster("c2").interclusterAddress()), "correct horse battery");
        c2.createClusterPeer(List.of(ontap.cluster("c1").interclusterAddress()), "correct horse battery");
        done(c2, c2.createSvmPeer("svm2", "c1", "svm1", List.of("snapmirror")));
        done(c1, c1.acceptSvmPeer(c1.svmPeers().get(0).uuid()));
        done(c1, c1.createVolume(new VolumeCreate("app", "svm1", 1L << 30, VolumeType.RW)));
        done(c2, c2.createVolume(new VolumeCreate("app_dst", "svm2", 1L << 30, VolumeType.DP)));
        done(c2, c2.createRelationship(new RelationshipCreate("svm1:app", "svm2:app_dst", "MirrorAllSnapshots",
                null)));
        relationship = c2.relationships(false).get(0).uuid();
        server = OntapRestServer.builder(ontap, "c2", "admin", PASSWORD).start();
        client = new RawClient(server.endpoint(), "admin", PASSWORD);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private void done(OntapPort port, JobRecord job) {
        assertTrue(world.runUntil(() -> port.job(job.uuid()).state().isDone(), Duration.ofMinutes(1)));
        assertEquals("success", port.job(job.uuid()).state().rest(), () -> port.job(job.uuid()).toString());
    }

    private String svmUuid(String cluster, String svm) {
        return server.withLock(() -> ontap.port(cluster, ontap.cluster(cluster).site()).svm(svm).orElseThrow()
                .uuid());
    }

    private static void assertError(RawClient.Answer a, String code, String target, String message) {
        assertEquals(400, a.status(), a.text());
        assertEquals(code, a.error().path("code").asText(), a.text());
        assertEquals(target, a.error().path("target").asText(), a.text());
        assertEquals(message, a.error().path("message").asText(), a.text());
    }

    // ---- errors -------------------------------------------------------------------------------------------------

    @Test
    void an_unknown_query_parameter_or_body_field_is_262179_unexpected_argument_naming_it() {
        String unexpected = "Unexpected argument \"colour\".";

        assertError(client.get("/api/storage/volumes?colour=blue"), "262179", "colour", unexpected);
        assertError(client.get("/api/cluster/jobs?colour=blue"), "262179", "colour", unexpected);
        assertError(client.get("/api/svm/svms/" + svmUuid("c2", "svm2") + "?colour=blue"), "262179", "colour",
                unexpected);
        assertError(client.post("/api/svm/svms", "{\"name\":\"svm_x\",\"colour\":\"blue\"}"), "262179", "colour",
                unexpected);
        assertError(client.post("/api/svm/svms", "{\"name\":\"svm_x\",\"ipspace\":{\"colour\":\"blue\"}}"),
                "262179", "ipspace.colour", "Unexpected argument \"ipspace.colour\".");
        assertError(client.delete("/api/snapmirror/relationships/" + relationship + "?colour=blue"), "262179",
                "colour", unexpected);
        server.advance(Duration.ofSeconds(5));
        assertEquals(0, client.get("/api/svm/svms?name=svm_x").json().path("num_records").asInt());
    }

    @Test
    void an_invalid_value_for_a_field_is_262197_naming_the_field() {
        assertError(client.post("/api/svm/svms", "{\"name\":\"svm_x\",\"subtype\":\"weird\"}"), "262197", "subtype",
                "\"weird\" is an invalid value for field \"subtype\"");
        assertError(client.post("/api/svm/svms", "{\"name\":5}"), "262197", "name",
                "\"5\" is an invalid value for field \"name\"");
        assertError(client.patch("/api/snapmirror/relationships/" + relationship, "{\"state\":\"flying\"}"),
                "262197", "state", "\"flying\" is an invalid value for field \"state\"");
        assertError(client.get("/api/storage/volumes?max_records=0"), "262197", "max_records",
                "\"0\" is an invalid value for field \"max_records\"");
        assertError(client.get("/api/storage/volumes?fields=name,colour"), "262197", "fields",
                "The value \"colour\" is invalid for field \"fields\"");
        assertError(client.get("/api/storage/volumes?order_by=colour"), "262197", "order_by",
                "The value \"colour\" is invalid for field \"order_by\"");
        assertError(client.post("/api/snapmirror/policies", "{\"name\":\"p\",\"type\":\"eventual\"}"), "262197",
                "type", "\"eventual\" is an invalid value for field \"type\"");
    }

    @Test
    void a_missing_field_stays_the_generic_code_2() {
        RawClient.Answer a = client.patch("/api/snapmirror/relationships/" + relationship, "{}");

        assertEquals(400, a.status());
        assertEquals("2", a.error().path("code").asText());
        assertEquals("state", a.error().path("target").asText());
    }

    // ---- references ---------------------------------------------------------------------------------------------

    @Test
    void a_volume_names_its_svm_by_name_uuid_and_link() {
        JsonNode svm = client.get("/api/storage/volumes?name=app_dst&fields=svm").json().path("records").get(0)
                .path("svm");
        String uuid = svmUuid("c2", "svm2");

        assertEquals("svm2", svm.path("name").asText());
        assertEquals(uuid, svm.path("uuid").asText());
        assertEquals("/api/svm/svms/" + uuid, svm.path("_links").path("self").path("href").asText());
        assertEquals(1, client.get("/api/storage/volumes?svm.uuid=" + uuid).json().path("num_records").asInt());
    }

    @Test
    void an_svm_peer_names_both_svms_by_uuid_each_the_uuid_on_its_own_cluster() {
        JsonNode peer = client.get("/api/svm/peers?fields=*").json().path("records").get(0);

        assertEquals(svmUuid("c2", "svm2"), peer.path("svm").path("uuid").asText());
        assertEquals("svm1", peer.path("peer").path("svm").path("name").asText());
        assertEquals(svmUuid("c1", "svm1"), peer.path("peer").path("svm").path("uuid").asText());
    }

    @Test
    void a_relationship_names_both_svms_by_uuid_and_its_policy_by_uuid_with_a_link() {
        JsonNode r = client.get("/api/snapmirror/relationships/" + relationship).json();
        JsonNode policy = r.path("policy");
        JsonNode listed = client.get("/api/snapmirror/policies?name=MirrorAllSnapshots").json().path("records")
                .get(0);

        assertEquals(svmUuid("c1", "svm1"), r.path("source").path("svm").path("uuid").asText());
        assertEquals("svm1", r.path("source").path("svm").path("name").asText());
        assertEquals(svmUuid("c2", "svm2"), r.path("destination").path("svm").path("uuid").asText());
        assertEquals("MirrorAllSnapshots", policy.path("name").asText());
        assertEquals("async", policy.path("type").asText());
        assertEquals(listed.path("uuid").asText(), policy.path("uuid").asText());
        String href = policy.path("_links").path("self").path("href").asText();
        assertEquals("/api/snapmirror/policies/" + listed.path("uuid").asText(), href);
        assertEquals("MirrorAllSnapshots", client.get(href).json().path("name").asText());
        assertEquals(1, client.get("/api/snapmirror/relationships?policy.uuid=" + listed.path("uuid").asText())
                .json().path("num_records").asInt());
    }

    // ---- jobs ---------------------------------------------------------------------------------------------------

    @Test
    void the_jobs_collection_lists_jobs_with_fields_filters_and_paging_like_the_other_collections() {
        String first = client.post("/api/storage/volumes", "{\"name\":\"dup\",\"svm\":{\"name\":\"svm2\"},"
                + "\"size\":1073741824}").json().path("job").path("uuid").asText();
        String second = client.post("/api/storage/volumes", "{\"name\":\"dup\",\"svm\":{\"name\":\"svm2\"},"
                + "\"size\":1073741824}").json().path("job").path("uuid").asText();
        server.advance(Duration.ofSeconds(2));

        JsonNode all = client.get("/api/cluster/jobs").json();
        JsonNode failed = client.get("/api/cluster/jobs?state=failure&fields=state,code,error,end_time").json();
        JsonNode page = client.get("/api/cluster/jobs?max_records=2").json();

        List<String> uuids = new ArrayList<>();
        all.path("records").forEach(j -> uuids.add(j.path("uuid").asText()));
        assertEquals(all.path("num_records").asInt(), uuids.size());
        assertTrue(uuids.size() >= 5, all.toString());
        assertEquals(List.of(first, second), uuids.subList(uuids.size() - 2, uuids.size()), "oldest first");
        JsonNode key = all.path("records").get(0);
        assertEquals("/api/cluster/jobs/" + key.path("uuid").asText(), key.path("_links").path("self").path("href")
                .asText());
        assertFalse(key.has("state"), "only the key fields without fields=: " + key);
        assertEquals(1, failed.path("num_records").asInt(), failed.toString());
        JsonNode job = failed.path("records").get(0);
        assertEquals(second, job.path("uuid").asText());
        assertEquals(917526, job.path("code").asLong());
        assertEquals("917526", job.path("error").path("code").asText());
        assertTrue(TIME.matcher(job.path("end_time").asText()).matches(), job.toString());
        assertEquals(2, page.path("num_records").asInt());
        assertTrue(page.path("_links").path("next").path("href").asText().startsWith("/api/cluster/jobs?"),
                page.toString());
        assertEquals(uuids.size(), client.get("/api/cluster/jobs?description=*").json().path("num_records").asInt());
    }

    // ---- times and durations ------------------------------------------------------------------------------------

    @Test
    void times_are_whole_seconds_with_an_offset_and_durations_whole_seconds_with_days() {
        server.advance(Duration.ofMillis(250)); // the transfer below then starts and ends between whole seconds
        String job = client.patch("/api/snapmirror/relationships/" + relationship, "{\"state\":\"snapmirrored\"}")
                .json().path("job").path("uuid").asText();
        server.advance(Duration.ofMinutes(1));
        JsonNode r = client.get("/api/snapmirror/relationships/" + relationship).json();
        JsonNode transfer = r.path("transfer");
        JsonNode finished = client.get("/api/cluster/jobs/" + job).json();
        JsonNode snapshot = client.get("/api/storage/volumes?name=app_dst").json().path("records").get(0);
        JsonNode snapshots = client.get("/api/storage/volumes/" + snapshot.path("uuid").asText()
                + "/snapshots?fields=create_time").json();

        assertEquals("success", transfer.path("state").asText(), r.toString());
        for (String time : List.of(transfer.path("start_time").asText(), transfer.path("end_time").asText(),
                finished.path("start_time").asText(), finished.path("end_time").asText(),
                snapshots.path("records").get(0).path("create_time").asText())) {
            assertTrue(TIME.matcher(time).matches(), time);
        }
        assertTrue(DURATION.matcher(transfer.path("total_duration").asText()).matches(), transfer.toString());
        assertTrue(DURATION.matcher(r.path("lag_time").asText()).matches(), r.toString());

        server.advance(Duration.ofDays(1).plusHours(2));
        String lag = client.get("/api/snapmirror/relationships/" + relationship + "?fields=lag_time").json()
                .path("lag_time").asText();

        assertTrue(lag.startsWith("P1DT2H"), lag);
        assertTrue(DURATION.matcher(lag).matches(), lag);
        assertEquals(1, client.get("/api/snapmirror/relationships?lag_time=%3EPT25H").json().path("num_records")
                .asInt(), "durations compare by length, not as text");
        assertEquals(0, client.get("/api/snapmirror/relationships?lag_time=%3EP2DT").json().path("num_records")
                .asInt());
    }
}
