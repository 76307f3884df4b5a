package io.mirrordrill.scenario.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mirrordrill.scenario.world.SimCluster;
import io.mirrordrill.testkit.property.Gen;
import io.mirrordrill.testkit.property.Property;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The failback invariant on generated schedules: replicate, fail over (planned with a ShutdownSnapshot, or not),
 * write on the destination, reverse resync, write again, reverse the direction back: the app on the original source
 * holds every write that was accepted on the lineage that survived, in order. Writes on the source after its last
 * replicated snapshot are accepted only in a planned failover (an unplanned one may lose them, by design). A fault
 * may cut the link between the sites: during an unplanned failover (healed once the destination serves), or while the
 * destination writes alone (healed before the reverse resync).
 */
class FailbackPropertyTest {
    /** Writes on one cluster, each followed by some idle minutes (schedules and transfers run meanwhile). */
    record Writes(List<Integer> idleMinutes) {
        List<Integer> apply(SeedEstate e, SimCluster cluster) {
            List<Integer> written = new ArrayList<>();
            for (int idle : idleMinutes) {
                written.add(e.write(cluster));
                e.w.world().advance(Duration.ofMinutes(idle));
            }
            return written;
        }
    }

    enum Fault { NONE, PARTITION_DURING_UNPLANNED_FAILOVER, PARTITION_WHILE_DESTINATION_WRITES }

    record Schedule(long seed, int initial, boolean planned, Writes sourceBeforeFailover, Writes afterFailover,
            Writes afterResync, Fault fault, int faultMinutes) {
    }

    private static final Gen<Writes> WRITES = Gen.ints(0, 20).list(0, 3).map(Writes::new);
    private static final Gen<Schedule> SCHEDULES = Gen.zip(Gen.zip(Gen.longs(1, 10_000), Gen.ints(1, 4), List::of),
            Gen.zip(Gen.booleans(), WRITES, List::of),
            Gen.zip(Gen.zip(WRITES, WRITES, List::of), Gen.zip(Gen.elements(Fault.values()), Gen.ints(1, 60),
                    List::<Object>of), Map::entry),
            (a, b, cf) -> new Schedule((Long) a.get(0), (Integer) a.get(1), (Boolean) b.get(0), (Writes) b.get(1),
                    cf.getKey().get(0), cf.getKey().get(1), (Fault) cf.getValue().get(0),
                    (Integer) cf.getValue().get(1)));

    private static void partition(SeedEstate e) {
        e.w.world().network().partition("east", "west");
    }

    private static void heal(SeedEstate e) {
        e.w.world().network().heal("east", "west");
    }

    @Test
    void failingBackKeepsEveryAcceptedWrite() {
        Property.forAll(SCHEDULES).tries(20).check(s -> {
            SeedEstate e = new SeedEstate(s.seed());
            e.establish(s.initial());
            List<Integer> accepted = new ArrayList<>();
            for (int i = 1; i <= s.initial(); i++) {
                accepted.add(i);
            }
            String promoted = null;
            if (s.planned()) {
                accepted.addAll(s.sourceBeforeFailover().apply(e, e.source));
                promoted = e.snapshot(e.source, "s3.east.example", "trident-protect-src-bucket", true).basename();
            }
            boolean cutDuringFailover = !s.planned() && s.fault() == Fault.PARTITION_DURING_UNPLANNED_FAILOVER;
            if (cutDuringFailover) {
                partition(e);
            }
            e.desire("Promoted", promoted);
            e.awaitState("Promoted");
            e.runUntil(() -> e.running(e.destination), Duration.ofMinutes(5), "the destination app");
            assertEquals(accepted, e.records(e.destination), "the failover kept every replicated write");
            if (cutDuringFailover) {
                heal(e);
            }
            boolean cutWhileWriting = s.fault() == Fault.PARTITION_WHILE_DESTINATION_WRITES;
            if (cutWhileWriting) {
                partition(e);
            }
            accepted.addAll(s.afterFailover().apply(e, e.destination));
            if (cutWhileWriting) {
                e.w.world().advance(Duration.ofMinutes(s.faultMinutes()));
                heal(e);
            }

            e.destination.api().delete("protect.trident.netapp.io/v1", "AppMirrorRelationship", SeedEstate.NS,
                    SeedEstate.AMR);
            e.runUntil(() -> e.amrState().equals("(none)"), Duration.ofMinutes(10), "the AMR to go");
            e.snapshot(e.destination, "s3.west.example", "trident-protect-dst-bucket");
            e.source.apply("reverse-relationship.yaml", e.reverseAmrYaml("Established", null), SeedEstate.NS);
            e.runUntil(() -> e.reverseState().equals("Established"), Duration.ofHours(1), "the reverse AMR");
            accepted.addAll(s.afterResync().apply(e, e.destination));

            var shutdown = e.snapshot(e.destination, "s3.west.example", "trident-protect-dst-bucket", true);
            e.source.apply("reverse-relationship.yaml", e.reverseAmrYaml("Promoted", shutdown.basename()),
                    SeedEstate.NS);
            e.runUntil(() -> e.reverseState().equals("Promoted"), Duration.ofHours(1), "the fail back");
            e.runUntil(() -> e.running(e.source), Duration.ofMinutes(5), "the app back on the source");
            assertEquals(accepted, e.records(e.source));
        });
    }
}
