package io.mirrordrill.scenario.fuzz;

/** The seed's workflows a generated drill runs, each a procedure of {@code fuzz/procedures.yaml}. */
public enum Workflow {
    FAILOVER("failover", "fuzz-failover"),
    RESYNC("resync", "fuzz-resync"),
    REVERSE_RESYNC("reverse resync", "fuzz-reverse-resync"),
    DELETE("delete", "fuzz-delete"),
    REVERSE_DIRECTION("reverse direction", "fuzz-reverse-direction"),
    DIRECTION_BACK("direction back", "fuzz-direction-back");

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
}
