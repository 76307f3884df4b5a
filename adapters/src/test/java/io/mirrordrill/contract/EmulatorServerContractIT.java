package io.mirrordrill.contract;

import io.mirrordrill.adapter.s3.S3Config;
import io.mirrordrill.adapter.s3.S3ObjectStore;
import io.mirrordrill.emulator.s3.S3Credentials;
import io.mirrordrill.emulator.s3.S3Server;
import io.mirrordrill.emulator.s3.S3Store;
import io.mirrordrill.port.objectstore.ObjectStorePort;
import io.mirrordrill.sim.World;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import software.amazon.awssdk.services.s3.S3Client;

/** The contract through the AWS SDK adapter, talking HTTP to the emulator's S3 server on loopback. */
class EmulatorServerContractIT extends ObjectStorePortContract {
    private static S3Server server;
    private static S3ObjectStore adapter;

    @BeforeAll
    static void start() {
        World world = new World(11);
        world.network().site("dc1");
        server = S3Server.start(new S3Store(world, "vault", "dc1"),
                List.of(S3Credentials.of("contract-key", "contract-secret")));
        adapter = new S3ObjectStore(S3Config.builder()
                .endpoint(server.endpoint().toString())
                .secure(false)
                .credentials("contract-key", "contract-secret", null)
                .build());
    }

    @AfterAll
    static void stop() {
        adapter.close();
        server.close();
    }

    @Override
    protected ObjectStorePort port() {
        return adapter;
    }

    @Override
    protected void uploadInParts(String bucket, String key, List<byte[]> parts) {
        try (S3Client s3 = S3ProtocolContract.client(server.endpoint(), "contract-key", "contract-secret", true)) {
            S3ProtocolContract.uploadInParts(s3, bucket, key, parts);
        }
    }
}
