package io.mirrordrill.emulator.ontap.rest;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mirrordrill.emulator.ontap.OntapEmulator;
import io.mirrordrill.sim.World;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Real time: with a clock pump, jobs finish while a client only polls, as against a real cluster. */
class OntapRestClockPumpIT {

    @Test
    void with_a_clock_pump_a_job_finishes_while_the_client_only_polls() {
        World world = new World(9);
        OntapEmulator ontap = new OntapEmulator(world);
        ontap.addCluster("c1", "east");
        try (OntapRestServer server = OntapRestServer.builder(ontap, "c1", "admin", "pump-pass").clockPump(50)
                .start()) {
            RawClient client = new RawClient(server.endpoint(), "admin", "pump-pass");
            String job = client.post("/api/svm/svms", "{\"name\":\"svm_pumped\"}").json().path("job").path("uuid")
                    .asText();

            await().atMost(Duration.ofSeconds(10)).until(() -> client.get("/api/cluster/jobs/" + job).json()
                    .path("state").asText().equals("success"));

            assertEquals(1, client.get("/api/svm/svms?name=svm_pumped").json().path("num_records").asInt());
        }
    }

    @Test
    void two_pumps_on_one_world_do_not_add_up() {
        World world = new World(9);
        OntapEmulator ontap = new OntapEmulator(world);
        ontap.addCluster("c1", "east");
        ontap.addCluster("c2", "west");
        long realStart = System.nanoTime();
        try (OntapRestServer one = OntapRestServer.builder(ontap, "c1", "admin", "pump-pass").clockPump(10).start();
             OntapRestServer two = OntapRestServer.builder(ontap, "c2", "admin", "pump-pass").clockPump(10).start()) {
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> one.withLock(() -> world.now()).isAfter(World.DEFAULT_START.plusSeconds(3)));
            Duration simulated = two.withLock(() -> Duration.between(World.DEFAULT_START, world.now()));
            Duration real = Duration.ofNanos(System.nanoTime() - realStart);

            // one pump at speed 10 can never be ahead of 10 x real time; two that added up would be near 20 x
            assertEquals(true, simulated.compareTo(real.multipliedBy(10)) <= 0, simulated + " after " + real);
        }
    }
}
