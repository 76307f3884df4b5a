package io.mirrordrill.scenario.events;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.mirrordrill.emulator.k8s.cluster.PodLogs;
import io.mirrordrill.port.kubernetes.LabelSelector;
import io.mirrordrill.port.kubernetes.Resources;
import io.mirrordrill.scenario.drill.DrillParser;
import io.mirrordrill.scenario.runner.DrillWorlds;
import io.mirrordrill.scenario.runner.Estate;
import io.mirrordrill.scenario.runner.RunOptions;
import io.mirrordrill.scenario.world.SimCluster;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Events and pod logs say what happened with names, states and numbers: never a Secret's value or a credential. */
class EventSecretsTest {
    private static final String PLANTED = "planted-secret-3e9a71";
    private static final String WRONG_KEY = "wrong-credential-5d2e08";

    @Test
    void noEventNorLogLineCarriesASecretValueEvenWhenAnAppVaultCredentialFails() {
        Estate estate = DrillWorlds.runSteps(DrillParser.parse(Path.of("drills", "setup-replication.yaml")),
                RunOptions.defaults()).estate();
        SimCluster east = estate.cluster("k8s-east");
        east.api().create(secret("my-app-namespace", "planted", PLANTED));
        // the source AppVault's key goes wrong: its scheduled snapshots fail with AccessDenied from the bucket
        east.api().patch("v1", "Secret", "trident-protect", "s3-secret", "{\"data\":{\"secretAccessKey\":\""
                + b64(WRONG_KEY) + "\"},\"stringData\":{\"secretAccessKey\":\"" + WRONG_KEY + "\"}}");
        estate.world().advance(Duration.ofMinutes(20));

        Set<String> secrets = new TreeSet<>(estate.secrets());
        secrets.add(PLANTED);
        secrets.add(WRONG_KEY);
        assertTrue(secrets.contains("src-secret-9f3b2c41"), "the seed's credentials are among the values looked for");
        List<String> warnings = new ArrayList<>();
        int scanned = 0;
        for (SimCluster c : estate.clusters()) {
            for (String apiVersion : List.of("v1", "events.k8s.io/v1")) {
                for (GenericKubernetesResource e : c.api().list(apiVersion, "Event", null,
                        LabelSelector.everything())) {
                    String text = Resources.toTree(e).toString();
                    scanned++;
                    for (String secret : secrets) {
                        assertFalse(text.contains(secret), "a secret value in " + text.replace(secret, "<secret>"));
                    }
                    if ("Warning".equals(e.get("type"))) {
                        warnings.add(e.get("reason") + ": " + e.get(apiVersion.equals("v1") ? "message" : "note"));
                    }
                }
            }
            for (GenericKubernetesResource pod : c.api().list("v1", "Pod", null, LabelSelector.everything())) {
                for (String container : List.of("db")) {
                    for (PodLogs.Entry line : c.simulator().logs().lines(pod.getMetadata().getNamespace(),
                            pod.getMetadata().getName(), container)) {
                        for (String secret : secrets) {
                            assertFalse(line.line().text().contains(secret), line.line().text());
                        }
                    }
                }
            }
        }
        assertTrue(scanned > 20, "events were recorded to scan: " + scanned);
        assertTrue(warnings.stream().anyMatch(w -> w.startsWith("SnapshotFailed")),
                "the failing credential was recorded: " + warnings);
    }

    private static GenericKubernetesResource secret(String namespace, String name, String value) {
        GenericKubernetesResource s = new GenericKubernetesResource();
        s.setApiVersion("v1");
        s.setKind("Secret");
        s.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMetaBuilder().withNamespace(namespace).withName(name)
                .build());
        s.setAdditionalProperty("data", java.util.Map.of("password", b64(value)));
        return s;
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
