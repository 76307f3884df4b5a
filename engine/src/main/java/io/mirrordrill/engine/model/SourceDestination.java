package io.mirrordrill.engine.model;

/** A {@code {source, destination}} pair: namespace and storage class mappings are checked the same way. */
public interface SourceDestination {
    String source();

    String destination();
}
