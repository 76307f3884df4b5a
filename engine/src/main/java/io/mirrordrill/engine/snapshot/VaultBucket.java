package io.mirrordrill.engine.snapshot;

import io.mirrordrill.engine.archive.ArchiveReader;
import io.mirrordrill.engine.archive.ArchiveRetention;
import io.mirrordrill.engine.archive.ArchiveWriter;
import io.mirrordrill.port.objectstore.ObjectStoreConnector;
import io.mirrordrill.port.objectstore.ObjectStorePort;

/** An AppVault's bucket, connected: the archive writer, reader and retention on it. Closing releases the port. */
record VaultBucket(ObjectStorePort store, String bucket) implements AutoCloseable {
    ArchiveWriter writer() {
        return new ArchiveWriter(store, bucket);
    }

    ArchiveReader reader() {
        return new ArchiveReader(store, bucket);
    }

    ArchiveRetention retention() {
        return new ArchiveRetention(store, bucket);
    }

    @Override
    public void close() {
        ObjectStoreConnector.release(store);
    }
}
