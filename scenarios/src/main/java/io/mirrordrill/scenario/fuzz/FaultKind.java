package io.mirrordrill.scenario.fuzz;

/** The faults a generated drill injects (and heals), by the name a drill file gives them. */
public enum FaultKind {
    SITE_DOWN("siteDown"), PARTITION("partition"), DEGRADE("degrade"), BUCKET_OUTAGE("bucketOutage"),
    ENGINE_CRASH("engineCrash");

    private final String id;

    FaultKind(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
