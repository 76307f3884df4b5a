package io.mirrordrill.emulator.k8s;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mirrordrill.port.kubernetes.KubernetesPort;
import io.mirrordrill.port.kubernetes.Resources;
import io.mirrordrill.sim.World;

/** One emulated cluster's API with a namespace {@code app}: what the store's admission tests write into. */
final class AppNamespaceStore {
    final KubernetesPort api;

    AppNamespaceStore(long seed) {
        World world = new World(seed);
        world.network().site("dc");
        api = new KubernetesCluster(world, "k", "dc").port();
        create("""
                {"apiVersion":"v1","kind":"Namespace","metadata":{"name":"app"}}""");
    }

    /** Creates the object a JSON text describes and returns it as stored. */
    ObjectNode create(String json) {
        try {
            return Resources.toTree(api.create(Resources.fromTree((ObjectNode) Resources.mapper().readTree(json))));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
