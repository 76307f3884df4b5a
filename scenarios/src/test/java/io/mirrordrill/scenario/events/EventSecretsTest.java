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

    @Test
    void aHookThatPrintsASecretLeavesItOutOfEventsAndOfTheStatusesThatReportIt() {
        Estate estate = DrillWorlds.runSteps(DrillParser.parse(Path.of("drills", "failover-hooks.yaml")),
                RunOptions.defaults()).estate();
        SimCluster west = estate.cluster("k8s-west");
        west.api().create(secret("my-app-namespace", "planted", PLANTED));
        west.apply("leaky.yaml", """
                apiVersion: protect.trident.netapp.io/v1
                kind: ExecHook
                metadata: {name: leaky}
                spec:
                  applicationRef: my-app-name
                  stage: Post
                  action: Failover
                  hookSource: %s
                ---
                apiVersion: protect.trident.netapp.io/v1
                kind: ExecHooksRun
                metadata: {name: rerun}
                spec:
                  applicationRef: my-app-name
                  appVaultRef: generic-s3-trident-protect-dst-bucket-8fe0b902-f369-4317-93d1-ad7f2edc02b5
                  action: Failover
                  stage: Post
                """.formatted(b64("echo password=" + PLANTED + "\nexit 5")), "my-app-namespace");
        estate.world().advance(Duration.ofMinutes(2));

        var run = Resources.toTree(west.api().get("protect.trident.netapp.io/v1", "ExecHooksRun",
                "my-app-namespace", "rerun").orElseThrow());
        assertTrue(run.toString().contains("\"state\":\"Failed\"") && run.toString().contains("leaky"),
                "the hook ran and failed: " + run);
        List<String> texts = new ArrayList<>();
        texts.add(run.toString());
        for (String kind : List.of("AppMirrorRelationship", "ExecHooksRun")) {
            west.api().list("protect.trident.netapp.io/v1", kind, null, LabelSelector.everything())
                    .forEach(r -> texts.add(Resources.toTree(r).path("status").toString()));
        }
        for (String apiVersion : List.of("v1", "events.k8s.io/v1")) {
            west.api().list(apiVersion, "Event", null, LabelSelector.everything())
                    .forEach(e -> texts.add(Resources.toTree(e).toString()));
        }
        assertTrue(texts.stream().anyMatch(t -> t.contains("ExecHookFailed")), "the failure was recorded");
        assertTrue(run.path("status").toString().contains("password=***"),
                "the hook's output is in the status, the secret masked: " + run.path("status"));
        assertTrue(texts.stream().anyMatch(t -> t.contains("ExecHookFailed") && t.contains("password=***")),
                "the failure's Event quotes the output, the secret masked");
        for (String text : texts) {
            assertFalse(text.contains(PLANTED), "a secret value in " + text.replace(PLANTED, "<secret>"));
        }
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
