package io.mirrordrill.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code controller}'s command line: help and bad input, refused before any cluster is contacted. */
class ControllerCommandTest {
    private record Ran(int code, String out, String err) {}

    @TempDir
    Path dir;

    private static Ran run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Ran(code, out.toString(), err.toString());
    }

    private Path kubeconfig() throws IOException {
        return Files.writeString(dir.resolve("kubeconfig"), """
                apiVersion: v1
                kind: Config
                clusters:
                - name: k8s-west
                  cluster: {server: "http://127.0.0.1:1"}
                contexts:
                - name: k8s-west
                  context: {cluster: k8s-west, user: mirrordrill}
                users:
                - name: mirrordrill
                  user: {}
                current-context: k8s-west
                """);
    }

    @Test
    void helpNamesEveryOptionAndTheTopLevelHelpListsTheCommand() {
        Ran r = run("controller", "--help");
        assertEquals(0, r.code(), r.err());
        for (String option : new String[] {"--kubeconfig", "--context", "--ontap-credentials", "--ontap-endpoint",
            "--s3-endpoint", "--for", "--leader-elect", "--lease-namespace", "--lease-name", "--lease-duration",
            "--identity", "--health-address", "POD_NAMESPACE", "POD_NAME", "RESTORE_SKIP_NAMESPACE_LABELS"}) {
            assertTrue(r.out().contains(option), option + " in\n" + r.out());
        }
        assertTrue(run("--help").out().contains("controller"), "the top-level help lists controller");
    }

    @Test
    void aMissingKubeconfigIsBadInputNamingTheFix() {
        Ran r = run("controller", "--kubeconfig", dir.resolve("nope").toString(), "--for", "1s");
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("--kubeconfig") && r.err().contains("nope") && r.err().contains("Fix:"),
                r.err());
    }

    @Test
    void anUnknownContextIsBadInputNamingTheContextsThereAre() throws IOException {
        Ran r = run("controller", "--kubeconfig", kubeconfig().toString(), "--context", "k8s-north");
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("k8s-north") && r.err().contains("[k8s-west]") && r.err().contains("Fix:"),
                r.err());
    }

    @Test
    void anOntapEndpointThatIsNotLifEqualsUrlIsBadInput() throws IOException {
        String kc = kubeconfig().toString();
        for (String bad : new String[] {"ontap-east", "=http://127.0.0.1:1", "ontap-east=", "ontap-east=ftp://x",
            "ontap-east=http://10.1.2.3:8080", "ontap-east=https://admin:pw@host"}) {
            Ran r = run("controller", "--kubeconfig", kc, "--ontap-endpoint", bad);
            assertEquals(2, r.code(), bad + ": " + r.err());
            assertTrue(r.err().contains("--ontap-endpoint") && r.err().contains("Fix:"), r.err());
            assertFalse(r.err().contains(":pw@"), "no credentials echoed: " + r.err());
        }
        Ran twice = run("controller", "--kubeconfig", kc, "--ontap-endpoint", "a=https://h1",
                "--ontap-endpoint", "a=https://h2");
        assertEquals(2, twice.code(), twice.err());
        assertTrue(twice.err().contains("mapped twice"), twice.err());
        Ran s3 = run("controller", "--kubeconfig", kc, "--s3-endpoint", "s3.example.com");
        assertEquals(2, s3.code(), s3.err());
        assertTrue(s3.err().contains("--s3-endpoint"), s3.err());
    }

    @Test
    void perLifTlsSettingsOfTheWrongTypeAreBadInputAndALeaseDurationOrHealthAddressThatIsNotOneToo()
            throws IOException {
        Path creds = Files.writeString(dir.resolve("creds.json"), "{\"ontap\": {\"ontap-east\": {\"username\":"
                + " \"u\", \"password\": \"Sekr3t-pw\", \"skipCertValidation\": \"yes\"}}}");
        Ran r = run("controller", "--kubeconfig", kubeconfig().toString(), "--ontap-credentials", creds.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("ontap.ontap-east") && r.err().contains("skipCertValidation"), r.err());
        assertFalse(r.err().contains("Sekr3t"), r.err());
        Ran lease = run("controller", "--kubeconfig", kubeconfig().toString(), "--lease-duration", "1s");
        assertEquals(2, lease.code(), lease.err());
        assertTrue(lease.err().contains("--lease-duration") && lease.err().contains("3s to 1h"), lease.err());
        Ran health = run("controller", "--kubeconfig", kubeconfig().toString(), "--health-address", "localhost:http");
        assertEquals(2, health.code(), health.err());
        assertTrue(health.err().contains("[HOST]:PORT"), health.err());
    }

    @Test
    void credentialsWithoutAPasswordAreBadInputAndNoValueIsShown() throws IOException {
        Path creds = Files.writeString(dir.resolve("creds.json"),
                "{\"ontap\": {\"ontap-east\": {\"username\": \"admin-user-x\"}}}");
        Ran r = run("controller", "--kubeconfig", kubeconfig().toString(), "--ontap-credentials", creds.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("ontap.ontap-east") && r.err().contains("password"), r.err());
        Path broken = Files.writeString(dir.resolve("broken.json"), "{\"ontap\": {\"x\": \"Sekr3t-value");
        Ran b = run("controller", "--kubeconfig", kubeconfig().toString(), "--ontap-credentials", broken.toString());
        assertEquals(2, b.code(), b.err());
        assertFalse(b.err().contains("Sekr3t"), b.err());
    }

    @Test
    void anUnreachableClusterIsBadInputNamingTheServer() throws IOException {
        Ran r = run("controller", "--kubeconfig", kubeconfig().toString(), "--for", "1s");
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("127.0.0.1:1") && r.err().contains("Fix:"), r.err());
    }

    @Test
    void anUnreachableClusterWhoseServerUrlCarriesAPasswordIsNamedWithoutIt() throws IOException {
        Path kc = Files.writeString(dir.resolve("kubeconfig-pw"), Files.readString(kubeconfig())
                .replace("http://127.0.0.1:1", "http://admin:Pw-7hq2kX9@127.0.0.1:1"));
        Ran r = run("controller", "--kubeconfig", kc.toString(), "--for", "1s");
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("http://***@127.0.0.1:1") && r.err().contains("Fix:"), r.err());
        assertFalse((r.out() + r.err()).contains("Pw-7hq2kX9"), r.out() + r.err());
    }

    @Test
    void aForThatIsNotADurationIsBadInput() throws IOException {
        Ran r = run("controller", "--kubeconfig", kubeconfig().toString(), "--for", "soon");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("--for"), r.err());
    }

    @Test
    void credentialsOthersMayReadAreWarnedAboutWithoutTheirValues() throws IOException {
        Path creds = Files.writeString(dir.resolve("creds.json"),
                "{\"ontap\": {\"ontap-east\": {\"username\": \"admin\", \"password\": \"Sekr3t-value\"}}}");
        Files.setPosixFilePermissions(creds, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        Ran r = run("controller", "--kubeconfig", kubeconfig().toString(), "--ontap-credentials", creds.toString());
        assertEquals(2, r.code(), r.err());   // the cluster of this kubeconfig is not there
        assertTrue(r.err().contains("others may read it; chmod 600"), r.err());
        assertFalse((r.out() + r.err()).contains("Sekr3t"), r.err());

        Files.setPosixFilePermissions(creds, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        Ran quiet = run("controller", "--kubeconfig", kubeconfig().toString(), "--ontap-credentials",
                creds.toString());
        assertFalse(quiet.err().contains("chmod 600"), quiet.err());
    }

    @Test
    void aNamedPipeAsCredentialsIsRefusedAtOnceWithoutOpeningIt() throws Exception {
        Path fifo = dir.resolve("credentials.fifo");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).redirectErrorStream(true).start();
        assertEquals(0, mkfifo.waitFor(), "mkfifo (coreutils) makes the named pipe this test needs");

        // opening a FIFO for reading blocks until a writer comes: a hang would time the test out
        Ran r = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(20),
                () -> run("controller", "--kubeconfig", kubeconfig().toString(), "--ontap-credentials",
                        fifo.toString(), "--for", "1s"));

        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("--ontap-credentials: " + fifo + " is a named pipe (FIFO), not a file"), r.err());
        assertTrue(r.err().contains("Fix:"), r.err());
    }
}
