package scratch;

import io.mirrordrill.emulator.k8s.KubernetesCluster;
import io.mirrordrill.emulator.k8s.server.KubeApiServer;
import io.mirrordrill.engine.model.crd.Crds;
import io.mirrordrill.engine.model.yaml.ProtectYaml;
import io.mirrordrill.engine.port.kubernetes.Resources;
import io.mirrordrill.sim.World;
import org.junit.jupiter.api.Test;
import java.nio.file.*;
import java.time.Duration;

class ScratchServe {
    @Test
    void serve() throws Exception {
        World world = new World(7);
        world.network().site("dc");
        KubernetesCluster cluster = new KubernetesCluster(world, "east", "dc");
        KubeApiServer server = KubeApiServer.builder(cluster).port(18443).start();
        server.withLock(() -> {
            for (String m : Crds.manifests()) {
                cluster.port("dc").create(Resources.fromTree(ProtectYaml.parse("crd", m).get(0).tree()));
            }
        });
        Path flag = Path.of("/tmp/k8so/running");
        Files.writeString(flag, "x");
        while (Files.exists(flag)) {
            Thread.sleep(200);
            server.advance(Duration.ofMillis(200));
        }
        server.close();
    }
}
