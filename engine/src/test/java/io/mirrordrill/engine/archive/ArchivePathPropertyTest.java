package io.mirrordrill.engine.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.mirrordrill.testkit.property.Gen;
import io.mirrordrill.testkit.property.KubeGen;
import io.mirrordrill.testkit.property.Property;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Archive paths on generated names, UIDs and times: they round-trip, and no traversal gets through. */
class ArchivePathPropertyTest {
    /** DNS-1123 subdomains: labels joined by dots. */
    private static final Gen<String> NAMES = Gen.lists(KubeGen.names(20), 1, 3).map(l -> String.join(".", l));
    private static final Gen<String> UIDS = Gen.zip(Gen.strings("0123456789abcdefABCDEF", 1, 1),
            Gen.strings("0123456789abcdef-", 0, 40), String::concat);
    /** 1970 to the last second of 9999: the times a 14-digit stamp can hold. */
    private static final Gen<Instant> TIMES = Gen.longs(0, 253_402_300_799L).map(Instant::ofEpochSecond);
    private static final Gen<ArchivePath> PATHS = Gen.zip(Gen.zip(NAMES, UIDS, List::of), TIMES,
            Gen.zip(NAMES, UIDS, List::of), (app, time, snap) -> new ArchivePath(app.get(0), app.get(1), time,
                    snap.get(0), snap.get(1)));

    @Test
    void aPathParsesBackToItselfWithOrWithoutATrailingSlash() {
        Property.forAll(PATHS).check(path -> {
            assertEquals(path, ArchivePath.parse(path.path(), "status.appArchivePath"));
            assertEquals(path, ArchivePath.parse(path.path() + "/", "status.appArchivePath"));
        });
    }

    @Test
    void aBasenameNamesTheSameArchiveOfItsApplication() {
        Property.forAll(PATHS).check(path -> assertEquals(path,
                ArchivePath.fromBasename(path.appName(), path.appUid(), path.basename(), "spec.promotedSnapshot")));
    }

    /** A valid path with segment {@code at} replaced (0 to 2) or a segment inserted before one (3 to 5; appended, an empty one is the accepted trailing slash), maybe absolute. */
    record Traversal(ArchivePath path, int at, String segment, boolean absolute) {
        String text() {
            List<String> segments = new ArrayList<>(Arrays.asList(path.path().split("/")));
            if (at < segments.size()) {
                segments.set(at, segment);
            } else {
                segments.add(at - segments.size(), segment);
            }
            return (absolute ? "/" : "") + String.join("/", segments);
        }
    }

    @Test
    void aPathWithATraversalOrEmptySegmentOrALeadingSlashIsNeverAccepted() {
        Gen<Traversal> traversals = Gen.zip(PATHS, Gen.ints(0, 5),
                Gen.zip(Gen.elements("..", ".", "", "..\\..", "../..", "a/../b"), Gen.booleans(), List::of),
                (path, at, rest) -> new Traversal(path, at, (String) rest.get(0), (Boolean) rest.get(1)));
        Property.forAll(traversals).check(t ->
                assertThrows(ArchivePathException.class, () -> ArchivePath.parse(t.text(), "input"), t.text()));
    }

    @Test
    void aNameOrUidWithATraversalIsRefused() {
        Gen<String> bad = Gen.zip(Gen.strings("ab-", 0, 4), Gen.elements("..", "/", "../", "_", "\\"),
                Gen.strings("ab-", 0, 4), (a, b, c) -> a + b + c);
        Property.forAll(Gen.zip(PATHS, bad, List::of)).check(c -> {
            ArchivePath p = (ArchivePath) c.get(0);
            String s = (String) c.get(1);
            assertThrows(ArchivePathException.class,
                    () -> new ArchivePath(s, p.appUid(), p.createdAt(), p.snapshotName(), p.snapshotUid()));
            assertThrows(ArchivePathException.class,
                    () -> new ArchivePath(p.appName(), s, p.createdAt(), p.snapshotName(), p.snapshotUid()));
            assertThrows(ArchivePathException.class,
                    () -> new ArchivePath(p.appName(), p.appUid(), p.createdAt(), s, p.snapshotUid()));
            assertThrows(ArchivePathException.class,
                    () -> new ArchivePath(p.appName(), p.appUid(), p.createdAt(), p.snapshotName(), s));
        });
    }
}
