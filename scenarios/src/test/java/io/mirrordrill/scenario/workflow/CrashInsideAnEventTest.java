package io.mirrordrill.scenario.workflow;

import io.mirrordrill.engine.EnginePorts;
import io.mirrordrill.engine.archive.ArchivePath;
import io.mirrordrill.engine.archive.ArchiveReader;
import io.mirrordrill.engine.archive.CorruptArchiveException;
import io.mirrordrill.engine.archive.Manifest;
import io.mirrordrill.port.objectstore.ObjectStorePort;
import io.mirrordrill.port.objectstore.WriteCondition;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A wrong order of writes inside one simulation event is visible now that a crash can strike between any two port
 * calls: an engine that commits an archive's manifest before the archive's other objects leaves a committed, partial
 * archive when it dies between them, which the retry after the restart takes as finished. A crash between events
 * (the only kind drills had) never sees it: the whole archive is written within one event.
 */
class CrashInsideAnEventTest {
    private static final long SEED = 71;

    /**
     * The planted defect: the source engine's archive writer puts the manifest first. Parts the engine puts while an
     * archive is being written are held back and put right after its manifest, each as its own request.
     */
    static final class ManifestFirst implements UnaryOperator<EnginePorts> {
        private final List<Object[]> held = new ArrayList<>();
        LongSupplier calls = () -> -1;
        /** The port call count right after the last manifest went out. */
        long manifestAt = -1;

        @Override
        public EnginePorts apply(EnginePorts ports) {
            return new EnginePorts(ports.kubernetes(), ports.ontap(), target -> held(ports.objectStores()
                    .connect(target)), ports.exec(), ports.clock(), ports.scheduler());
        }

        private ObjectStorePort held(ObjectStorePort real) {
            return (ObjectStorePort) Proxy.newProxyInstance(ObjectStorePort.class.getClassLoader(),
                    new Class<?>[] {ObjectStorePort.class}, (proxy, method, args) -> {
                        try {
                            if (method.getName().equals("put") && args.length == 4) {
                                String key = (String) args[1];
                                if (key.endsWith("/" + Manifest.OBJECT_NAME)) {
                                    Object etag = method.invoke(real, args);
                                    manifestAt = calls.getAsLong();
                                    List<Object[]> parts = List.copyOf(held);
                                    held.clear();
                                    for (Object[] part : parts) {
                                        method.invoke(real, part);
                                    }
                                    return etag;
                                }
                                if (args[3] == WriteCondition.IF_NONE_MATCH && (key.endsWith("/volumes.json")
                                        || key.endsWith("/hooks.json"))) {
                                    held.add(args.clone());
                                    return "\"held\"";
                                }
                            }
                            return method.invoke(real, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }
    }

    private static SeedEstate estate(ManifestFirst defect) {
        SeedEstate e = new SeedEstate(SEED, defect);
        defect.calls = e.source::enginePortCalls;
        e.write(e.source);
        return e;
    }

    private static ArchiveReader reader(SeedEstate e) {
        return new ArchiveReader(e.w.store("s3.east.example").port("east"), "trident-protect-src-bucket");
    }

    @Test
    void aCrashBetweenTheManifestAndTheRestOfItsArchiveLeavesACommittedPartialArchive() {
        // where the manifest goes out, counted from the snapshot's start (the same in every run of the seed)
        ManifestFirst watched = new ManifestFirst();
        SeedEstate clean = estate(watched);
        long start = clean.source.enginePortCalls();
        ArchivePath whole = clean.snapshot();
        long afterManifest = watched.manifestAt - start;
        assertTrue(afterManifest > 0, "the manifest went out during the snapshot");
        reader(clean).read(whole); // without a crash the defect is invisible: every object is there in the end

        ManifestFirst defect = new ManifestFirst();
        SeedEstate e = estate(defect);
        e.source.crashEngineAfter(afterManifest);
        e.w.world().schedule(Duration.ofMinutes(2), "restart the engine", e.source::restartEngine);
        ArchivePath path = e.snapshot();
        assertEquals(whole.path(), path.path(), "the same snapshot, finished by the restarted engine");
        CorruptArchiveException partial = assertThrows(CorruptArchiveException.class, () -> reader(e).read(path));
        assertTrue(partial.getMessage().contains("is missing"), partial.getMessage());

        // the real writer, killed at the same call, leaves parts without a manifest, and its retry finishes them
        SeedEstate fixed = new SeedEstate(SEED, UnaryOperator.identity());
        fixed.write(fixed.source);
        fixed.source.crashEngineAfter(afterManifest);
        fixed.w.world().schedule(Duration.ofMinutes(2), "restart the engine", fixed.source::restartEngine);
        reader(fixed).read(fixed.snapshot());
    }

    @Test
    void aCrashBetweenEventsNeverSeesTheWrongOrder() {
        SeedEstate e = estate(new ManifestFirst());
        e.source.crashEngine();
        e.w.world().schedule(Duration.ofMinutes(2), "restart the engine", e.source::restartEngine);
        reader(e).read(e.snapshot());
    }
}
