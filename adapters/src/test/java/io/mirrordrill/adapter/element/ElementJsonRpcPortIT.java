package io.mirrordrill.adapter.element;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mirrordrill.emulator.element.ElementEmulator;
import io.mirrordrill.emulator.element.server.ElementJsonRpcServer;
import io.mirrordrill.port.UnreachableException;
import io.mirrordrill.port.element.ElementException;
import io.mirrordrill.sim.World;

import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What the adapter makes of answers that are not Element results: refusals of the transport, not of the API. */
class ElementJsonRpcPortIT {

    @Test
    void wrongCredentialsAreAnHttp401ErrorThatNamesNoPassword() {
        World world = new World(5);
        ElementEmulator element = new ElementEmulator(world);
        world.network().site("dc1");
        element.addCluster("sf1", "dc1");
        try (ElementJsonRpcServer server = ElementJsonRpcServer.builder(element, "sf1", "admin", "right").start()) {
            ElementJsonRpcPort port = new ElementJsonRpcPort(server.endpoint("12.3"), "admin", "wrong-secret");
            ElementException e = assertThrows(ElementException.class, port::listAccounts);
            assertEquals(401, e.code());
            assertEquals(ElementJsonRpc.HTTP_ERROR, e.name());
            assertFalse(e.getMessage().contains("wrong-secret"), e.getMessage());
        }
    }

    @Test
    void anEndpointWhereNothingListensIsUnreachable() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        ElementJsonRpcPort port = new ElementJsonRpcPort(URI.create("http://127.0.0.1:" + closed + "/json-rpc/12.3"),
                "admin", "secret", Duration.ofSeconds(2), Duration.ofSeconds(2));
        UnreachableException e = assertThrows(UnreachableException.class, port::listVolumes);
        assertTrue(e.getMessage().contains("127.0.0.1:" + closed), e.getMessage());
    }
}
