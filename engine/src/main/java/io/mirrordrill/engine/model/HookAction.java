package io.mirrordrill.engine.model;

import java.util.Optional;

/** {@code ExecHook.spec.action}: the data protection operation a hook runs around. */
public enum HookAction implements NamedValue {
    SNAPSHOT("Snapshot"),
    BACKUP("Backup"),
    RESTORE("Restore"),
    FAILOVER("Failover");

    private final String value;

    HookAction(String value) {
        this.value = value;
    }

    @Override
    public String value() {
        return value;
    }

    public static Optional<HookAction> parse(String raw) {
        return NamedValue.exact(HookAction.class, raw);
    }
}
