package io.mirrordrill.contract;

import io.mirrordrill.emulator.s3.S3Store;
import io.mirrordrill.emulator.s3.S3StoreHandle;
import io.mirrordrill.port.objectstore.ObjectStorePort;
import io.mirrordrill.sim.World;

import java.util.List;

/** The contract against the in-memory store, called from its own site. */
class InMemoryStoreContractTest extends ObjectStorePortContract {
    private final World world = new World(7);
    private final S3StoreHandle port;

    InMemoryStoreContractTest() {
        world.network().site("dc1");
        port = new S3Store(world, "vault", "dc1").port("dc1");
    }

    @Override
    protected ObjectStorePort port() {
        return port;
    }

    @Override
    protected void uploadInParts(String bucket, String key, List<byte[]> parts) {
        String uploadId = port.createMultipartUpload(bucket, key);
        port.completeMultipartUpload(bucket, key, uploadId, java.util.stream.IntStream.range(0, parts.size())
                .mapToObj(i -> new S3Store.CompletedPart(i + 1, port.uploadPart(bucket, key, uploadId, i + 1, parts.get(i))))
                .toList());
    }
}
