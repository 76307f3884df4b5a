package io.mirrordrill.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * deploy/ as an operator applies it, with the real kubectl against a served cluster: {@code kubectl apply
 * --dry-run=server -k deploy/} renders the kustomization and the server validates every object without keeping
 * one; then the real apply creates them.
 */
class DeployManifestsIT {
    @TempDir
    Path dir;

    private CommandThread serve;

    @AfterEach
    void stop() throws InterruptedException {
        if (serve != null && serve.alive()) {
            serve.stop();
        }
    }

    @Test
    void kubectlServerDryRunOfTheKustomizationSucceedsKeepsNothingAndTheApplyThenCreatesIt() throws Exception {
        Path out = dir.resolve("serve");
        serve = CommandThread.start("serve-deploy-it", "Serving until Ctrl-C", "serve", "setup-replication",
                "--out", out.toString(), "--no-progress");
        KubectlCli kubectl = new KubectlCli(out.resolve("kubeconfig"), dir);
        String deploy = RbacRules.deployDirectory().toAbsolutePath().toString();

        // as on a real API server, a dry run cannot put objects into a namespace it only pretends to create: the
        // namespace comes first (docs/controller.md says so), as does the credentials Secret
        KubectlCli.Result ns = kubectl.run("--context", "k8s-west", "create", "namespace", "mirrordrill-system");
        assertEquals(0, ns.exit(), ns.describe());
        KubectlCli.Result dry = kubectl.run(60, "--context", "k8s-west", "apply", "--dry-run=server", "-k", deploy);
        assertEquals(0, dry.exit(), dry.describe());
        assertTrue(dry.out().contains("deployment.apps/mirrordrill-controller created (server dry run)"),
                dry.describe());
        assertTrue(dry.out().contains("clusterrole.rbac.authorization.k8s.io/mirrordrill-controller created (server"
                + " dry run)"), dry.describe());
        for (String kept : new String[] {"deployment/mirrordrill-controller", "serviceaccount/mirrordrill-controller",
            "role/mirrordrill-controller-leader-election"}) {
            KubectlCli.Result none = kubectl.run("--context", "k8s-west", "-n", "mirrordrill-system", "get", kept);
            assertTrue(none.exit() != 0 && none.err().contains("NotFound"), "a dry run keeps nothing: "
                    + none.describe());
        }
        KubectlCli.Result role = kubectl.run("--context", "k8s-west", "get", "clusterrole", "mirrordrill-controller");
        assertTrue(role.exit() != 0 && role.err().contains("NotFound"), role.describe());

        KubectlCli.Result applied = kubectl.run(60, "--context", "k8s-west", "apply", "-k", deploy);
        assertEquals(0, applied.exit(), applied.describe());
        KubectlCli.Result replicas = kubectl.run("--context", "k8s-west", "-n", "mirrordrill-system", "get",
                "deployment", "mirrordrill-controller", "-o", "jsonpath={.spec.replicas}");
        assertEquals("2", replicas.out().trim(), replicas.describe());
        assertEquals(0, serve.stop(), serve.console());
    }

    @Test
    void theFuzzCampaignJobIsAcceptedByKubectlServerDryRunAsAnIndexedJob() throws Exception {
        Path out = dir.resolve("serve-fuzz");
        serve = CommandThread.start("serve-fuzz-job-it", "Serving until Ctrl-C", "serve", "setup-replication",
                "--out", out.toString(), "--no-progress");
        KubectlCli kubectl = new KubectlCli(out.resolve("kubeconfig"), dir);
        String job = RbacRules.deployDirectory().resolve("fuzz-job.yaml").toAbsolutePath().toString();

        KubectlCli.Result dry = kubectl.run(60, "--context", "k8s-west", "-n", "my-app-namespace", "apply",
                "--dry-run=server", "-f", job, "-o", "jsonpath={.spec.completionMode}/{.spec.completions}");
        assertEquals(0, dry.exit(), dry.describe());
        assertEquals("Indexed/8", dry.out().trim(), dry.describe());
        KubectlCli.Result none = kubectl.run("--context", "k8s-west", "-n", "my-app-namespace", "get", "job",
                "mirrordrill-fuzz");
        assertTrue(none.exit() != 0 && none.err().contains("NotFound"), "a dry run keeps nothing: " + none.describe());
        assertEquals(0, serve.stop(), serve.console());
    }
}
