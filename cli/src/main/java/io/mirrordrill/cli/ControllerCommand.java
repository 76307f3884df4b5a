package io.mirrordrill.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.mirrordrill.adapter.kubernetes.Fabric8KubernetesPort;
import io.mirrordrill.adapter.kubernetes.Fabric8PodExecPort;
import io.mirrordrill.adapter.kubernetes.RewatchingKubernetesPort;
import io.mirrordrill.adapter.ontap.OntapConfigException;
import io.mirrordrill.adapter.ontap.BackendSecretCredentials;
import io.mirrordrill.adapter.ontap.OntapCredentials;
import io.mirrordrill.adapter.ontap.OntapRestConfig;
import io.mirrordrill.adapter.ontap.OntapRestConnector;
import io.mirrordrill.adapter.s3.S3Connector;
import io.mirrordrill.adapter.time.ExecutorScheduler;
import io.mirrordrill.adapter.time.SystemClock;
import io.mirrordrill.engine.EnginePorts;
import io.mirrordrill.engine.EngineSettings;
import io.mirrordrill.port.MirrordrillException;
import io.mirrordrill.engine.ProtectEngine;
import io.mirrordrill.runtime.Controller;
import io.mirrordrill.runtime.Outcome;
import io.mirrordrill.port.UnreachableException;
import io.mirrordrill.port.kubernetes.KubernetesPort;
import io.mirrordrill.port.kubernetes.UnknownKindException;
import io.mirrordrill.port.objectstore.ObjectStoreConnector;
import io.mirrordrill.port.objectstore.ObjectStorePort;
import io.mirrordrill.port.objectstore.S3Target;
import io.mirrordrill.scenario.drill.DrillInputException;
import io.mirrordrill.scenario.drill.Units;
import io.mirrordrill.scenario.secret.Redactor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code mirrordrill controller}: the protect engine (every controller of {@link ProtectEngine}) against a real
 * Kubernetes cluster, on the production adapters: fabric8 for the cluster and pod exec, ONTAP REST by each Trident
 * backend's management LIF, S3 for AppVaults (credentials from their Secrets in the cluster), the system clock and a
 * scheduled executor. Runs until Ctrl-C, SIGTERM or {@code --for}.
 */
@Command(name = "controller", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Run mirrordrill's Trident protect engine (AppVault, Application, Snapshot, ShutdownSnapshot, Schedule,"
                + " SnapshotRestore and AppMirrorRelationship controllers) against a Kubernetes cluster, with the"
                + " production adapters: the same engine drills rehearse, on real time and real endpoints.",
            "ONTAP is reached at each Trident backend's managementLIF with the user --ontap-credentials gives for"
                + " that LIF, else the one Trident keeps in the backend's Secret (the TridentBackendConfig's"
                + " credentials Secret, or tbe-<backendUUID> for a backend made with tridentctl); AppVaults' buckets"
                + " with the keys of their Secrets. Reconciles that fail are printed (never a secret)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:stopped cleanly (--for elapsed, Ctrl-C or SIGTERM, or interrupted)",
            "1:an unexpected failure (a bug: one line; --debug adds the stack trace)",
            "2:bad input or usage (no kubeconfig or context, a bad option, the cluster unreachable or without the"
                + " protect CRDs)",
            "3:the leader lease was lost (--leader-elect): reconciling stopped; the Deployment restarts the replica"},
        footerHeading = "%nEnvironment:%n",
        footer = {"POD_NAMESPACE  the default of --lease-namespace (the Deployment sets it from the pod's namespace)",
            "POD_NAME       the default of --identity (the Deployment sets it from the pod's name)",
            "RESTORE_SKIP_NAMESPACE_ANNOTATIONS, RESTORE_SKIP_NAMESPACE_LABELS  the restore skip lists, as the"
                + " trident-protect-controller-manager reads them",
            "KUBECONFIG     the kubeconfig when --kubeconfig is not given; inside a pod without either, the pod's"
                + " service account is used"})
