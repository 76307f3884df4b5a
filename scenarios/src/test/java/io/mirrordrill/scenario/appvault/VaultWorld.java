package io.mirrordrill.scenario.appvault;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.mirrordrill.emulator.k8s.KubernetesCluster;
import io.mirrordrill.emulator.s3.S3Credentials;
import io.mirrordrill.emulator.s3.S3Endpoints;
import io.mirrordrill.emulator.s3.S3Store;
import io.mirrordrill.engine.appvault.AppVaultReconciler;
import io.mirrordrill.engine.controller.ProtectController;
import io.mirrordrill.engine.model.ResourceStatus;
import io.mirrordrill.runtime.Outcome;
import io.mirrordrill.runtime.ResourceKey;
import io.mirrordrill.engine.model.AppVault;
import io.mirrordrill.engine.model.Condition;
import io.mirrordrill.engine.model.ProtectApi;
import io.mirrordrill.engine.model.ResourceKind;
import io.mirrordrill.engine.model.crd.Crds;
import io.mirrordrill.engine.model.yaml.ProtectYaml;
import io.mirrordrill.port.kubernetes.KubernetesPort;
import io.mirrordrill.port.kubernetes.Resources;
import io.mirrordrill.port.objectstore.ObjectStoreConnector;
import io.mirrordrill.port.objectstore.ObjectStorePort;
import io.mirrordrill.port.objectstore.S3Target;
import io.mirrordrill.sim.World;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A two-site world for AppVault drills: the engine and its Kubernetes cluster at {@code dc1}, the vault's S3 store
 * (endpoint {@value #ENDPOINT}, bucket {@value #BUCKET}) at {@code dc2}, a 5 ms link between them, the AppVault CRD
 * and the {@value #NS} namespace installed, and every trace line kept.
 */
final class VaultWorld {
    static final String NS = "trident-protect";
    static final String ENDPOINT = "s3.dc2.example";
    static final String BUCKET = "archives";
    static final String VAULT = "generic-s3-vault";
    static final String SECRET = "s3-creds";

    final World world;
    final KubernetesCluster cluster;
    final KubernetesPort kube;
    final S3Store store;
    final S3Endpoints endpoints = new S3Endpoints();
    final ObjectStoreConnector connector;
    final ProtectController<AppVault, ResourceStatus> reconciler;
    final List<String> trace = new ArrayList<>();
    private final String accessKey;
    private final String secretKey;

    VaultWorld(long seed, String accessKey, String secretKey) {
        this.accessKey = accessKey;
        this.secretKey = secretKey;
        world = new World(seed);
        world.trace().subscribe(e -> trace.add(e.line()));
        world.network().site("dc1").site("dc2").link("dc1", "dc2", Duration.ofMillis(5), 125_000_000);
        cluster = new KubernetesCluster(world, "src", "dc1");
        kube = cluster.port();
        kube.create(Resources.fromTree(Crds.definition(ResourceKind.APP_VAULT)));
        kube.create(Resources.generic("v1", "Namespace", null, NS));
        store = new S3Store(world, "vault", "dc2");
        store.port("dc2").createBucket(BUCKET);
        endpoints.add(ENDPOINT, store, List.of(S3Credentials.of(accessKey, secretKey)));
        connector = endpoints.connector("dc1");
        reconciler = new ProtectController<>(kube, world, new AppVaultReconciler(kube, connector));
    }

    /** The vault's bucket as the engine at dc1 sees it with the right credentials. */
    ObjectStorePort bucket() {
        return connector.connect(new S3Target(ENDPOINT, BUCKET, null, true, false, null, null, accessKey, secretKey,
                null));
    }

    /** A Secret with base64 {@code data}, or plain {@code stringData}. */
    void secret(String namespace, String name, Map<String, String> values, boolean asStringData) {
        GenericKubernetesResource secret = Resources.generic("v1", "Secret", namespace, name);
        Map<String, Object> fields = new TreeMap<>();
        values.forEach((k, v) -> fields.put(k, asStringData ? v
                : Base64.getEncoder().encodeToString(v.getBytes(StandardCharsets.UTF_8))));
        secret.getAdditionalProperties().put("type", "Opaque");
        secret.getAdditionalProperties().put(asStringData ? "stringData" : "data", fields);
        kube.create(secret);
    }

    void credentials() {
        secret(NS, SECRET, Map.of("accessKeyID", accessKey, "secretAccessKey", secretKey), false);
    }

    /** An S3 AppVault as a user writes it. */
    static String s3Vault(String providerType, String bucket, String secret, String secretKeyKey) {
        return """
                apiVersion: protect.trident.netapp.io/v1
                kind: AppVault
                metadata:
                  name: %s
                  namespace: %s
                spec:
                  providerType: %s
                  providerConfig:
                    s3:
                      bucketName: %s
                      endpoint: %s
                      secure: "true"
                  providerCredentials:
                    accessKeyID:
                      valueFromSecret:
                        key: accessKeyID
                        name: %s
                    secretAccessKey:
                      valueFromSecret:
                        key: %s
                        name: %s
                """.formatted(VAULT, NS, providerType, bucket, ENDPOINT, secret, secretKeyKey, secret);
    }

    void apply(String yaml) {
        kube.create(ProtectYaml.genericOf(ProtectYaml.parse("appvault.yaml", yaml).get(0)));
    }

    Outcome reconcile() {
        return reconciler.reconcile(key());
    }

    static ResourceKey key() {
        return new ResourceKey(AppVault.KIND, NS, VAULT);
    }

    GenericKubernetesResource raw() {
        return kube.get(ProtectApi.API_VERSION, AppVault.KIND, NS, VAULT).orElseThrow();
    }

    AppVault vault() {
        return (AppVault) ProtectYaml.fromGeneric(raw());
    }

    Condition ready() {
        return vault().status().conditions().stream().filter(c -> c.type().equals("Ready")).findFirst()
                .orElseThrow();
    }
}
