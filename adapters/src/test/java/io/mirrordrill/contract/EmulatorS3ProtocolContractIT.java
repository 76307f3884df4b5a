package io.mirrordrill.contract;

import io.mirrordrill.emulator.s3.S3Credentials;
import io.mirrordrill.emulator.s3.S3Server;
import io.mirrordrill.emulator.s3.S3Store;
import io.mirrordrill.sim.World;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import software.amazon.awssdk.services.s3.S3Client;

/** The protocol contract against the emulator's S3 server, with the SDK's default (aws-chunked) uploads. */
class EmulatorS3ProtocolContractIT extends S3ProtocolContract {
    private static S3Server server;
    private static S3Client s3;

    @BeforeAll
    static void start() {
        World world = new World(13);
        world.network().site("dc1");
        server = S3Server.start(new S3Store(world, "vault", "dc1"),
                List.of(S3Credentials.of("protocol-key", "protocol-secret")));
        s3 = client(server.endpoint(), "protocol-key", "protocol-secret", true);
    }

    @AfterAll
    static void stop() {
        s3.close();
        server.close();
    }

    @Override
    protected S3Client s3() {
        return s3;
    }
}
