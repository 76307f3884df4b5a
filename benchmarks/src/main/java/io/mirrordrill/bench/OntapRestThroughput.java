package io.mirrordrill.bench;

import io.mirrordrill.emulator.ontap.OntapEmulator;
import io.mirrordrill.emulator.ontap.rest.OntapRestServer;
import io.mirrordrill.port.ontap.SvmSubtype;
import io.mirrordrill.sim.World;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Small GET requests per second against the ONTAP REST server on loopback (DESIGN target: at least 5,000/s).
 * Each client thread holds one keep-alive HTTP/1.1 connection ({@link LoopbackLoad}) and sends authenticated
 * {@code GET /api/cluster?fields=version} and {@code GET /api/svm/svms?name=svm1} in turn.
 *
 * <p>{@code java -cp benchmarks/target/benchmarks.jar io.mirrordrill.bench.OntapRestThroughput [threads]
 * [seconds]} (defaults: 4 threads, 10 s measured after 10 s of warm-up). It also prints the process's CPU time per
 * request (server, clients and their system calls), which a busy machine does not distort as it does requests/s.
 */
public final class OntapRestThroughput {
    static final int TARGET = 5_000;
    /** Until the JIT has compiled Jetty's, Javalin's and the server's paths, a request costs about three times more. */
    static final int WARM_UP_SECONDS = 10;

    private OntapRestThroughput() {}

    public static void main(String[] args) throws Exception {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 4;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        OntapEmulator ontap = new OntapEmulator(new World(1));
        ontap.addCluster("c1", "site1");
        ontap.addSvm("c1", "svm1", SvmSubtype.DEFAULT);
        ontap.addSvm("c1", "svm2", SvmSubtype.DEFAULT);
        try (OntapRestServer server = OntapRestServer.builder(ontap, "c1", "admin", "bench-Passw0rd").start()) {
            String auth = "Basic " + Base64.getEncoder().encodeToString("admin:bench-Passw0rd"
                    .getBytes(StandardCharsets.UTF_8));
            List<LoopbackLoad.Request> requests = List.of(get("/api/cluster?fields=version", auth),
                    get("/api/svm/svms?name=svm1", auth));
            LoopbackLoad.run(server.port(), requests, threads, WARM_UP_SECONDS);
            LoopbackLoad.print("ONTAP REST server, small GETs on loopback",
                    LoopbackLoad.run(server.port(), requests, threads, seconds), threads, seconds, TARGET);
        }
    }

    private static LoopbackLoad.Request get(String pathAndQuery, String auth) {
        return new LoopbackLoad.Request(("GET " + pathAndQuery + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: "
                + auth + "\r\nAccept: application/json\r\n\r\n").getBytes(StandardCharsets.US_ASCII), false);
    }
}
