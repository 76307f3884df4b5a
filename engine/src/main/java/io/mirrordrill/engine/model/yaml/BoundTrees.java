package io.mirrordrill.engine.model.yaml;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mirrordrill.engine.Memo;
import io.mirrordrill.engine.model.ProtectResource;

import java.util.function.Supplier;

/**
 * Recently bound resources, by their whole tree: binding is a pure function of the tree, and controllers read the
 * same object version again and again (an Application or AppVault on every snapshot, a resource on every requeue),
 * where Jackson's binding costs several times the tree's hash and comparison. Any change to the object (status,
 * resourceVersion, anything) makes another tree, so a hit is always the same content; records are immutable (their
 * ObjectMeta is read-only by the model's contract). The trees are the caller's fresh copies, never changed after.
 */
final class BoundTrees {
    private final Memo<ObjectNode, ProtectResource<?, ?>> recent = new Memo<>(512);

    ProtectResource<?, ?> get(ObjectNode tree, Supplier<ProtectResource<?, ?>> bind) {
        return recent.get(tree, t -> bind.get());
    }
}
