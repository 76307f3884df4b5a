package io.mirrordrill.cli;

import io.mirrordrill.scenario.drill.Units;
import io.mirrordrill.scenario.world.ServedWorld;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** What {@code serve} prints: what runs where and how to use it, then what the clock did. Never a secret. */
final class ServeSummary {
    private ServeSummary() {
    }

    static String of(String drill, long seed, boolean stepsRun, double speed, Instant simulatedStart,
                     ServedWorld served, Path out, Duration runFor) {
        StringBuilder s = new StringBuilder();
        s.append("Serving ").append(drill).append(" (seed ").append(seed).append("): ")
                .append(stepsRun ? "the world as the drill's last step left it" : "the drill's world before any step")
                .append(".\nSimulated time ").append(simulatedStart).append(", running at ")
                .append(ServeCommand.speed(speed)).append("x real time.\n\n");
        s.append("Kubernetes API servers (plain HTTP, no authentication)\n");
        int w = served.kubernetes().stream().mapToInt(k -> k.name().length()).max().orElse(0);
        for (ServedWorld.Kube k : served.kubernetes()) {
            s.append("  ").append(pad(k.name(), w)).append("  site ").append(k.site()).append("  ").append(k.url())
                    .append(served.world().cluster(k.name()).engine().isRunning() ? ""
                            : "  (no protect engine: for 'mirrordrill controller')").append('\n');
        }
        if (!served.ontap().isEmpty()) {
            s.append("ONTAP REST servers (plain HTTP, basic auth: user ").append(ServeCommand.ONTAP_USER)
                    .append(", passwords in credentials.json)\n");
            w = served.ontap().stream().mapToInt(o -> o.name().length()).max().orElse(0);
            for (ServedWorld.Ontap o : served.ontap()) {
                s.append("  ").append(pad(o.name(), w)).append("  site ").append(o.site()).append("  ")
                        .append(o.url()).append("  SVMs ").append(String.join(", ", o.svms())).append('\n');
            }
        }
        if (!served.s3().isEmpty()) {
            s.append("S3 servers (plain HTTP, path-style, SigV4, region ").append(served.s3().get(0).region())
                    .append(", access keys in credentials.json)\n");
            w = served.s3().stream().mapToInt(o -> o.host().length()).max().orElse(0);
            for (ServedWorld.S3 o : served.s3()) {
                s.append("  ").append(pad(o.host(), w)).append("  site ").append(o.site()).append("  ")
                        .append(o.url()).append("  buckets ").append(String.join(", ", o.buckets())).append('\n');
            }
        }
        String kubeconfig = out.resolve(ServeFiles.KUBECONFIG).toString();
        String endpoints = out.resolve(ServeFiles.ENDPOINTS).toString();
        String credentials = out.resolve(ServeFiles.CREDENTIALS).toString();
        w = Math.max(kubeconfig.length(), Math.max(endpoints.length(), credentials.length()));
        s.append("\nFiles\n");
        s.append("  ").append(pad(kubeconfig, w)).append("  a context per Kubernetes cluster, named after it\n");
        s.append("  ").append(pad(endpoints, w)).append("  every URL above, as JSON\n");
        s.append("  ").append(pad(credentials, w)).append("  mode 0600: ONTAP users and passwords, S3 access keys\n");
        s.append("\nTry\n");
        if (!served.kubernetes().isEmpty()) {
            String ctx = served.kubernetes().get(0).name();
            s.append("  kubectl --kubeconfig ").append(kubeconfig).append(" --context ").append(ctx)
                    .append(" get pods -A\n");
            s.append("  kubectl --kubeconfig ").append(kubeconfig).append(" --context ").append(ctx)
                    .append(" apply -f pvc.yaml   # validated against the server's OpenAPI; patch with --type merge\n");
        }
        if (!served.ontap().isEmpty()) {
            ServedWorld.Ontap o = served.ontap().get(0);
            s.append("  curl -u \"").append(ServeCommand.ONTAP_USER).append(":$(jq -r '.ontap[\"").append(o.name())
                    .append("\"].password' ").append(credentials).append(")\" ").append(o.url())
                    .append("/api/storage/volumes\n");
        }
        if (!served.s3().isEmpty()) {
            ServedWorld.S3 o = served.s3().get(0);
            String key = "jq -r '.s3[\"" + o.host() + "\"].";
            s.append("  AWS_ACCESS_KEY_ID=$(").append(key).append("accessKeyId' ").append(credentials)
                    .append(") AWS_SECRET_ACCESS_KEY=$(").append(key).append("secretAccessKey' ").append(credentials)
                    .append(") aws --endpoint-url ").append(o.url()).append(" --region ").append(o.region())
                    .append(" s3 ls s3://").append(o.buckets().isEmpty() ? "" : o.buckets().get(0)).append('\n');
        }
        s.append('\n').append(runFor == null ? "Serving until Ctrl-C.\n"
                : "Serving for " + Units.format(runFor) + ".\n");
        return s.toString();
    }

    static String stopped(ClockPump.Stats stats, double speed) {
        Duration simulated = Duration.between(stats.simulatedStart(), stats.simulatedNow());
        double achieved = stats.achievedSpeed();
        String pace = achieved < speed * 0.95
                ? String.format(Locale.ROOT, "%.0fx of the %sx asked: the world's events cost more than real time"
                        + " allows at that speed", achieved, ServeCommand.speed(speed))
                : ServeCommand.speed(speed) + "x";
        return String.format(Locale.ROOT, "Stopped. Simulated time ran from %s to %s (%s) in %.1f s of real time"
                        + " at %s; the clock pump held the world %.1f%% of the time (%d ticks, slowest %d ms%s).%n",
                stats.simulatedStart(), stats.simulatedNow().truncatedTo(ChronoUnit.MILLIS), Units.format(simulated),
                stats.real().toNanos() / 1e9, pace, 100 * stats.busyShare(), stats.ticks(),
                stats.slowestTick().toMillis(), stats.failures() == 0 ? ""
                        : ", " + stats.failures() + " failed events recorded in the trace");
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(Math.max(0, width - s.length()));
    }
}
