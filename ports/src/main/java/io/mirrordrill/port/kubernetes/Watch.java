package io.mirrordrill.port.kubernetes;

/** An open watch. Closing it stops delivery; no event arrives after {@link #close()} returns. */
public interface Watch extends AutoCloseable {
    @Override
    void close();
}
