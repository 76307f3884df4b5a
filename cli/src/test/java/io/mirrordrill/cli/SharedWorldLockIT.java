package io.mirrordrill.cli;

import io.mirrordrill.adapter.s3.S3Config;
import io.mirrordrill.adapter.s3.S3ObjectStore;
import io.mirrordrill.emulator.s3.S3Credentials;
import io.mirrordrill.port.kubernetes.LabelSelector;
import io.mirrordrill.port.objectstore.ListRequest;
import io.mirrordrill.port.objectstore.WriteCondition;
import io.mirrordrill.scenario.runner.DrillWorlds;
import io.mirrordrill.scenario.runner.RunOptions;
import io.mirrordrill.scenario.world.ServedWorld;
import io.mirrordrill.scenario.world.SimWorld;
import io.mirrordrill.sim.World;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The servers of one world share the world's one lock: requests hammered concurrently at a Kubernetes API server, an
 * ONTAP REST server and an S3 server of one world, while the clock pump moves time, all touch the world under it.
 * A probe on the world's trace (every store write, ONTAP job, S3 mutation and world event records there) counts any
 * record made by a thread that does not hold the lock.
 */
class SharedWorldLockIT {
    private static final int WORKERS_PER_SERVER = 2;
    private static final int REQUESTS_PER_WORKER = 40;
    private static final String PASSWORD = "hammer-password-1";

    private SimWorld sim;
    private ServedWorld served;
    private ClockPump pump;
    private final AtomicLong recorded = new AtomicLong();
    private final AtomicLong offLock = new AtomicLong();
    private final Set<String> recordingThreads = ConcurrentHashMap.newKeySet();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeEach
    void serve() {
        sim = DrillWorlds.build(Drills.load(List.of("setup-replication")).get(0), RunOptions.defaults()).sim();
        served = ServedWorld.start(sim, "127.0.0.1", 0, "admin", cluster -> PASSWORD);
        ReentrantLock lock = sim.world().lock();
        served.withLock(() -> sim.world().trace().subscribe(e -> {
            recorded.incrementAndGet();
            recordingThreads.add(Thread.currentThread().getName().replaceAll("-?\\d+$", ""));
            if (!lock.isHeldByCurrentThread()) {
                offLock.incrementAndGet();
            }
        }));
        pump = ClockPump.start(sim.world(), 100, System::nanoTime);
    }

    @AfterEach
    void stop() {
        if (pump != null) {
            pump.close();
        }
        if (served != null) {
            served.close();
        }
    }

    @Test
    void everyEmulatorOfAWorldHandsOutTheWorldsLock() {
        World world = sim.world();
        assertSame(world.lock(), sim.ontap().lock());
        sim.stores().forEach(s -> assertSame(world.lock(), s.lock()));
        sim.clusters().forEach(c -> assertSame(world.lock(), c.apiServer().lock()));
        assertSame(world.lock(), served.lock());
    }

