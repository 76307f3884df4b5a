package io.mirrordrill.scenario.fuzz;

/**
 * The storage administrator's operations a generated drill draws (ONTAP CLI and tridentctl steps), each counted in
 * the coverage as the fault kind or the workflow it exercises (null when it is not one).
 */
public enum StorageOp {
    /**
     * The destination SVM stopped, which leaves its Trident backend pointing at a dead SVM, then started again and
     * the backend repaired with {@code tridentctl update backend}.
     */
    SVM_STOPPED("svmStopped", "tridentctl update backend"),
    /**
     * A burst of large writes on a slow WAN, then a SnapMirror transfer of the application's volume started
     * ({@code snapmirror update}) and aborted while it runs; the WAN back as it was.
     */
    TRANSFER_ABORTED("transferAborted", null),
    /** A snapshot of the application's volume where it is written, then the volume restored to it. */
    SNAPSHOT_RESTORE(null, "volume snapshot restore");

    private final String fault;
    private final String workflow;

    StorageOp(String fault, String workflow) {
        this.fault = fault;
        this.workflow = workflow;
    }

    public String fault() {
        return fault;
    }

    public String workflow() {
        return workflow;
    }

    public String label() {
        return fault != null ? fault : workflow;
    }
}
