package io.mirrordrill.scenario.runner;

import com.fasterxml.jackson.databind.JsonNode;
import io.mirrordrill.port.kubernetes.Resources;
import io.mirrordrill.scenario.drill.Ref;
import io.mirrordrill.scenario.drill.Template;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The drill's variables, and objects as the operator reads them, for {@link Template}. */
final class Vars implements Template.Lookup {
    private final Estate estate;
    private final Map<String, String> values = new TreeMap<>();

    Vars(Estate estate, Map<String, String> initial) {
        this.estate = estate;
        values.putAll(initial);
    }

    void set(String name, String value) {
        values.put(name, value);
    }

    String render(String text) {
        return Template.render(text, this);
    }

    /** Fills in {@code ${NAME}} variables only, leaving object lookups as written (for descriptions). */
    String renderVariables(String text) {
        return Template.render(text, new Template.Lookup() {
            @Override
            public Optional<String> variable(String name) {
                return Vars.this.variable(name);
            }

            @Override
            public Optional<JsonNode> object(Ref ref) {
                return Optional.empty();
            }
        });
    }

    Ref render(Ref ref) {
        return new Ref(ref.cluster(), ref.apiVersion(), ref.kind(),
                ref.namespace() == null ? null : render(ref.namespace()), render(ref.name()));
    }

    @Override
    public Optional<String> variable(String name) {
        return Optional.ofNullable(values.get(name));
    }

    @Override
    public Optional<JsonNode> object(Ref ref) {
        return estate.reachableCluster(ref.cluster()).api()
                .get(ref.apiVersion(), ref.kind(), ref.namespace(), ref.name()).map(Resources::toTree);
    }
}
