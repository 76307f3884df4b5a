package io.mirrordrill.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.mirrordrill.scenario.fuzz.Shard;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** deploy/fuzz-job.yaml runs a campaign as one shard per index of an Indexed Job. */
class FuzzJobManifestTest {
    private static final Path MANIFEST = Path.of("../deploy/fuzz-job.yaml");

    @Test
    void theJobRunsShardIndexOfCompletionsPerPodIntoItsOwnDirectoryOnTheClaim() throws IOException {
        JsonNode job = new ObjectMapper(new YAMLFactory()).readTree(MANIFEST.toFile());
        assertEquals("batch/v1", job.path("apiVersion").asText());
        assertEquals("Job", job.path("kind").asText());
        JsonNode spec = job.path("spec");
        assertEquals("Indexed", spec.path("completionMode").asText());
        int completions = spec.path("completions").asInt();
        assertTrue(completions >= 1 && spec.path("parallelism").asInt() <= completions, spec.toString());
        assertEquals("Never", spec.at("/template/spec/restartPolicy").asText(), "what podFailurePolicy needs");

        JsonNode container = spec.at("/template/spec/containers/0");
        List<String> args = new ArrayList<>();
        container.path("args").forEach(a -> args.add(a.asText()));
        assertEquals(List.of("drill", "fuzz"), args.subList(0, 2));
        assertTrue(args.contains("--shard=$(JOB_COMPLETION_INDEX)/" + completions), "the index as the shard and"
                + " completions as the count: " + args);

        // the args as a pod of index 3 gets them (Kubernetes expands $(VAR) of the container's environment)
        List<String> pod = args.subList(2, args.size()).stream()
                .map(a -> a.replace("$(JOB_COMPLETION_INDEX)", "3")).toList();
        FuzzCommand fuzz = new FuzzCommand();
        new CommandLine(fuzz).parseArgs(pod.toArray(String[]::new));
        assertEquals(new Shard(3, completions), FuzzCommand.shard(fuzz.shard));
        FuzzCommand.range(fuzz.seeds);
        assertTrue(fuzz.jobs >= 1 && fuzz.jobs <= FuzzCommand.MAX_JOBS);

        Matcher cpus = Pattern.compile("\\d+").matcher(container.at("/resources/requests/cpu").asText());
        assertTrue(cpus.matches() && Integer.parseInt(cpus.group()) >= fuzz.jobs, "a core per job: " + fuzz.jobs);
        JsonNode mount = container.at("/volumeMounts/0");
        assertEquals(Path.of(mount.path("mountPath").asText()).resolve("shard-3"), fuzz.out, "each shard's own"
                + " directory on the results volume");
        JsonNode volume = spec.at("/template/spec/volumes/0");
        assertEquals(mount.path("name").asText(), volume.path("name").asText());
        assertTrue(!volume.at("/persistentVolumeClaim/claimName").asText().isEmpty(), volume.toString());
        spec.path("podFailurePolicy").path("rules").forEach(rule -> {
            if (rule.has("onExitCodes")) {
                assertEquals(container.path("name").asText(), rule.at("/onExitCodes/containerName").asText());
            }
        });
    }
}
