package io.mirrordrill.port.kubernetes;

import io.mirrordrill.port.MirrordrillException;

/** Receives the events of one watch, one at a time and in order. */
public interface WatchListener {
    void onEvent(WatchEvent event);

    /**
     * The watch ended without {@link Watch#close()} being called: the connection broke or the server expired it. The
     * caller lists again and watches from the last resourceVersion it saw.
     */
    default void onClose(MirrordrillException cause) {
    }
}
