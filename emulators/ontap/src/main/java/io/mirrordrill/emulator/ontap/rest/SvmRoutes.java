package io.mirrordrill.emulator.ontap.rest;

import io.mirrordrill.port.ontap.OntapErrors;
import io.mirrordrill.port.ontap.OntapException;
import io.mirrordrill.port.ontap.SvmPeerRecord;
import io.mirrordrill.port.ontap.SvmRecord;
import io.mirrordrill.port.ontap.SvmState;
import io.mirrordrill.port.ontap.SvmSubtype;

/** {@code /api/svm/svms} and {@code /api/svm/peers}. */
final class SvmRoutes {
    private final Listing listing;

    SvmRoutes(Listing listing) {
        this.listing = listing;
    }

    void register(Route.Table t) {
        t.get("/api/svm/svms", c -> listing.collection(c, Resource.SVM,
                c.port.svms().stream().map(RestRecords::svm).toList()));
        t.get("/api/svm/svms/{uuid}", c -> listing.single(c, Resource.SVM, RestRecords.svm(svm(c))));
        t.post("/api/svm/svms", c -> {
            c.onlyQuery().body.only("name", "subtype");
            SvmSubtype subtype = Enums.parse(SvmSubtype.class, c.body.text("subtype"), "subtype");
            return Reply.job(c.port.createSvm(c.body.text("name"), subtype == null ? SvmSubtype.DEFAULT : subtype));
        });
        t.patch("/api/svm/svms/{uuid}", c -> {
            c.onlyQuery().body.only("state");
            SvmState state = Enums.parse(SvmState.class, c.body.requireText("state"), "state");
            return Reply.job(c.port.setSvmState(svm(c).name(), state));
        });

        t.get("/api/svm/peers", c -> listing.collection(c, Resource.SVM_PEER,
                c.port.svmPeers().stream().map(RestRecords::svmPeer).toList()));
        t.get("/api/svm/peers/{uuid}", c -> listing.single(c, Resource.SVM_PEER, RestRecords.svmPeer(
                Lookup.byUuid(c.port.svmPeers(), SvmPeerRecord::uuid, c.param("uuid"), "SVM peer"))));
        t.post("/api/svm/peers", c -> {
            c.onlyQuery().body.only("svm.name", "peer.cluster.name", "peer.svm.name", "applications", "name");
            return Reply.job(c.port.createSvmPeer(c.body.requireText("svm.name"),
                    c.body.requireText("peer.cluster.name"), c.body.requireText("peer.svm.name"),
                    c.body.texts("applications")));
        });
        t.patch("/api/svm/peers/{uuid}", c -> {
            c.onlyQuery().body.only("state");
            if (!"peered".equals(c.body.requireText("state"))) {
                throw new OntapException(400, OntapErrors.NOT_SUPPORTED, "(emulator) an SVM peer can only be"
                        + " accepted (state \"peered\")", "state");
            }
            return Reply.job(c.port.acceptSvmPeer(c.param("uuid")));
        });
    }

    private static SvmRecord svm(Call c) {
        return Lookup.byUuid(c.port.svms(), SvmRecord::uuid, c.param("uuid"), "SVM");
    }
}