final class ControllerCommand implements Callable<Integer> {
    /** The controller manager's environment that the engine reads (the restore skip lists). */
    static final List<String> ENVIRONMENT = List.of("RESTORE_SKIP_NAMESPACE_ANNOTATIONS",
            "RESTORE_SKIP_NAMESPACE_LABELS");
    /** The controller's User-Agent towards the Kubernetes API server ("/<identity>" added with --leader-elect). */
    static final String USER_AGENT = "mirrordrill-controller";
    /** The "context" shown when running in a pod on its service account. */
    static final String IN_CLUSTER = "in-cluster";
    /** Exit code: the leader lease was lost, reconciling stopped (a replica restarted by its Deployment). */
    static final int LEASE_LOST = 3;
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    /** A credentials file is a few lines; a larger one is a mistake (a log, an image), not read. */
    static final long MAX_CREDENTIALS_BYTES = 1024 * 1024;

    @Spec
    CommandSpec spec;

    @Option(names = "--kubeconfig", paramLabel = "FILE", description = "The kubeconfig (default: the first file"
            + " of $KUBECONFIG, else ~/.kube/config).")
    Path kubeconfig;

    @Option(names = "--context", paramLabel = "NAME", description = "The kubeconfig context of the cluster to"
            + " reconcile (default: its current-context).")
    String context;

    @Option(names = "--ontap-credentials", paramLabel = "FILE", description = "ONTAP users by management LIF, JSON"
            + " or YAML: {\"ontap\": {\"<managementLIF>\": {\"username\": ..., \"password\": ...}}} (serve's"
            + " credentials.json has this shape), each with optional TLS settings \"rootCA\" (PEM) and"
            + " \"skipCertValidation\" (true/false). Keep it 0600; in a pod, mount it from a Secret. A LIF it does"
            + " not name is reached with its Trident backend's credentials Secret.")
    Path ontapCredentials;

    @Option(names = "--ontap-endpoint", paramLabel = "LIF=URL", description = "Reach the ONTAP cluster of a Trident"
            + " backend's managementLIF at URL instead (repeatable): a tunnel, or serve's estate whose LIFs are"
            + " cluster names. http is accepted for loopback hosts only.")
    List<String> ontapEndpoints = new ArrayList<>();

    @Option(names = "--s3-endpoint", paramLabel = "HOST=URL", description = "Reach an AppVault's S3 endpoint host"
            + " at URL instead (repeatable); the URL's scheme replaces the AppVault's 'secure'.")
    List<String> s3Endpoints = new ArrayList<>();

    @Option(names = "--for", paramLabel = "DURATION", description = "Stop after this much real time (30s, 5m,"
            + " 1h30m), for scripts and tests; default: until Ctrl-C or SIGTERM.")
    String forText;

    @Option(names = "--leader-elect", description = "Reconcile only while holding the leader Lease"
            + " (coordination.k8s.io/v1), so that replicas can run side by side with one active. Lost: exit 3.")
    boolean leaderElect;

    @Option(names = "--lease-namespace", paramLabel = "NS", description = "The Lease's namespace (default:"
            + " $POD_NAMESPACE, else mirrordrill-system).")
    String leaseNamespace;

    @Option(names = "--lease-name", paramLabel = "NAME", defaultValue = "mirrordrill-controller",
            description = "The Lease's name (default: ${DEFAULT-VALUE}).")
    String leaseName;

    @Option(names = "--lease-duration", paramLabel = "DURATION", defaultValue = "15s", description = "How long"
            + " others wait for a silent leader before taking over (default ${DEFAULT-VALUE}); the leader renews"
            + " within two thirds of it or stops reconciling.")
    String leaseDurationText;

    @Option(names = "--identity", paramLabel = "ID", description = "This replica's name in the Lease (default:"
            + " $POD_NAME, else the host name and process id).")
    String identity;

    @Option(names = "--health-address", paramLabel = "[HOST]:PORT", description = "Serve /healthz, /readyz and"
            + " /metrics (Prometheus) at this address: ':8080' on every interface (in a pod), '127.0.0.1:0' an"
            + " ephemeral loopback port. Default: not served.")
    String healthAddress;


