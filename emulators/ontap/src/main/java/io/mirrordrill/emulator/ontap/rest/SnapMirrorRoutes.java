package io.mirrordrill.emulator.ontap.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mirrordrill.emulator.ontap.NameUuid;
import io.mirrordrill.port.ontap.DeleteScope;
import io.mirrordrill.port.ontap.PolicyRecord;
import io.mirrordrill.port.ontap.RelationshipCreate;
import io.mirrordrill.port.ontap.RelationshipPatch;
import io.mirrordrill.port.ontap.RelationshipState;
import io.mirrordrill.port.ontap.TransferRecord;

import java.util.List;

/** {@code /api/snapmirror/policies}, {@code /api/snapmirror/relationships} and their transfers. */
final class SnapMirrorRoutes {
    private static final String RELATIONSHIPS = "/api/snapmirror/relationships";

    private final Listing listing;

    SnapMirrorRoutes(Listing listing) {
        this.listing = listing;
    }

    void register(Route.Table t) {
        t.get("/api/snapmirror/policies", c -> listing.collection(c, Resource.POLICY, policies(c)));
        t.get("/api/snapmirror/policies/{uuid}", c -> listing.single(c, Resource.POLICY,
                Lookup.byUuid(policies(c), r -> r.path("uuid").asText(), c.param("uuid"), "SnapMirror policy")));
        t.post("/api/snapmirror/policies", this::createPolicy);

        t.get(RELATIONSHIPS, c -> listing.collection(c, Resource.RELATIONSHIP,
                c.port.relationships(c.flag("list_destinations_only", false)).stream()
                        .map(RestRecords::relationship).toList(), "list_destinations_only"));
        t.get(RELATIONSHIPS + "/{uuid}", c -> listing.single(c, Resource.RELATIONSHIP, RestRecords.relationship(
                c.port.relationship(c.param("uuid")).orElseThrow(() ->
                        Lookup.notFound("SnapMirror relationship", c.param("uuid"))))));
        t.post(RELATIONSHIPS, c -> {
            RequestBody b = c.onlyQuery().body.only("source.path", "destination.path", "policy.name",
                    "transfer_schedule.name", "identity_preservation");
            return Reply.job(c.port.createRelationship(new RelationshipCreate(b.text("source.path"),
                    b.text("destination.path"), b.text("policy.name"), b.text("transfer_schedule.name"),
                    b.text("identity_preservation"))));
        });
        t.patch(RELATIONSHIPS + "/{uuid}", c -> {
            RequestBody b = c.onlyQuery().body.only("state", "source.path", "destination.path");
            RelationshipState state = b.text("state") == null ? null : RelationshipState.fromRest(b.text("state"));
            return Reply.job(c.port.patchRelationship(c.param("uuid"),
                    new RelationshipPatch(state, b.text("source.path"), b.text("destination.path"))));
        });
        t.delete(RELATIONSHIPS + "/{uuid}", c -> Reply.job(c.onlyQuery("source_only", "destination_only")
                .port.deleteRelationship(c.param("uuid"), scope(c))));

        String transfers = RELATIONSHIPS + "/{uuid}/transfers";
        t.get(transfers, c -> listing.collection(c, Resource.TRANSFER,
                c.port.transfers(c.param("uuid")).stream().map(RestRecords::transfer).toList()));
        t.get(transfers + "/{transfer}", c -> listing.single(c, Resource.TRANSFER, RestRecords.transfer(
                Lookup.byUuid(c.port.transfers(c.param("uuid")), TransferRecord::uuid, c.param("transfer"),
                        "Transfer"))));
        t.post(transfers, c -> {
            c.onlyQuery().body.only("source_snapshot");
            TransferRecord started = c.port.startTransfer(c.param("uuid"), c.body.text("source_snapshot"));
            return Reply.created(Json.object().put("num_records", 1)
                    .put("records", List.of(RestRecords.transfer(started))).node());
        });
        t.patch(transfers + "/{transfer}", c -> {
            c.onlyQuery().body.only("state");
            String state = c.body.requireText("state");
            if (!state.equals("aborted") && !state.equals("hard_aborted")) {
                throw RequestBody.invalidValue(state, "state");
            }
            return Reply.job(c.port.abortTransfer(c.param("uuid"), c.param("transfer"),
                    state.equals("hard_aborted")));
        });
    }

    private static DeleteScope scope(Call c) {
        boolean sourceOnly = c.flag("source_only", false);
        boolean destinationOnly = c.flag("destination_only", false);
        if (sourceOnly && destinationOnly) {
            throw RequestBody.invalid("source_only and destination_only cannot both be true", "source_only");
        }
        return sourceOnly ? DeleteScope.SOURCE_ONLY : destinationOnly ? DeleteScope.DESTINATION_ONLY
                : DeleteScope.BOTH;
    }

    private static List<ObjectNode> policies(Call c) {
        String cluster = c.port.cluster().uuid();
        return c.port.snapmirrorPolicies().stream()
                .map(p -> RestRecords.policy(NameUuid.of(cluster, "policy", p.name()), p)).toList();
    }

    private Reply createPolicy(Call c) {
        RequestBody b = c.onlyQuery().body.only("name", "type", "copy_all_source_snapshots",
                "identity_preservation", "retention");
        List<PolicyRecord.Retention> retention = b.objects("retention").stream().map(r -> {
            r.only("label", "count");
            String count = r.has("count") && !r.isText("count") ? String.valueOf(r.number("count", 0))
                    : r.text("count");
            return new PolicyRecord.Retention(r.requireText("label"), count);
        }).toList();
        String type = b.text("type");
        return Reply.job(c.port.createSnapmirrorPolicy(new PolicyRecord(b.requireText("name"),
                type == null ? "async" : type, b.bool("copy_all_source_snapshots", false),
                b.text("identity_preservation"), retention)));
    }
}
