package io.mirrordrill.emulator.ontap.snapmirror;

import io.mirrordrill.port.ontap.PolicyRecord;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A SnapMirror policy: which source snapshots a transfer carries. MirrorAllSnapshots and Asynchronous copy every
 * source snapshot newer than the common one (Asynchronous' "all_source_snapshots" rule in ONTAP 9.10+);
 * MirrorLatest carries only the SnapMirror-created snapshot; MirrorAndVault adds snapshots whose label is in the
 * retention rules. Sync and StrictSync exist but relationships with them are refused: async only is emulated.
 */
public record Policy(PolicyRecord record) {

    public static Map<String, Policy> builtIns() {
        Map<String, Policy> m = new TreeMap<>();
        add(m, "MirrorAllSnapshots", "async", true, List.of(new PolicyRecord.Retention("sm_created", "2")));
        add(m, "Asynchronous", "async", true, List.of(new PolicyRecord.Retention("sm_created", "2")));
        add(m, "MirrorLatest", "async", false, List.of(new PolicyRecord.Retention("sm_created", "2")));
        add(m, "MirrorAndVault", "async", false, List.of(new PolicyRecord.Retention("sm_created", "2"),
                new PolicyRecord.Retention("daily", "7"), new PolicyRecord.Retention("weekly", "52")));
        add(m, "Sync", "sync", false, List.of());
        add(m, "StrictSync", "sync", false, List.of());
        return m;
    }

    private static void add(Map<String, Policy> m, String name, String type, boolean all,
                            List<PolicyRecord.Retention> retention) {
        m.put(name, new Policy(new PolicyRecord(name, type, all, null, retention)));
    }

    public String name() {
        return record.name();
    }

    public boolean isAsync() {
        return "async".equals(record.type());
    }

    /** Whether a transfer carries a source snapshot that SnapMirror did not create itself. */
    public boolean carries(String snapmirrorLabel) {
        if (record.copyAllSourceSnapshots()) {
            return true;
        }
        return snapmirrorLabel != null && record.retention().stream()
                .anyMatch(r -> r.label().equals(snapmirrorLabel) && !"sm_created".equals(r.label()));
    }
}
