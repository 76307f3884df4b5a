package io.mirrordrill.engine.model;

import java.util.Optional;

/** {@code ExecHook.spec.stage}: before or after the action. */
public enum HookStage implements NamedValue {
    PRE("Pre"),
    POST("Post");

    private final String value;

    HookStage(String value) {
        this.value = value;
    }

    @Override
    public String value() {
        return value;
    }

    public static Optional<HookStage> parse(String raw) {
        return NamedValue.exact(HookStage.class, raw);
    }
}