    @Override
    public Integer call() {
        Duration runFor = runFor();
        Duration leaseDuration = leaseDuration();
        java.net.InetSocketAddress health = healthAddress();
        Map<String, String> lifUrls = mappings("--ontap-endpoint", ontapEndpoints, "LIF",
                ControllerCommand::checkOntapUrl);
        Map<String, URI> s3Urls = new TreeMap<>();
        mappings("--s3-endpoint", s3Endpoints, "HOST", ControllerCommand::checkS3Url)
                .forEach((host, url) -> s3Urls.put(host.toLowerCase(Locale.ROOT), URI.create(url)));
        Path kubeconfigFile = inCluster() ? null : kubeconfigFile();
        String contextName = kubeconfigFile == null ? IN_CLUSTER : contextName(kubeconfigFile);
        List<String> passwords = new ArrayList<>();
        Map<String, java.util.function.UnaryOperator<OntapRestConfig.Builder>> tls = new TreeMap<>();
        Map<String, OntapCredentials> users = ontapCredentials == null ? Map.of()
                : readCredentials(ontapCredentials, passwords, tls);
        Redactor redact = new Redactor();
        passwords.forEach(redact::learnCredential);
        if (ontapCredentials != null && readableByOthers(ontapCredentials)) {
            spec.commandLine().getErr().println("mirrordrill controller: warning: " + ontapCredentials
                    + " holds passwords and others may read it; chmod 600 it");
        }

        PrintWriter console = spec.commandLine().getOut();
        Config config = config(kubeconfigFile, contextName);
        // its own name in the API server's audit log, as controllers give theirs
        // (with the replica's identity when replicas elect a leader, so the log tells them apart)
        String id = leaderElect ? identity() : null;
        config.setUserAgent(id == null ? USER_AGENT : USER_AGENT + "/" + id);
        KubernetesClient client = Fabric8KubernetesPort.jdkClient(config);
        ExecutorScheduler scheduler = null;
        ProtectEngine engine = null;
        UntilStopped until = new UntilStopped("mirrordrill-controller-shutdown", Duration.ofSeconds(15));
        boolean interrupted = false;
        AtomicLong reconciles = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long started = System.nanoTime();
        ControllerMetrics metrics = new ControllerMetrics();
        HealthServer healthServer = null;
        Elector elector = null;
        java.util.concurrent.atomic.AtomicBoolean lost = new java.util.concurrent.atomic.AtomicBoolean();
        try {
            Fabric8KubernetesPort kubernetes = new Fabric8KubernetesPort(client);
            requireProtectCrds(kubeconfigFile, contextName);
            scheduler = new ExecutorScheduler("controller", (what, e) -> {
                console.println(Instant.now() + " task failed: " + redact.redact(what + ": " + e));
                console.flush();
            });
            // a LIF's user from the file, else from its Trident backend's Secret (as Trident keeps it); a password
            // read there is known to the redaction before its first use
            BackendSecretCredentials fromBackends = new BackendSecretCredentials(kubernetes, redact::learnCredential);
            java.util.function.Function<String, OntapCredentials> userOf = lif -> users.containsKey(lif)
                    ? users.get(lif) : fromBackends.apply(lif);
            // a connector per LIF, each with that LIF's TLS settings (rootCA, skipCertValidation) from the file
            Map<String, OntapRestConnector> byLif = new java.util.concurrent.ConcurrentHashMap<>();
            io.mirrordrill.port.ontap.OntapConnector ontap = lif -> byLif.computeIfAbsent(lif == null ? "" : lif,
                    l -> new OntapRestConnector(userOf, x -> lifUrls.getOrDefault(x, x),
                            tls.getOrDefault(l, java.util.function.UnaryOperator.identity()))).connect(lif);
            // a watch the server ends (410 Gone) is opened again, or that kind would never be heard from again
            KubernetesPort watched = new RewatchingKubernetesPort(kubernetes, scheduler, line -> {
                console.println(Instant.now() + " " + redact.redact(line));
                console.flush();
            });
            EnginePorts ports = new EnginePorts(watched, ontap, new MappedS3(new S3Connector(), s3Urls),
                    new Fabric8PodExecPort(client), new SystemClock(), new TimedScheduler(scheduler));
            engine = new ProtectEngine(contextName, ports, settings());
            ProtectEngine running = engine;
            engine.onEvent(event -> {
                metrics.reconciled(event, TimedScheduler.elapsed());
                reconciles.incrementAndGet();
                if (event.outcome() instanceof Outcome.Failed f) {
                    failed.incrementAndGet();
                    console.println(failure(event, f, redact));
                    console.flush();
                }
            });
            if (health != null) {
                try {
                    healthServer = new HealthServer(health.getHostString(), health.getPort(), metrics::ready,
                            () -> metrics.scrape(Instant.now(), () -> kubernetes));
                } catch (IOException e) {
                    throw usage("--health-address", "cannot listen on " + healthAddress + " (" + OutputPaths
                            .reason(e) + ")", "give a free port, or :0 for any");
                }
            }
            if (leaderElect) {
                String ns = leaseNamespace();
                console.print(startLine(Redactor.maskUserInfo(config.getMasterUrl()), contextName, List.of(), lifUrls,
                        s3Urls, users.keySet(), runFor));
                console.println("Leader election: Lease " + ns + "/" + leaseName + " as " + id + " (lease "
                        + text(leaseDuration) + "); reconciling only while leading.");
                healthLine(console, healthServer);
                console.flush();
                elector = new Elector(client, ns, leaseName, id, leaseDuration, () -> {
                    if (until.isClosing()) {
                        return; // won while stopping: the scheduler is closed, the Lease is about to be released
                    }
                    running.start();
                    metrics.leader(true);
                    metrics.ready(true);
                    console.println(Instant.now() + " leading: reconciling " + String.join(", ", running.kinds()));
                    console.flush();
                }, () -> {
                    metrics.ready(false);
                    metrics.leader(false);
                    running.stop();
                    if (!until.isClosing()) {
                        lost.set(true);
                        console.println(Instant.now() + " lost the leader lease: reconciling stopped; exiting");
                        console.flush();
                        until.stopNow();
                    }
                }, leader -> {
                    console.println(Instant.now() + " leader: " + leader);
                    console.flush();
                });
            } else {
                engine.start();
                metrics.leader(true);
                metrics.ready(true);
                console.print(startLine(Redactor.maskUserInfo(config.getMasterUrl()), contextName, engine.kinds(),
                        lifUrls, s3Urls, users.keySet(), runFor));
                healthLine(console, healthServer);
                console.flush();
            }
            interrupted = until.await(runFor);
        } finally {
            until.closing();
            if (engine != null) {
                engine.stop();
            }
            if (scheduler != null) {
                scheduler.close(); // waits for a reconcile under way: it ends before the Lease is given up
            }
            if (elector != null) {
                elector.close(); // stops renewing and gives the Lease up, so another replica takes over at once
            }
            if (healthServer != null) {
                healthServer.close();
            }
            client.close();
            if (engine != null) {
                console.printf(Locale.ROOT, "Stopped after %s: %d reconciles, %d failed.%n",
                        Duration.ofNanos(System.nanoTime() - started).withNanos(0).toString().substring(2)
                                .toLowerCase(Locale.ROOT), reconciles.get(), failed.get());
                console.flush();
            }
            until.closed(interrupted);
        }
        return lost.get() ? LEASE_LOST : Main.PASSED;
    }

