package io.mirrordrill.scenario.fuzz;

/** The seed's workflows a generated drill runs, each a procedure of {@code fuzz/procedures.yaml}. */
public enum Workflow {
    FAILOVER("failover", "fuzz-failover"),
    RESYNC("resync", "fuzz-resync"),
    REVERSE_RESYNC("reverse resync", "fuzz-reverse-resync"),
    DELETE("delete", "fuzz-delete"),
    REVERSE_DIRECTION("reverse direction", "fuzz-reverse-direction"),
    DIRECTION_BACK("direction back", "fuzz-direction-back"),
    /** A failover asked with an invalid promotedSnapshot fails at once; without it, the retry promotes. */
    FAILOVER_RETRIED("failover retried after an invalid promotedSnapshot", "fuzz-failover-retried"),
    /**
     * A failover with a transformation that cannot apply fails while promoting (the restore is refused); without
     * it, the retry promotes.
     */
    FAILOVER_BAD_TRANSFORMATION("failover retried after a transformation that cannot apply",
            "fuzz-failover-bad-transformation"),
    /** A second relationship created Promoted: nothing was replicated for it, so it fails; then it is deleted. */
    CREATED_PROMOTED("relationship created promoted", "fuzz-created-promoted");

    private final String label;
    private final String procedure;

    Workflow(String label, String procedure) {
        this.label = label;
        this.procedure = procedure;
    }

    public String label() {
        return label;
    }

    public String procedure() {
        return procedure;
    }

    /** Whether it ends with the application promoted on the destination from Established (post-failover hooks run). */
    public boolean failsOver() {
        return this == FAILOVER || this == FAILOVER_RETRIED || this == FAILOVER_BAD_TRANSFORMATION;
    }
}
