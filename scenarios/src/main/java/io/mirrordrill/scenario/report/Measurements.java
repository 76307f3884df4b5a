package io.mirrordrill.scenario.report;

import java.util.List;

/**
 * What a drill measured. Durations are given in milliseconds and as text; a null means not measured (no failover,
 * or the data could not be read). Only {@code wallMillis} depends on the machine.
 *
 * @param rtoFrom what started the clock: the disaster, or the failover request
 * @param refusals why writes were refused: each stretch of refused writes with what refused them
 */
public record Measurements(String rtoFrom, Long rtoMillis, String rto, Long rpoMillis, String rpo, Long rpoRecords,
                           Long writesLost, long writesAccepted, long writesRefused, long bytesTransferred,
                           int transfers, int transfersFailed, long simulatedMillis, String simulated,
                           long wallMillis, String traceHash, long traceEntries, long events, List<Refused> refusals) {
    /** Writes of one workload refused for one reason, from {@code fromMillis} to {@code toMillis} (simulated). */
    public record Refused(String workload, String reason, long fromMillis, long toMillis, long writes) {}

    public Measurements {
        refusals = refusals == null ? List.of() : List.copyOf(refusals);
    }

    /** The same measurements with the wall time left out, for comparing runs. */
    public Measurements withoutWallClock() {
        return new Measurements(rtoFrom, rtoMillis, rto, rpoMillis, rpo, rpoRecords, writesLost, writesAccepted,
                writesRefused, bytesTransferred, transfers, transfersFailed, simulatedMillis, simulated, 0, traceHash,
                traceEntries, events, refusals);
    }
}
