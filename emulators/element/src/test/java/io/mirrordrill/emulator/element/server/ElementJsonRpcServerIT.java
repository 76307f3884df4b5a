package io.mirrordrill.emulator.element.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mirrordrill.emulator.element.ElementEmulator;
import io.mirrordrill.sim.World;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The server's wire format, seen with a bare HTTP client: envelopes, ids, error objects, authentication. */
class ElementJsonRpcServerIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final World world = new World(3);
    private final ElementEmulator element = new ElementEmulator(world);
    private final ElementJsonRpcServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    ElementJsonRpcServerIT() {
        world.network().site("dc1");
        element.addCluster("sf1", "dc1");
        server = ElementJsonRpcServer.builder(element, "sf1", "admin", "secret").start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> post(String version, String body, String user, String password) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                + "/json-rpc/" + version)).POST(HttpRequest.BodyPublishers.ofString(body));
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                    .getBytes(StandardCharsets.UTF_8)));
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private JsonNode call(String body) {
        HttpResponse<String> response = post("12.3", body, "admin", "secret");
        assertEquals(200, response.statusCode(), response.body());
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }

    private static void assertError(JsonNode answer, String name) {
        assertEquals(500, answer.path("error").path("code").asInt(), answer.toString());
        assertEquals(name, answer.path("error").path("name").asText(), answer.toString());
        assertTrue(answer.path("error").path("message").isTextual(), answer.toString());
        assertTrue(answer.path("result").isMissingNode(), answer.toString());
    }

    @Test
    void aResultEchoesTheRequestIdWhetherNumberOrString() {
        JsonNode numbered = call("{\"method\":\"AddAccount\",\"params\":{\"username\":\"trident\"},\"id\":7}");
        assertEquals(7, numbered.path("id").asInt());
        assertEquals(1, numbered.path("result").path("accountID").asLong());
        JsonNode named = call("{\"method\":\"ListAccounts\",\"params\":{},\"id\":\"abc\"}");
        assertEquals("abc", named.path("id").asText());
        assertEquals("trident", named.path("result").path("accounts").path(0).path("username").asText());
    }

    @Test
    void anApiErrorIsAnErrorObjectWithCode500AndElementsNameOverHttp200() {
        JsonNode answer = call("{\"method\":\"DeleteVolume\",\"params\":{\"volumeID\":9},\"id\":1}");
        assertError(answer, "xVolumeIDDoesNotExist");
        assertEquals(1, answer.path("id").asInt());
    }

    @Test
    void anUnknownMethodIsRefusedAsUnknownApiMethod() {
        assertError(call("{\"method\":\"FormatCluster\",\"params\":{},\"id\":1}"), "xUnknownAPIMethod");
    }

    @Test
    void missingAndWronglyTypedParametersAndUnknownEnumValuesAreRefusedByName() {
        assertError(call("{\"method\":\"AddAccount\",\"params\":{},\"id\":1}"), "xMissingParameter");
        assertError(call("{\"method\":\"DeleteVolume\",\"params\":{\"volumeID\":\"one\"},\"id\":1}"),
                "xInvalidParameterType");
        call("{\"method\":\"AddAccount\",\"params\":{\"username\":\"a\"},\"id\":1}");
        call("{\"method\":\"CreateVolume\",\"params\":{\"name\":\"v\",\"accountID\":1,\"totalSize\":1073741824,"
                + "\"enable512e\":false},\"id\":2}");
        assertError(call("{\"method\":\"ModifyVolume\",\"params\":{\"volumeID\":1,\"access\":\"everyone\"},"
                + "\"id\":3}"), "xUnrecognizedEnumString");
    }

    @Test
    void aVolumeIsWrittenWithElementsMemberNamesAndEmptyTimesWhileActive() {
        call("{\"method\":\"AddAccount\",\"params\":{\"username\":\"a\"},\"id\":1}");
        JsonNode volume = call("{\"method\":\"CreateVolume\",\"params\":{\"name\":\"pvc-1\",\"accountID\":1,"
                + "\"totalSize\":1073741824,\"enable512e\":true,\"qos\":{\"minIOPS\":100,\"maxIOPS\":1000,"
                + "\"burstIOPS\":1500}},\"id\":2}").path("result").path("volume");
        assertEquals(1, volume.path("volumeID").asLong());
        assertEquals("readWrite", volume.path("access").asText());
        assertEquals("active", volume.path("status").asText());
        assertEquals("", volume.path("deleteTime").asText());
        assertEquals(1000, volume.path("qos").path("maxIOPS").asLong());
        assertEquals("2026-01-01T00:00:00Z", volume.path("createTime").asText());
        assertTrue(volume.path("volumeAccessGroups").isArray());
    }

    @Test
    void schedulesOtherThanTimeIntervalSnapshotsAreRefused() {
        assertError(call("{\"method\":\"CreateSchedule\",\"params\":{\"scheduleName\":\"weekly\","
                + "\"scheduleType\":\"Snapshot\",\"attributes\":{\"frequency\":\"Days Of Week\"},"
                + "\"scheduleInfo\":{\"volumes\":[1]}},\"id\":1}"), "xInvalidParameter");
    }

    @Test
    void scheduleHoursAreTakenAsANumberOrAsAStringOfDigits() {
        call("{\"method\":\"AddAccount\",\"params\":{\"username\":\"a\"},\"id\":1}");
        call("{\"method\":\"CreateVolume\",\"params\":{\"name\":\"v\",\"accountID\":1,\"totalSize\":1073741824,"
                + "\"enable512e\":false},\"id\":2}");
        JsonNode created = call("{\"method\":\"CreateSchedule\",\"params\":{\"scheduleName\":\"s\","
                + "\"scheduleType\":\"Snapshot\",\"attributes\":{\"frequency\":\"Time Interval\"},\"hours\":1,"
                + "\"minutes\":0,\"scheduleInfo\":{\"volumeID\":1,\"name\":\"auto\",\"retention\":\"24:00:00\"}},"
                + "\"id\":3}");
        assertEquals(1, created.path("result").path("scheduleID").asLong(), created.toString());
        JsonNode modified = call("{\"method\":\"ModifySchedule\",\"params\":{\"scheduleID\":1,\"hours\":\"2\"},"
                + "\"id\":4}").path("result").path("schedule");
        assertEquals(2, modified.path("hours").asInt(), modified.toString());
        assertEquals("Time Interval", modified.path("attributes").path("frequency").asText());
        assertEquals("[1]", modified.path("scheduleInfo").path("volumes").toString());
        assertEquals("24:00:00", modified.path("scheduleInfo").path("retention").asText());
    }

    @Test
    void theAccountAndVolumeLookupsOfTridentsDriverFilterWhatTheListsHold() {
        call("{\"method\":\"AddAccount\",\"params\":{\"username\":\"trident\"},\"id\":1}");
        call("{\"method\":\"AddAccount\",\"params\":{\"username\":\"other\"},\"id\":2}");
        for (String volume : new String[] {"{\"name\":\"a\",\"accountID\":1", "{\"name\":\"b\",\"accountID\":2",
                "{\"name\":\"c\",\"accountID\":1"}) {
            call("{\"method\":\"CreateVolume\",\"params\":" + volume + ",\"totalSize\":1073741824,"
                    + "\"enable512e\":false},\"id\":3}");
        }
        call("{\"method\":\"DeleteVolume\",\"params\":{\"volumeID\":3},\"id\":4}");
        assertEquals(1, call("{\"method\":\"GetAccountByName\",\"params\":{\"username\":\"trident\"},\"id\":5}")
                .path("result").path("account").path("accountID").asLong());
        assertEquals("other", call("{\"method\":\"GetAccountByID\",\"params\":{\"accountID\":2},\"id\":6}")
                .path("result").path("account").path("username").asText());
        assertError(call("{\"method\":\"GetAccountByName\",\"params\":{\"username\":\"nobody\"},\"id\":7}"),
                "xUnknownAccount");
        assertError(call("{\"method\":\"GetAccountByID\",\"params\":{\"accountID\":9},\"id\":8}"),
                "xUnknownAccount");
        assertEquals("[1,2]", ids(call("{\"method\":\"ListActiveVolumes\",\"params\":{},\"id\":9}")));
        assertEquals("[2]", ids(call("{\"method\":\"ListActiveVolumes\",\"params\":{\"startVolumeID\":2,"
                + "\"limit\":1},\"id\":10}")));
        assertEquals("[1,3]", ids(call("{\"method\":\"ListVolumesForAccount\",\"params\":{\"accountID\":1},"
                + "\"id\":11}")));
        assertEquals("[2,3]", ids(call("{\"method\":\"ListVolumes\",\"params\":{\"volumeIDs\":[3,2]},\"id\":12}")));
        assertError(call("{\"method\":\"ListVolumesForAccount\",\"params\":{\"accountID\":9},\"id\":13}"),
                "xAccountIDDoesNotExist");
    }

    private static String ids(JsonNode answer) {
        StringBuilder ids = new StringBuilder("[");
        answer.path("result").path("volumes").forEach(v -> ids.append(ids.length() > 1 ? "," : "")
                .append(v.path("volumeID").asLong()));
        return ids.append(']').toString();
    }

    @Test
    void aBodyThatIsNotJsonRpcIsRefused() {
        assertError(call("not json"), "xInvalidJSONRPCRequest");
        assertError(call("{\"params\":{}}"), "xInvalidJSONRPCRequest");
    }

    @Test
    void requestsWithoutTheUsersCredentialsGet401() {
        HttpResponse<String> none = post("12.3", "{\"method\":\"ListAccounts\",\"id\":1}", null, null);
        assertEquals(401, none.statusCode());
        assertTrue(none.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"));
        assertEquals(401, post("12.3", "{\"method\":\"ListAccounts\",\"id\":1}", "admin", "wrong").statusCode());
    }

    @Test
    void aPathThatIsNoApiVersionIsNotFound() {
        assertEquals(404, post("latest", "{\"method\":\"ListAccounts\",\"id\":1}", "admin", "secret").statusCode());
    }
}
