package io.mirrordrill.emulator.ontap.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mirrordrill.emulator.ontap.NameUuid;
import io.mirrordrill.port.ontap.ClusterPeerRecord;
import io.mirrordrill.port.ontap.OntapErrors;
import io.mirrordrill.port.ontap.OntapException;
import io.mirrordrill.port.ontap.ScheduleRecord;

import java.util.List;

/** {@code /api/cluster}, its jobs, peers and schedules. */
final class ClusterRoutes {
    private final Listing listing;

    ClusterRoutes(Listing listing) {
        this.listing = listing;
    }

    void register(Route.Table t) {
        t.get("/api/cluster", c -> listing.single(c, Resource.CLUSTER, RestRecords.cluster(c.port.cluster())));
        t.get("/api/cluster/jobs", c -> listing.collection(c, Resource.JOB,
                c.port.jobs().stream().map(RestRecords::job).toList()));
        t.get("/api/cluster/jobs/{uuid}", c -> listing.single(c, Resource.JOB,
                RestRecords.job(c.port.job(c.param("uuid")))));

        t.get("/api/cluster/peers", c -> listing.collection(c, Resource.CLUSTER_PEER,
                c.port.clusterPeers().stream().map(RestRecords::clusterPeer).toList()));
        t.get("/api/cluster/peers/{uuid}", c -> listing.single(c, Resource.CLUSTER_PEER, RestRecords.clusterPeer(
                Lookup.byUuid(c.port.clusterPeers(), ClusterPeerRecord::uuid, c.param("uuid"), "Cluster peer"))));
        t.post("/api/cluster/peers", this::createPeer);

        t.get("/api/cluster/schedules", c -> listing.collection(c, Resource.SCHEDULE, schedules(c)));
        t.get("/api/cluster/schedules/{uuid}", c -> listing.single(c, Resource.SCHEDULE,
                Lookup.byUuid(schedules(c), r -> r.path("uuid").asText(), c.param("uuid"), "Schedule")));
        t.post("/api/cluster/schedules", this::createSchedule);
    }

    /** Cluster peering answers at once (201 with the record); the passphrase is never echoed. */
    private Reply createPeer(Call c) {
        c.onlyQuery().body.only("name", "remote.ip_addresses", "authentication.passphrase",
                "authentication.generate_passphrase");
        if (c.body.bool("authentication.generate_passphrase", false)) {
            throw new OntapException(400, OntapErrors.NOT_SUPPORTED, "(emulator) generate_passphrase is not"
                    + " emulated; give authentication.passphrase", "authentication.generate_passphrase");
        }
        ClusterPeerRecord peer = c.port.createClusterPeer(c.body.texts("remote.ip_addresses"),
                c.body.text("authentication.passphrase"));
        return Reply.created(Json.object().put("num_records", 1)
                .put("records", List.of(RestRecords.clusterPeer(peer))).node());
    }

    private static List<ObjectNode> schedules(Call c) {
        String cluster = c.port.cluster().uuid();
        return c.port.schedules().stream()
                .map(s -> RestRecords.schedule(NameUuid.of(cluster, "schedule", s.name()), s)).toList();
    }

    private Reply createSchedule(Call c) {
        c.onlyQuery().body.only("name", "type", "cron.minutes", "cron.hours", "cron.days", "cron.weekdays",
                "cron.months");
        String type = c.body.text("type");
        if (type != null && !type.equals("cron")) {
            throw new OntapException(400, OntapErrors.NOT_SUPPORTED, "(emulator) only cron schedules are emulated",
                    "type");
        }
        return Reply.job(c.port.createSchedule(new ScheduleRecord(c.body.requireText("name"),
                c.body.integers("cron.minutes"), c.body.integers("cron.hours"), c.body.integers("cron.days"),
                c.body.integers("cron.weekdays"), c.body.integers("cron.months"))));
    }
}