    // ---- input -------------------------------------------------------------------------------------------------

    private Duration runFor() {
        if (forText == null) {
            return null;
        }
        Duration d;
        try {
            d = Units.duration(forText).orElseThrow(() -> Units.looksLikeDuration(forText)
                    ? new NumberFormatException("beyond a Duration")
                    : usage("--for", "not a duration: \"" + forText + "\"", "write it as 30s, 5m, 1h30m or 250ms"));
        } catch (NumberFormatException | ArithmeticException e) {
            throw usage("--for", "\"" + forText + "\" is longer than a duration can be", "give e.g. --for 30m, or no"
                    + " --for to run until Ctrl-C");
        }
        if (d.isZero()) {
            throw usage("--for", "the duration must be longer than 0", "give e.g. --for 30s");
        }
        return d;
    }

    private Duration leaseDuration() {
        Duration d;
        try {
            d = Units.duration(leaseDurationText).orElse(null);
        } catch (NumberFormatException | ArithmeticException e) {
            d = null;
        }
        if (d == null || d.compareTo(Duration.ofSeconds(3)) < 0 || d.compareTo(Duration.ofHours(1)) > 0) {
            throw usage("--lease-duration", "\"" + leaseDurationText + "\" is not a duration from 3s to 1h",
                    "give e.g. --lease-duration 15s (client-go's default)");
        }
        return d;
    }

