package io.mirrordrill.scenario.events;

import io.mirrordrill.port.kubernetes.LabelSelector;
import io.mirrordrill.scenario.drill.DrillParser;
import io.mirrordrill.scenario.runner.DrillWorlds;
import io.mirrordrill.scenario.runner.RunOptions;
import io.mirrordrill.scenario.world.ServedWorld;
import io.mirrordrill.scenario.world.SimCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The real kubectl against the seed's replication set up (the setup-replication drill's steps, then served): the
 * Events Trident, the kubelet and the protect engine recorded, {@code describe} with its Events section, and the
 * workload's log through {@code kubectl logs}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KubectlEventsAndLogsIT {
    private static final String NS = "my-app-namespace";
    private static final String AMR = "amr-16061e80-1b05-4e80-9d26-d326dc1953d8";

    @TempDir
    static Path dir;
    private static ServedWorld served;
    private static Path kubeconfig;
    private static String kubectl;

    @BeforeAll
    static void serveTheSetUpReplication() throws IOException {
        kubectl = kubectl();
        var estate = DrillWorlds.runSteps(DrillParser.parse(Path.of("drills", "setup-replication.yaml")),
                RunOptions.defaults()).estate();
        served = ServedWorld.start(estate.sim(), "127.0.0.1", 0, "admin", name -> "not-used-" + name);
        StringBuilder config = new StringBuilder("apiVersion: v1\nkind: Config\nusers:\n- name: nobody\n  user: {}\n"
                + "clusters:\n");
        served.kubernetes().forEach(k -> config.append("- name: ").append(k.name()).append("\n  cluster: {server: \"")
                .append(k.url()).append("\"}\n"));
        config.append("contexts:\n");
        served.kubernetes().forEach(k -> config.append("- name: ").append(k.name()).append("\n  context: {cluster: ")
                .append(k.name()).append(", user: nobody}\n"));
        kubeconfig = dir.resolve("kubeconfig");
        Files.writeString(kubeconfig, config);
    }

    @AfterAll
    static void stop() {
        if (served != null) {
            served.close();
        }
    }

    /** kubectl on PATH or in /usr/bin; its absence fails the test naming the package to install. */
    private static String kubectl() {
        for (String d : (System.getenv().getOrDefault("PATH", "") + ":/usr/bin").split(":")) {
            Path p = Path.of(d.isEmpty() ? "." : d, "kubectl");
            if (Files.isExecutable(p)) {
                return p.toString();
            }
        }
        return fail("kubectl is not installed: install the package `kubectl` (kubectl 1.32) to run this test");
    }

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String context, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(kubectl, "--kubeconfig", kubeconfig.toString(), "--context",
                context));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectError(dir.resolve("err.txt").toFile()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "kubectl ended");
        return new Run(p.exitValue(), out, Files.readString(dir.resolve("err.txt")));
    }

    private static String ok(String context, String... args) throws Exception {
        Run r = run(context, args);
        assertEquals(0, r.exit(), "kubectl " + String.join(" ", args) + ": " + r.err());
        return r.out();
    }

    private static String pod() {
        return served.withLock(() -> served.world().cluster("k8s-east").api().list("v1", "Pod", NS,
                LabelSelector.everything()).get(0).getMetadata().getName());
    }

    @Test
    void getEventsListsTridentsProvisioningAndTheKubeletsStartedPodOnTheSource() throws Exception {
        String out = ok("k8s-east", "get", "events", "-A", "-o",
                "custom-columns=TYPE:.type,REASON:.reason,KIND:.involvedObject.kind,FROM:.source.component");
        assertTrue(out.contains("ProvisioningSucceeded   PersistentVolumeClaim   csi.trident.netapp.io"), out);
        assertTrue(out.contains("Started                 Pod                     kubelet"), out);
        assertTrue(out.contains("SnapshotCompleted       Snapshot                trident-protect"), out);
    }

    @Test
    void getEventsOnTheDestinationShowsTheRelationshipBecomingEstablishedAndNarrowsByFieldSelector()
            throws Exception {
        String out = ok("k8s-west", "get", "events", "-n", NS, "--field-selector", "involvedObject.name=" + AMR,
                "-o", "custom-columns=REASON:.reason,OBJECT:.involvedObject.name,MESSAGE:.message");
        assertTrue(out.contains("Establishing"), out);
        assertTrue(out.contains("Established"), out);
        assertTrue(out.lines().skip(1).allMatch(l -> l.contains(AMR)), "only the relationship's Events: " + out);
        String v1 = ok("k8s-west", "get", "events.v1.events.k8s.io", "-n", NS, "-o",
                "custom-columns=REASON:.reason,NOTE:.note,CONTROLLER:.reportingController");
        assertTrue(v1.contains("Established") && v1.contains("trident-protect"), v1);
    }

    @Test
    void describeAmrShowsItsEventsSection() throws Exception {
        String out = ok("k8s-west", "describe", "appmirrorrelationship", AMR, "-n", NS);
        String events = out.substring(out.indexOf("Events:"));
        assertTrue(events.contains("Normal") && events.contains("Established"), events);
        assertTrue(events.contains("trident-protect"), events);
        assertTrue(events.contains("TransferCompleted"), events);
    }

    @Test
    void describePodShowsTheSchedulerAndKubeletEvents() throws Exception {
        String out = ok("k8s-east", "describe", "pod", pod(), "-n", NS);
        String events = out.substring(out.indexOf("Events:"));
        assertTrue(events.contains("Scheduled") && events.contains("default-scheduler"), events);
        assertTrue(events.contains("Started") && events.contains("Started container"), events);
    }

    @Test
    void logsPrintsTheWorkloadsCommitsWithTailSinceAndTimestamps() throws Exception {
        String all = ok("k8s-east", "logs", "deploy/db", "-n", NS);
        List<String> lines = all.lines().toList();
        assertTrue(lines.size() > 100, "a line per accepted batch: " + lines.size());
        assertTrue(lines.get(0).startsWith("committed records 1.."), lines.get(0));
        assertEquals(lines.subList(lines.size() - 3, lines.size()), ok("k8s-east", "logs", pod(), "-n", NS,
                "--tail", "3").lines().toList());
        List<String> recent = ok("k8s-east", "logs", pod(), "-n", NS, "-c", "db", "--since", "5m").lines().toList();
        assertTrue(!recent.isEmpty() && recent.size() < lines.size(), recent.size() + " of " + lines.size());
        assertEquals(lines.get(lines.size() - 1), recent.get(recent.size() - 1));
        String stamped = ok("k8s-east", "logs", pod(), "-n", NS, "--tail", "1", "--timestamps").trim();
        assertTrue(stamped.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z committed records .*"),
                stamped);
    }

    @Test
    void logsOfAMissingContainerIsTheApiServersRefusal() throws Exception {
        Run r = run("k8s-east", "logs", pod(), "-n", NS, "-c", "nope");
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("container nope is not valid for pod " + pod()), r.err());
    }

    @Test
    @Order(Integer.MAX_VALUE) // last: the pod it stops is replaced by one with another name and no lines
    void logsFollowStreamsNewLinesAsTheyArePrintedAndEndsWhenThePodStops() throws Exception {
        String pod = pod();
        List<String> command = List.of(kubectl, "--kubeconfig", kubeconfig.toString(), "--context", "k8s-east",
                "logs", "-f", pod, "-n", NS, "--tail", "1");
        Process follow = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> out = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> new BufferedReader(new InputStreamReader(follow.getInputStream(),
                StandardCharsets.UTF_8)).lines().forEach(out::add));
        reader.start();
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> out.size() == 1); // following: the tail came
            served.withLock(() -> served.world().cluster("k8s-east").simulator().logs().print(NS, pod, "db",
                    served.world().world().now(), "printed while followed"));
            await().atMost(Duration.ofSeconds(30)).until(() -> out.size() == 2);
            assertTrue(follow.isAlive(), "still following while the pod runs");
            served.withLock(() -> served.world().cluster("k8s-east").api().patch("apps/v1", "Deployment", NS, "db",
                    "{\"spec\":{\"replicas\":0}}"));
            served.advance(Duration.ofSeconds(30)); // the Deployment controller removes the pod
            assertTrue(follow.waitFor(30, TimeUnit.SECONDS), "kubectl logs -f ends when the pod stops");
            reader.join(10_000);
            assertEquals(0, follow.exitValue(), String.valueOf(out));
            assertEquals(2, out.size(), String.valueOf(out));
            assertTrue(out.get(0).startsWith("committed records "), out.get(0));
            assertEquals("printed while followed", out.get(1));
        } finally {
            follow.destroyForcibly();
        }
    }
}
