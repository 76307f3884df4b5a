package io.mirrordrill.adapter.ontap;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mirrordrill.emulator.k8s.KubernetesCluster;
import io.mirrordrill.port.kubernetes.KubernetesPort;
import io.mirrordrill.port.kubernetes.Resources;
import io.mirrordrill.sim.World;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Credentials read where Trident stores them: the backend's named Secret, else {@code tbe-<backendUUID>}. */
class BackendSecretCredentialsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private KubernetesPort api;
    private final List<String> learned = new ArrayList<>();
    private BackendSecretCredentials credentials;

    @BeforeEach
    void cluster() throws Exception {
        World world = new World(7L);
        world.network().site("dc-west");
        api = new KubernetesCluster(world, "west", "dc-west").port();
        api.create(Resources.fromTree((ObjectNode) JSON.readTree("""
                {"apiVersion":"apiextensions.k8s.io/v1","kind":"CustomResourceDefinition",
                 "metadata":{"name":"tridentbackends.trident.netapp.io"},
                 "spec":{"group":"trident.netapp.io","scope":"Namespaced",
                  "names":{"kind":"TridentBackend","plural":"tridentbackends","shortNames":["tbe"]},
                  "versions":[{"name":"v1","served":true,"storage":true,"schema":{"openAPIV3Schema":
                   {"type":"object","x-kubernetes-preserve-unknown-fields":true}}}]}}""")));
        api.create(Resources.generic("v1", "Namespace", null, "trident"));
        credentials = new BackendSecretCredentials(api, learned::add);
    }

    @Test
    void aTridentctlBackendsCredentialsComeFromItsTbeSecretWithKeysInAnyCase() throws Exception {
        backend("tbe-x1", "ontap-nas", "uuid-1", "10.0.0.5", null);
        secret("tbe-uuid-1", "{\"Username\":\"" + b64("vsadmin") + "\",\"PASSWORD\":\"" + b64("s3cr3t!") + "\"}");

        OntapCredentials c = credentials.apply("10.0.0.5");

        assertEquals("vsadmin", c.username());
        assertEquals("Basic " + b64("vsadmin:s3cr3t!"), c.authorizationHeader());
        assertEquals(List.of("s3cr3t!"), learned, "the password reaches the redaction before it is used");
    }

    @Test
    void aBackendConfigsNamedSecretWinsOverTheDefaultName() throws Exception {
        backend("tbe-x2", "ontap-san", "uuid-2", "cluster2.example.com", "{\"name\":\"backend-tbc-ontap-san-secret\"}");
        secret("tbe-uuid-2", "{\"username\":\"" + b64("stale") + "\",\"password\":\"" + b64("old") + "\"}");
        secret("backend-tbc-ontap-san-secret", "{\"username\":\"" + b64("admin") + "\",\"password\":\"" + b64("new")
                + "\"}");

        assertEquals("admin", credentials.apply("cluster2.example.com").username());
    }

    @Test
    void aLifNoBackendNamesIsAnErrorThatSaysSo() {
        OntapConfigException e = assertThrows(OntapConfigException.class, () -> credentials.apply("10.9.9.9"));
        assertTrue(e.getMessage().contains("no TridentBackend has that managementLIF"), e.getMessage());
    }

    @Test
    void aMissingSecretNamesTheSecretToFixAndNoValue() throws Exception {
        backend("tbe-x3", "ontap-nas", "uuid-3", "10.0.0.7", null);
        secret("tbe-uuid-3", "{\"username\":\"" + b64("vsadmin") + "\"}");   // no password

        OntapConfigException e = assertThrows(OntapConfigException.class, () -> credentials.apply("10.0.0.7"));
        assertTrue(e.getMessage().contains("Secret trident/tbe-uuid-3 of backend trident/ontap-nas"), e.getMessage());
        assertFalse(e.getMessage().contains("vsadmin"), e.getMessage());
    }

    @Test
    void awsSecretsManagerCredentialsAreNotReadAndTheErrorSaysWhatToGive() throws Exception {
        backend("tbe-x4", "fsx", "uuid-4", "10.0.0.8", "{\"name\":\"arn:aws:secretsmanager:x\",\"type\":\"awsarn\"}");

        OntapConfigException e = assertThrows(OntapConfigException.class, () -> credentials.apply("10.0.0.8"));
        assertTrue(e.getMessage().contains("type \"awsarn\"") && e.getMessage().contains("--ontap-credentials"),
                e.getMessage());
    }

    @Test
    void theFirstBackendWithReadableCredentialsServesALifSharedByTwo() throws Exception {
        backend("tbe-a", "broken", "uuid-a", "10.0.0.9", null);   // its Secret is gone
        backend("tbe-b", "working", "uuid-b", "10.0.0.9", null);
        secret("tbe-uuid-b", "{\"username\":\"" + b64("u") + "\",\"password\":\"" + b64("p") + "\"}");

        assertEquals("u", credentials.apply("10.0.0.9").username());
    }

    private void backend(String object, String name, String uuid, String lif, String credentialsJson)
            throws Exception {
        api.create(Resources.fromTree((ObjectNode) JSON.readTree("{\"apiVersion\":\"trident.netapp.io/v1\","
                + "\"kind\":\"TridentBackend\",\"metadata\":{\"name\":\"" + object + "\",\"namespace\":\"trident\"},"
                + "\"backendName\":\"" + name + "\",\"backendUUID\":\"" + uuid + "\",\"config\":{\"ontap_config\":"
                + "{\"managementLIF\":\"" + lif + "\",\"svm\":\"svm1\""
                + (credentialsJson == null ? "" : ",\"credentials\":" + credentialsJson) + "}}}")));
    }

    private void secret(String name, String dataJson) throws Exception {
        api.create(Resources.fromTree((ObjectNode) JSON.readTree("{\"apiVersion\":\"v1\",\"kind\":\"Secret\","
                + "\"metadata\":{\"name\":\"" + name + "\",\"namespace\":\"trident\"},\"type\":\"Opaque\","
                + "\"data\":" + dataJson + "}")));
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