    private java.net.InetSocketAddress healthAddress() {
        if (healthAddress == null) {
            return null;
        }
        int colon = healthAddress.lastIndexOf(':');
        String host = colon <= 0 ? "0.0.0.0" : healthAddress.substring(0, colon);
        try {
            int port = Integer.parseInt(healthAddress.substring(colon + 1));
            if (port < 0 || port > 65535) {
                throw new NumberFormatException();
            }
            return new java.net.InetSocketAddress(host, port);
        } catch (NumberFormatException | IndexOutOfBoundsException e) {
            throw usage("--health-address", "\"" + healthAddress + "\" is not [HOST]:PORT", "give e.g."
                    + " --health-address :8080 or 127.0.0.1:0");
        }
    }

    private String leaseNamespace() {
        if (leaseNamespace != null) {
            return leaseNamespace;
        }
        String env = System.getenv("POD_NAMESPACE");
        return env == null || env.isBlank() ? "mirrordrill-system" : env;
    }

    private String identity() {
        if (identity != null) {
            return identity;
        }
        String env = System.getenv("POD_NAME");
        if (env != null && !env.isBlank()) {
            return env;
        }
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = "localhost";
        }
        return host + "_" + ProcessHandle.current().pid();
    }

    private static String text(Duration d) {
        return d.toString().substring(2).toLowerCase(Locale.ROOT);
    }

    private static void healthLine(PrintWriter console, HealthServer server) {
        if (server != null) {
            console.println("Health and metrics on port " + server.port() + ": /healthz /readyz /metrics");
        }
    }

    /** {@code KEY=URL} options into a map; a key given twice, a missing '=' or a bad URL is bad input. */
    private static Map<String, String> mappings(String option, List<String> given, String keyName,
                                                java.util.function.Function<String, String> checkUrl) {
        Map<String, String> map = new TreeMap<>();
        for (String text : given) {
            int eq = text.indexOf('=');
            // a URL may carry user:password@: never echo that part
            String shown = S3Target.redactUserInfo(text.substring(eq + 1));
            shown = eq < 0 ? S3Target.redactUserInfo(text) : text.substring(0, eq) + "=" + shown;
            if (eq <= 0 || eq == text.length() - 1) {
                throw usage(option, "\"" + shown + "\" is not " + keyName + "=URL", "write it as " + option + " "
                        + keyName + "=https://host:port, e.g. " + option + " "
                        + (keyName.equals("LIF") ? "10.0.0.5=https://127.0.0.1:8443" : "s3.example.com=https://127.0.0.1:9000"));
            }
            String key = text.substring(0, eq).trim();
            String url = text.substring(eq + 1).trim();
            String problem = checkUrl.apply(url);
            if (problem != null) {
                throw usage(option, "\"" + shown + "\": " + problem, "give a URL such as https://host:port");
            }
            if (map.put(key, url) != null) {
                throw usage(option, keyName + " " + key + " is mapped twice", "give one URL per " + keyName);
            }
        }
        return map;
    }

    /** The adapter's own rules for a base URL (https, or http on loopback; no path, no user info). */
    private static String checkOntapUrl(String url) {
        try {
            OntapRestConfig.builder().baseUrl(url).credentials("check", "check").build();
            return null;
        } catch (OntapConfigException e) {
            return e.getMessage();
        }
    }

    private static String checkS3Url(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                return "the URL needs http:// or https:// and a host";
            }
            if (uri.getUserInfo() != null) {
                return "the URL must not carry credentials";
            }
            return null;
        } catch (java.net.URISyntaxException e) {
            return "not a URL";
        }
    }

    /**
     * In a pod: no --kubeconfig, no $KUBECONFIG and no ~/.kube/config, but the service account's token mounted and
     * the API server's address in the environment (what client-go's rest.InClusterConfig reads).
     */
    private boolean inCluster() {
        String env = System.getenv("KUBECONFIG");
        return kubeconfig == null && (env == null || env.isBlank())
                && !Files.exists(Path.of(System.getProperty("user.home"), ".kube", "config"))
                && System.getenv("KUBERNETES_SERVICE_HOST") != null
                && Files.isReadable(Path.of(Config.KUBERNETES_SERVICE_ACCOUNT_TOKEN_PATH));
    }

    /** The kubeconfig's context, or in a pod (no file) the service account's configuration. */
    private static Config config(Path kubeconfigFile, String context) {
        return kubeconfigFile == null ? new io.fabric8.kubernetes.client.ConfigBuilder().build()
                : Config.fromKubeconfig(context, kubeconfigFile.toFile());
    }

    private Path kubeconfigFile() {
        Path file = kubeconfig;
        String source = "--kubeconfig";
        if (file == null) {
            String env = System.getenv("KUBECONFIG");
            if (env != null && !env.isBlank()) {
                file = Path.of(env.split(File.pathSeparator)[0]);
                source = "$KUBECONFIG";
            } else {
                file = Path.of(System.getProperty("user.home"), ".kube", "config");
                source = "the default";
            }
        }
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw usage("--kubeconfig", "no readable kubeconfig at " + file + " (" + source + ")",
                    "give --kubeconfig FILE, or set KUBECONFIG");
        }
        try {
            if (Files.size(file) > MAX_CREDENTIALS_BYTES * 16) {
                throw usage("--kubeconfig", file + " (" + source + ") is larger than " + MAX_CREDENTIALS_BYTES * 16
                        + " bytes, too large for a kubeconfig", "give --kubeconfig FILE, or set KUBECONFIG");
            }
        } catch (IOException e) {
            throw usage("--kubeconfig", "cannot read " + file + " (" + OutputPaths.reason(e) + ")",
                    "give --kubeconfig FILE, or set KUBECONFIG");
        }
        return file;
    }

    /** The context to use: --context, else the current-context; it must be one of the file's contexts. */
    private String contextName(Path file) {
        JsonNode tree;
        try {
            tree = YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw usage("--kubeconfig", file + " is not a kubeconfig (" + (e instanceof
                    com.fasterxml.jackson.core.JsonProcessingException ? "not YAML" : OutputPaths.reason(e)) + ")",
                    "give a kubeconfig file (kubectl config view --raw writes one)");
        }
        TreeSet<String> contexts = new TreeSet<>();
        if (tree != null) {
            tree.path("contexts").forEach(c -> contexts.add(c.path("name").asText()));
        }
        String name = context;
        if (name == null) {
            name = tree == null ? "" : tree.path("current-context").asText("");
            if (name.isEmpty()) {
                throw usage("--context", file + " has no current-context", "give --context NAME, one of "
                        + contexts);
            }
        }
        if (!contexts.contains(name)) {
            throw usage("--context", "no context \"" + name + "\" in " + file, contexts.isEmpty()
                    ? "give a kubeconfig with contexts" : "give --context NAME, one of " + contexts);
        }
        return name;
    }

    /** Users by LIF; a file that cannot be read or an entry without a user or password is bad input. */
    static Map<String, OntapCredentials> readCredentials(Path file, List<String> passwords,
            Map<String, java.util.function.UnaryOperator<OntapRestConfig.Builder>> tls) {
        String shape = "give a JSON or YAML file {\"ontap\": {\"<managementLIF>\": {\"username\": ...,"
                + " \"password\": ...}}}";
        // the type first: a FIFO or a device would block the read (or never end), a directory cannot be read
        if (!Files.isRegularFile(file)) {
            throw usage("--ontap-credentials", file + (Files.exists(file) ? " is " + kind(file) + ", not a file"
                    : " does not exist"), shape);
        }
        try {
            if (Files.size(file) > MAX_CREDENTIALS_BYTES) {
                throw usage("--ontap-credentials", file + " is larger than " + MAX_CREDENTIALS_BYTES + " bytes, too"
                        + " large for a credentials file", shape);
            }
        } catch (IOException e) {
            throw usage("--ontap-credentials", "cannot read " + file + " (" + OutputPaths.reason(e) + ")", shape);
        }
        JsonNode tree;
        try {
            tree = YAML.readTree(file.toFile());
        } catch (IOException e) {
            // the parser's message can quote the file's text: name the file and the kind of problem only
            throw usage("--ontap-credentials", "cannot read " + file + " (" + (e instanceof
                    com.fasterxml.jackson.core.JsonProcessingException ? "not JSON or YAML" : OutputPaths.reason(e))
                    + ")",
                    "give a JSON or YAML file {\"ontap\": {\"<managementLIF>\": {\"username\": ...,"
                            + " \"password\": ...}}}");
        }
        JsonNode ontap = tree == null ? null : tree.get("ontap");
        if (ontap == null || !ontap.isObject()) {
            throw usage("--ontap-credentials", file + " has no \"ontap\" object", "give"
                    + " {\"ontap\": {\"<managementLIF>\": {\"username\": ..., \"password\": ...}}}");
        }
        Map<String, OntapCredentials> users = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = ontap.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String user = e.getValue().path("username").asText("");
            String password = e.getValue().path("password").asText("");
            if (user.isEmpty() || password.isEmpty()) {
                throw usage("--ontap-credentials", file + ": ontap." + e.getKey() + " needs a username and a"
                        + " password", "give both for every management LIF");
            }
            JsonNode rootCA = e.getValue().get("rootCA");
            JsonNode skip = e.getValue().get("skipCertValidation");
            if (rootCA != null && !rootCA.isTextual() || skip != null && !skip.isBoolean()) {
                throw usage("--ontap-credentials", file + ": ontap." + e.getKey() + ": rootCA must be a PEM string"
                        + " and skipCertValidation true or false", "fix that entry");
            }
            java.util.function.UnaryOperator<OntapRestConfig.Builder> lifTls = b -> b
                    .skipCertValidation(skip != null && skip.asBoolean())
                    .rootCA(rootCA == null ? null : rootCA.asText());
            try {
                // the adapter's own checks of the settings, before anything runs
                lifTls.apply(OntapRestConfig.builder().baseUrl("https://127.0.0.1").credentials(user, password))
                        .build();
                users.put(e.getKey(), OntapCredentials.of(user, password));
                tls.put(e.getKey(), lifTls);
                passwords.add(password);
            } catch (OntapConfigException bad) {
                throw usage("--ontap-credentials", file + ": ontap." + e.getKey() + ": " + bad.getMessage(),
                        "fix that entry");
            }
        }
        return users;
    }

    /** What a path that is not a regular file is, in words. */
    private static String kind(Path file) {
        if (Files.isDirectory(file)) {
            return "a directory";
        }
        try {
            Object fifo = Files.readAttributes(file, "unix:mode").get("mode");
            int type = fifo instanceof Integer mode ? mode & 0170000 : 0;
            return type == 0010000 ? "a named pipe (FIFO)" : type == 0020000 ? "a character device"
                    : type == 0060000 ? "a block device" : type == 0140000 ? "a socket" : "not a regular file";
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "not a regular file";
        }
    }

    /** On a POSIX file system: whether the group or others have any permission on the file. */
    private static boolean readableByOthers(Path file) {
        try {
            return Files.getPosixFilePermissions(file).stream().anyMatch(p -> p.name().startsWith("GROUP_")
                    || p.name().startsWith("OTHERS_"));
        } catch (UnsupportedOperationException | IOException e) {
            return false;
        }
    }

    private static EngineSettings settings() {
        Map<String, String> env = new TreeMap<>();
        for (String name : ENVIRONMENT) {
            String value = System.getenv(name);
            if (value != null) {
                env.put(name, value);
            }
        }
        return new EngineSettings(env);
    }

    /** The cluster must answer and serve the protect CRDs, else nothing would ever be reconciled. */
    private static void requireProtectCrds(Path kubeconfigFile, String context) {
        // a client of its own without fabric8's retries, so an unreachable server is reported at once
        Config probe = config(kubeconfigFile, context);
        probe.setRequestRetryBackoffLimit(0);
        String server = Redactor.maskUserInfo(probe.getMasterUrl());
        try (KubernetesClient client = Fabric8KubernetesPort.jdkClient(probe)) {
            new Fabric8KubernetesPort(client).resolve(ProtectEngine.GROUP_VERSION, "AppMirrorRelationship");
        } catch (UnknownKindException e) {
            throw usage("--context", "the cluster of context " + context + " (" + server + ") has no Trident"
                    + " protect CRDs", "install Trident protect's CRDs in it, or choose another --context");
        } catch (UnreachableException e) {
            throw usage("--context", "cannot reach the cluster of context " + context + " (" + server + "): "
                    + Redactor.maskUserInfo(e.getMessage()),
                    "check the kubeconfig's server and that the cluster is up");
        } catch (MirrordrillException e) {
            throw usage("--context", "the cluster of context " + context + " (" + server + ") refused to list"
                    + " CRDs: " + Redactor.maskUserInfo(e.getMessage()),
                    "use a context whose user may read CustomResourceDefinitions");
        }
    }

    private static DrillInputException usage(String field, String reason, String fix) {
        return BadInput.of(field, reason, fix);
    }

    // ---- output ------------------------------------------------------------------------------------------------

    private static String startLine(String server, String context, List<String> kinds, Map<String, String> lifUrls,
                                    Map<String, URI> s3Urls, java.util.Set<String> lifsWithUsers, Duration runFor) {
        StringBuilder s = new StringBuilder();
        s.append("mirrordrill controller: cluster ").append(server).append(" (context ").append(context)
                .append("), reconciling ").append(kinds.isEmpty() ? "the protect kinds while it leads"
                        : String.join(", ", kinds)).append(".\n");
        s.append("ONTAP users for management LIFs: ").append(lifsWithUsers.isEmpty() ? "none in --ontap-credentials"
                : String.join(", ", lifsWithUsers) + " (--ontap-credentials)").append(lifsWithUsers.isEmpty()
                ? "; each from its Trident backend's Secret\n" : "; others from their Trident backends' Secrets\n");
        lifUrls.forEach((lif, url) -> s.append("  ONTAP ").append(lif).append(" -> ").append(url).append('\n'));
        s3Urls.forEach((host, url) -> s.append("  S3 ").append(host).append(" -> ").append(url).append('\n'));
        s.append(runFor == null ? "Running until Ctrl-C or SIGTERM.\n" : "Running for " + runFor.toString()
                .substring(2).toLowerCase(Locale.ROOT) + ".\n");
        return s.toString();
    }

    private static String failure(Controller.Event event, Outcome.Failed f, Redactor redact) {
        String key = (event.key().namespace() == null ? "" : event.key().namespace() + "/") + event.key().name();
        return redact.redact(Instant.now() + " reconcile failed: " + event.controller() + " " + key + " (failure "
                + event.failures() + "): " + f.reason());
    }

    /** The S3 connector with AppVault endpoint hosts sent to other URLs (serve's estate, a tunnel). */
    private record MappedS3(ObjectStoreConnector delegate, Map<String, URI> byHost) implements ObjectStoreConnector {
        @Override
        public ObjectStorePort connect(S3Target t) {
            URI url = byHost.get(t.host());
            if (url == null) {
                return delegate.connect(t);
            }
            String endpoint = url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort());
            return delegate.connect(new S3Target(endpoint, t.bucket(), t.region(), url.getScheme()
                    .equalsIgnoreCase("https"), t.skipCertValidation(), t.rootCA(), t.proxyURL(), t.accessKeyID(),
                    t.secretAccessKey(), t.sessionToken()));
        }
    }
}
