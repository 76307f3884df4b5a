package io.mirrordrill.scenario.runner;

import io.mirrordrill.scenario.drill.Drill;
import io.mirrordrill.scenario.drill.DrillParser;
import io.mirrordrill.scenario.drill.Step;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A runbook step whose client is not installed fails naming the package, before any server starts. */
class ShStepsTest {
    @TempDir
    Path dir;

    @Test
    void aMissingKubectlOrAwsFailsTheStepNamingThePackageToInstall() throws IOException {
        Path file = dir.resolve("drill.yaml");
        Files.writeString(file, """
                name: missing
                description: d
                world:
                  sites: [east]
                  kubernetes: [{name: k8s-east, site: east}]
                steps:
                  - sh: kubectl get amr -A
                  - sh: "X=1 aws s3 ls"
                  - sh: "echo ok | k get ns"
                """);
        Drill drill = DrillParser.parse(file);
        Estate estate = Estate.build(drill.world(), 1, RunOptions.defaults());
        Vars vars = new Vars(estate, drill.vars());
        try (ShSteps sh = new ShSteps(estate, null, vars, estate.world().now(), dir.resolve("no-bin").toString(),
                new TreeSet<>())) {
            for (String[] expected : new String[][] {{"kubectl", "install the package kubectl"},
                    {"aws", "install the package awscli"}, {"k", "install the package kubectl"}}) {
                Step.Sh step = (Step.Sh) drill.steps().get(expected[0].equals("kubectl") ? 0
                        : expected[0].equals("aws") ? 1 : 2);
                StepFailure f = assertThrows(StepFailure.class, () -> sh.sh(step));
                assertTrue(f.getMessage().contains(expected[1]), f.getMessage());
            }
            assertTrue(sh.runs().isEmpty(), "nothing ran");
        }
    }
}
