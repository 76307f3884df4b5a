package io.mirrordrill.engine.restore;

/** Whether captured PersistentVolumes are restored or the destination brings its own volumes. */
public enum PersistentVolumes {
    /**
     * Failover and restores onto other storage: the captured PVs point at the source's volumes, so they are left out
     * and every claim binds to a volume of the destination (a replicated one, or a newly provisioned one).
     */
    PROVISION,
    /** Restores onto the same storage: PVs are restored and their claims bind to them again. */
    RESTORE
}
