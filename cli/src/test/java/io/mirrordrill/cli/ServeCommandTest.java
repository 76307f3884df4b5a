package io.mirrordrill.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;


import static io.mirrordrill.cli.Ran.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code serve}'s command line: help and bad input, refused before any world is built or port bound. */
class ServeCommandTest {
    @Test
    void helpSaysWhatEachChoiceOfRunStepsGives() {
        Ran r = run("serve", "--help");
        assertEquals(0, r.code(), r.err());
        String help = r.out().replaceAll("\\s+", " ");
        assertTrue(help.contains("--run-steps") && help.contains("Run the drill's steps first")
                && help.contains("Without it (the default): serve the drill's world before any step"), help);
        for (String option : new String[] {"--speed", "--port-base", "--out", "--for", "--seed"}) {
            assertTrue(help.contains(option), option + " in\n" + r.out());
        }
        assertTrue(run("--help").out().contains("serve"), "the top-level help lists serve");
    }

    @Test
    void anUnknownDrillIsBadInputNamingTheFix() {
        Ran r = run("serve", "no-such-drill", "--for", "1s");
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("no-such-drill") && r.err().contains("Fix:"), r.err());
    }

    @Test
    void aSpeedThatIsNotPositiveIsBadInput() {
        for (String speed : new String[] {"0", "-1", "NaN", "Infinity"}) {
            Ran r = run("serve", "setup-replication", "--speed", speed);
            assertEquals(2, r.code(), speed + ": " + r.err());
            assertTrue(r.err().contains("--speed") && r.err().contains("Fix: give simulated seconds per real second"),
                    r.err());
        }
        Ran r = run("serve", "setup-replication", "--speed", "fast");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("--speed"), r.err());
    }

    @Test
    void aDurationOrPortThatIsNotOneIsBadInput() {
        Ran r = run("serve", "setup-replication", "--for", "a while");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("--for") && r.err().contains("30s, 5m, 1h30m"), r.err());
        r = run("serve", "setup-replication", "--for", "0s");
        assertEquals(2, r.code(), r.err());
        r = run("serve", "setup-replication", "--port-base", "70000");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("--port-base") && r.err().contains("leave it out for ephemeral ports"), r.err());
    }

    @Test
    void anOutputDirectoryThatCannotBeMadeIsBadInput(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("a-file"), "not a directory");
        Ran r = run("serve", "setup-replication", "--out", file.resolve("out").toString(), "--for", "1s");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("--out") && r.err().contains("Fix: name a directory that can be written"),
                r.err());
    }

    @Test
    void aTargetNamingSeveralDrillsIsBadInput() {
        Ran r = run("serve", "../scenarios/drills", "--for", "1s");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().matches("(?s).*names \\d+ drills.*Fix: name one drill file or built-in drill.*"), r.err());
    }

    @Test
    void noEngineForAClusterTheDrillDoesNotHaveIsBadInputNamingTheClusters() {
        Ran r = run("serve", "setup-replication", "--no-engine", "k8s-north", "--for", "1s");
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("--no-engine") && r.err().contains("k8s-north")
                && r.err().contains("[k8s-east, k8s-west]"), r.err());
    }
}