    @Test
    void requestsToThreeServersAndThePumpNeverTouchTheWorldOutsideItsLock() throws Exception {
        URI kube = served.kubernetes().get(0).url();
        URI ontap = served.ontap().get(0).url();
        String svm = served.ontap().get(0).svms().get(0);
        ServedWorld.S3 store = served.s3().get(0);
        S3Credentials key = sim.accessKey(store.host());
        String bucket = store.buckets().get(0);
        long before = served.withLock(() -> sim.world().trace().size());

        ExecutorService workers = Executors.newFixedThreadPool(3 * WORKERS_PER_SERVER);
        CountDownLatch go = new CountDownLatch(1);
        ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();
        List<Future<?>> done = new ArrayList<>();
        try (S3ObjectStore s3 = new S3ObjectStore(S3Config.builder().endpoint(store.url().toString())
                .region(store.region()).pathStyle(true).secure(false)
                .credentials(key.accessKeyId(), key.secretAccessKey(), null).build())) {
            for (int w = 0; w < WORKERS_PER_SERVER; w++) {
                int worker = w;
                done.add(workers.submit(() -> {
                    go.await();
                    for (int i = 0; i < REQUESTS_PER_WORKER; i++) {
                        String name = "hammer-" + worker + "-" + i;
                        expect(unexpected, 201, send(HttpRequest.newBuilder(kube.resolve(
                                "/api/v1/namespaces/default/configmaps")).header("Content-Type", "application/json")
                                .POST(body("{\"metadata\":{\"name\":\"" + name + "\"},\"data\":{\"i\":\"" + i
                                        + "\"}}"))));
                        expect(unexpected, 200, send(HttpRequest.newBuilder(kube.resolve(
                                "/api/v1/namespaces/default/configmaps")).GET()));
                    }
                    return null;
                }));
                done.add(workers.submit(() -> {
                    go.await();
                    for (int i = 0; i < REQUESTS_PER_WORKER; i++) {
                        String name = "hammer_" + worker + "_" + i;
                        expect(unexpected, 202, send(ontapRequest(ontap.resolve("/api/storage/volumes"))
                                .header("Content-Type", "application/json").POST(body("{\"name\":\"" + name
                                        + "\",\"svm\":{\"name\":\"" + svm + "\"},\"size\":1048576}"))));
                        expect(unexpected, 200, send(ontapRequest(ontap.resolve("/api/storage/volumes?svm.name="
                                + svm)).GET()));
                    }
                    return null;
                }));
                done.add(workers.submit(() -> {
                    go.await();
                    for (int i = 0; i < REQUESTS_PER_WORKER; i++) {
                        s3.put(bucket, "hammer/" + worker + "/" + i, ("record " + i).getBytes(StandardCharsets.UTF_8),
                                WriteCondition.NONE);
                        s3.list(ListRequest.of(bucket).withPrefix("hammer/"));
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : done) {
                f.get(2, TimeUnit.MINUTES);
            }
            int n = WORKERS_PER_SERVER * REQUESTS_PER_WORKER;
            assertTrue(unexpected.isEmpty(), unexpected.toString());
            // the ONTAP jobs finish as the pump moves time: every volume arrives
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> served.withLock(
                    () -> sim.ontap().cluster(served.ontap().get(0).name()).volumes(svm).stream()
                            .filter(v -> v.name().startsWith("hammer_")).count()) == n);
            long configMaps = served.withLock(() -> sim.cluster(served.kubernetes().get(0).name()).api()
                    .list("v1", "ConfigMap", "default", LabelSelector.everything()).stream().filter(c -> c.getMetadata().getName().startsWith("hammer-"))
                    .count());
            assertEquals(n, configMaps);
            assertEquals(n, s3.list(ListRequest.of(bucket).withPrefix("hammer/")).objects().size());
        } finally {
            workers.shutdownNow();
        }

        long during = served.withLock(() -> sim.world().trace().size()) - before;
        assertTrue(during >= 3L * WORKERS_PER_SERVER * REQUESTS_PER_WORKER, "the requests left records: " + during);
        assertEquals(0, offLock.get(), "records made off the world's lock, by " + recordingThreads);
        assertTrue(recordingThreads.contains("mirrordrill-clock-pump") && recordingThreads.size() >= 2,
                "the pump and server threads recorded: " + recordingThreads);

        // the probe is not vacuous: a touch without the lock is counted
        pump.close();
        pump = null;
        sim.world().record("test", "off the lock on purpose");
        assertEquals(1, offLock.get());
    }

    private HttpRequest.Builder ontapRequest(URI uri) {
        return HttpRequest.newBuilder(uri).header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                ("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
    }

    private static HttpRequest.BodyPublisher body(String json) {
        return HttpRequest.BodyPublishers.ofString(json);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void expect(ConcurrentLinkedQueue<String> unexpected, int status, HttpResponse<String> r) {
        if (r.statusCode() != status) {
            unexpected.add(r.request().method() + " " + r.request().uri() + " -> " + r.statusCode() + " "
                    + r.body());
        }
    }
}
