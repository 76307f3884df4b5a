package io.mirrordrill.port.objectstore;

/**
 * Opens an {@link ObjectStorePort} on the bucket an AppVault names, with the AppVault's credentials. Connecting does
 * not talk to the store (as with an S3 client, a wrong key or an unreachable endpoint shows at the first request),
 * except that an endpoint which cannot exist may fail at once with
 * {@link io.mirrordrill.port.UnreachableException}. A configuration that cannot work (an unreadable
 * {@code rootCA}, a malformed proxy URL) fails with a {@link io.mirrordrill.port.MirrordrillException} naming the
 * field, never a credential value.
 *
 * <p>The port may hold resources (connections, threads): whoever connects closes it with {@link #release}.
 */
public interface ObjectStoreConnector {

    ObjectStorePort connect(S3Target target);

    /** Closes a port obtained from {@link #connect} when it holds resources; a no-op otherwise. */
    static void release(ObjectStorePort port) {
        if (port instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                // closing frees resources; a failure to do so leaves nothing for the caller to act on
            }
        }
    }
}
