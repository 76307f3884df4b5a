package io.mirrordrill.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The seed's runbook typed into a shell with the real {@code kubectl}, against {@code mirrordrill serve}'s estate
 * (setup-replication's world before any step): the documentation's commands verbatim, with its {@code -n} flags and
 * without {@code --validate=false}, from the files in {@code scenarios/drills/seed/} (a user edits
 * {@code sourceApplicationUID}, {@code desiredState} and {@code promotedSnapshot} in their copy, as the documentation
 * says). Then what an SRE types around it: tables, describe with Events, wait, apply twice, server-side apply, the
 * three patch types, scale, rollout status, logs, events, explain, api-resources. The documentation pipes the status
 * into {@code jq}; the test parses it instead, so jq is not needed.
 */
class SeedRunbookKubectlIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SEED = Path.of("..", "scenarios", "drills", "seed");
    private static final String NS = "my-app-namespace";
    private static final String AMR = "amr-16061e80-1b05-4e80-9d26-d326dc1953d8";
    private static final String SHUTDOWN = "replication-shutdown-snapshot-afc4c564-e700-4b72-86c3-c08a5dbe844e";
    /** Simulated seconds per real second: a scheduled snapshot every 2.5 s, so a relationship establishes quickly. */
    private static final String SPEED = "120";

    @TempDir
    Path dir;

    private CommandThread serve;

    @AfterEach
    void stop() throws InterruptedException {
        if (serve != null && serve.alive()) {
            serve.stop();
        }
    }

    @Test
    void theSeedsCommandsRunVerbatimAndAnswerAsARealClusterWould() throws Exception {
        Path out = dir.resolve("serve-out");
        serve = CommandThread.start("serve-it", "Serving until Ctrl-C", "serve", "setup-replication", "--speed",
                SPEED, "--out", out.toString(), "--no-progress");
        Path work = Files.createDirectories(dir.resolve("runbook"));
        for (String file : List.of("s3-secrets.yaml", "app.yaml", "trident-protect-appvault-primary-source.yaml",
                "trident-protect-app-source.yaml", "trident-protect-schedule.yaml",
                "trident-protect-appvault-primary-destination.yaml", "trident-protect-appvault-secondary-destination.yaml",
                "trident-protect-relationship.yaml", "trident-protect-shutdownsnapshot.yaml")) {
            Files.copy(SEED.resolve(file), work.resolve(file));
        }
        Files.copy(out.resolve("kubeconfig"), work.resolve("kubeconfig")); // use-context writes to the user's copy
        KubectlCli kubectl = new KubectlCli(work.resolve("kubeconfig"), work);

        // On the source cluster: the vault's Secret, the source AppVault, the app, its Application and the Schedule
        kubectl.shOk("kubectl config use-context k8s-east");
        assertEquals("secret/s3-secret created\nsecret/s3-dst-secret created\n",
                kubectl.shOk("kubectl apply -f s3-secrets.yaml -n trident-protect"));
        assertEquals("appvault.protect.trident.netapp.io/generic-s3-trident-protect-src-bucket-04b6b4ec-46a3-420a-"
                + "b351-45795e1b5e34 created\n",
                kubectl.shOk("kubectl apply -f trident-protect-appvault-primary-source.yaml -n trident-protect"));
        String app = kubectl.shOk("kubectl apply -f app.yaml -n my-app-namespace");
        assertTrue(app.contains("persistentvolumeclaim/data created") && app.contains("deployment.apps/db created"),
                app);
        String rollout = kubectl.shOk("kubectl rollout status deployment/db -n my-app-namespace --timeout=120s");
        assertTrue(rollout.contains("deployment \"db\" successfully rolled out"), rollout);
        assertEquals("application.protect.trident.netapp.io/my-app-name created\n",
                kubectl.shOk("kubectl apply -f trident-protect-app-source.yaml -n my-app-namespace"));
        assertEquals("schedule.protect.trident.netapp.io/appmirror-schedule-0e1f88ab-f013-4bce-8ae9-6afed9df59a1"
                + " created\n", kubectl.shOk("kubectl apply -f trident-protect-schedule.yaml -n my-app-namespace"));
        String uid = kubectl.shOk("kubectl get application my-app-name -n my-app-namespace"
                + " -o jsonpath='{.metadata.uid}'");
        assertFalse(uid.isBlank(), "the Application's uid");

        // On the destination cluster: the two AppVaults in the application namespace, as the documentation applies
        // them, with their Secret beside them ("Must be in the same namespace"), then the relationship
        kubectl.shOk("kubectl config use-context k8s-west");
        kubectl.shOk("kubectl apply -f s3-secrets.yaml -n my-app-namespace");
        assertTrue(kubectl.shOk("kubectl apply -f trident-protect-appvault-primary-destination.yaml -n "
                + "my-app-namespace").endsWith(" created\n"));
        assertTrue(kubectl.shOk("kubectl apply -f trident-protect-appvault-secondary-destination.yaml -n "
                + "my-app-namespace").endsWith(" created\n"));
        edit(work.resolve("trident-protect-relationship.yaml"), "${APP_UID}", uid.trim());
        assertEquals("appmirrorrelationship.protect.trident.netapp.io/" + AMR + " created\n",
                kubectl.shOk("kubectl apply -f trident-protect-relationship.yaml -n my-app-namespace"));
        kubectl.shOk("kubectl wait --for=jsonpath='{.status.state}'=Established amr/" + AMR
                + " -n my-app-namespace --timeout=120s");
        JsonNode status = JSON.readTree(kubectl.shOk("kubectl get amr -n my-app-namespace " + AMR
                + " -o=jsonpath='{.status}'"));
        assertEquals("Established", status.path("state").asText(), status.toString());

        // What an SRE looks at: the relationship's columns, the workloads' tables, describe with Events
        String amrTable = kubectl.shOk("kubectl get amr -n my-app-namespace");
        String header = amrTable.lines().findFirst().orElse("");
        assertTrue(header.startsWith("NAME") && header.contains("DESIRED STATE") && header.contains(" STATE ")
                && header.contains("AGE"), amrTable);
        assertTrue(amrTable.contains(AMR) && amrTable.contains("Established"), amrTable);
        kubectl.shOk("kubectl config use-context k8s-east");
        String podsAndClaims = kubectl.shOk("kubectl get pods,pvc -A");
        assertTrue(podsAndClaims.contains("READY") && podsAndClaims.contains("STATUS")
                && podsAndClaims.contains("RESTARTS") && podsAndClaims.contains("STORAGECLASS")
                && podsAndClaims.contains("Running") && podsAndClaims.contains("Bound"), podsAndClaims);
        podsAndClaims.lines().filter(l -> l.startsWith(NS)).forEach(row -> {
            String age = row.substring(row.lastIndexOf(' ') + 1);
            assertTrue(age.matches("\\d+[smh](\\d+[sm])?"), "AGE on the world's clock, minutes old: " + row);
        });
        kubectl.shOk("kubectl config use-context k8s-west");
        String described = kubectl.shOk("kubectl describe amr " + AMR + " -n my-app-namespace");
        assertTrue(described.contains("Events:") && described.contains("Established"), described);
        assertFalse(described.substring(described.indexOf("Events:")).startsWith("Events:  <none>"), described);

        // Reverse replication direction, step 1: a ShutdownSnapshot of the source application, its archive path
        // ("Disable the protection policy schedules for the source application": the documentation gives no command)
        kubectl.shOk("kubectl config use-context k8s-east");
        assertEquals("schedule.protect.trident.netapp.io/appmirror-schedule-0e1f88ab-f013-4bce-8ae9-6afed9df59a1"
                + " patched\n", kubectl.shOk("kubectl patch schedule appmirror-schedule-0e1f88ab-f013-4bce-8ae9-"
                + "6afed9df59a1 -n my-app-namespace --type=merge -p '{\"spec\":{\"enabled\":false}}'"));
        assertEquals("shutdownsnapshot.protect.trident.netapp.io/" + SHUTDOWN + " created\n",
                kubectl.shOk("kubectl apply -f trident-protect-shutdownsnapshot.yaml -n my-app-namespace"));
        kubectl.shOk("kubectl wait --for=jsonpath='{.status.state}'=Completed shutdownsnapshot/" + SHUTDOWN
                + " -n my-app-namespace --timeout=120s");
        String yaml = kubectl.shOk("kubectl get shutdownsnapshot -n my-app-namespace " + SHUTDOWN + " -o yaml");
        assertTrue(yaml.contains("kind: ShutdownSnapshot") && yaml.contains("appArchivePath:"), yaml);
        String archivePath = kubectl.shOk("k() { kubectl \"$@\"; }; k get shutdownsnapshot -n my-app-namespace "
                + SHUTDOWN + " -o jsonpath='{.status.appArchivePath}'");
        assertTrue(archivePath.contains("/"), archivePath);
        String basename = archivePath.substring(archivePath.lastIndexOf('/') + 1);

        // Fail over with that snapshot: edit desiredState (and promotedSnapshot), save, apply again
        kubectl.shOk("kubectl config use-context k8s-west");
        edit(work.resolve("trident-protect-relationship.yaml"), "desiredState: Established",
                "desiredState: Promoted\n  promotedSnapshot: " + basename);
        assertEquals("appmirrorrelationship.protect.trident.netapp.io/" + AMR + " configured\n",
                kubectl.shOk("kubectl apply -f trident-protect-relationship.yaml -n my-app-namespace"));
        kubectl.shOk("kubectl wait --for=jsonpath='{.status.state}'=Promoted amr/" + AMR
                + " -n my-app-namespace --timeout=180s");
        status = JSON.readTree(kubectl.shOk("kubectl get amr -n my-app-namespace " + AMR
                + " -o=jsonpath='{.status}'"));
        assertEquals("Promoted", status.path("state").asText(), status.toString());
        String westRollout = kubectl.shOk("kubectl rollout status deployment/db -n my-app-namespace --timeout=120s");
        assertTrue(westRollout.contains("successfully rolled out"), westRollout);

        sreCommandsOnTheFailedOverApp(kubectl);

        // Delete the relationship
        assertEquals("appmirrorrelationship.protect.trident.netapp.io \"" + AMR + "\" deleted\n",
                kubectl.shOk("kubectl delete -f trident-protect-relationship.yaml -n my-app-namespace"));
        assertNotEquals(0, kubectl.sh("kubectl get amr -n my-app-namespace " + AMR).exit());
        assertEquals(0, serve.stop(), serve.console());
    }

    /** What an SRE types around a failover, on the app now running on the destination. */
    private static void sreCommandsOnTheFailedOverApp(KubectlCli kubectl) throws IOException {
        // apply twice with a change: only the change lands
        Path patched = kubectl.workDir().resolve("db-env.yaml");
        Files.writeString(patched, """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: runbook-notes
                data:
                  owner: sre
                """);
        assertEquals("configmap/runbook-notes created\n", kubectl.shOk("kubectl apply -f db-env.yaml -n "
                + "my-app-namespace"));
        edit(patched, "owner: sre", "owner: sre\n  failedOver: \"true\"");
        assertEquals("configmap/runbook-notes configured\n", kubectl.shOk("kubectl apply -f db-env.yaml -n "
                + "my-app-namespace"));
        assertEquals("configmap/runbook-notes unchanged\n", kubectl.shOk("kubectl apply -f db-env.yaml -n "
                + "my-app-namespace"));
        assertTrue(kubectl.shOk("kubectl apply --server-side -f db-env.yaml -n my-app-namespace")
                .contains("serverside-applied"));

        // the three patch types and scale on the Deployment
        assertEquals("deployment.apps/db patched\n", kubectl.shOk("kubectl patch deployment db -n my-app-namespace"
                + " -p '{\"metadata\":{\"labels\":{\"failover\":\"drill\"}}}'"));
        assertEquals("deployment.apps/db patched\n", kubectl.shOk("kubectl patch deployment db -n my-app-namespace"
                + " --type=merge -p '{\"metadata\":{\"annotations\":{\"runbook\":\"seed\"}}}'"));
        assertEquals("deployment.apps/db patched\n", kubectl.shOk("kubectl patch deployment db -n my-app-namespace"
                + " --type=json -p '[{\"op\":\"add\",\"path\":\"/metadata/labels/step\",\"value\":\"3\"}]'"));
        String labels = kubectl.shOk("kubectl get deployment db -n my-app-namespace -o jsonpath='{.metadata.labels}'");
        assertTrue(labels.contains("\"failover\":\"drill\"") && labels.contains("\"step\":\"3\""), labels);
        assertEquals("deployment.apps/db scaled\n", kubectl.shOk("kubectl scale deployment/db --replicas=1 -n "
                + "my-app-namespace"));
        kubectl.shOk("kubectl wait --for=condition=Available deployment/db -n my-app-namespace --timeout=120s");

        // logs, events, explain, api-resources
        kubectl.shOk("kubectl logs deploy/db -n my-app-namespace --tail=20");
        String events = kubectl.shOk("kubectl get events -n my-app-namespace");
        assertTrue(events.contains("LAST SEEN") && events.contains("REASON"), events);
        String explain = kubectl.shOk("kubectl explain appmirrorrelationship.spec");
        assertTrue(explain.contains("desiredState") && explain.contains("sourceAppVaultRef"), explain);
        String resources = kubectl.shOk("kubectl api-resources");
        assertTrue(resources.lines().anyMatch(l -> l.startsWith("appmirrorrelationships") && l.contains(" amr ")),
                resources);
    }

    /** What a user does in an editor: one text replaced by another in their copy of the file. */
    private static void edit(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        assertTrue(text.contains(from), file + " holds " + from);
        Files.writeString(file, text.replace(from, to));
    }
}
