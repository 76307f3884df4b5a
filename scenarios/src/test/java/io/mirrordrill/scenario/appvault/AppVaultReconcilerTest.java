package io.mirrordrill.scenario.appvault;

import static io.mirrordrill.scenario.appvault.VaultWorld.BUCKET;
import static io.mirrordrill.scenario.appvault.VaultWorld.NS;
import static io.mirrordrill.scenario.appvault.VaultWorld.SECRET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mirrordrill.engine.appvault.AppVaultReconciler;
import io.mirrordrill.runtime.Backoff;
import io.mirrordrill.runtime.Controller;
import io.mirrordrill.runtime.Outcome;
import io.mirrordrill.engine.model.AppVault;
import io.mirrordrill.engine.model.Condition;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The AppVault controller's status on the Kubernetes and S3 emulators, for each way a vault can be (un)usable. */
class AppVaultReconcilerTest {
    private final VaultWorld w = new VaultWorld(11, "AKIAVAULT", "vault-secret");

    private void assertError(String reason, String... mentions) {
        AppVault vault = w.vault();
        Condition ready = w.ready();
        assertEquals("Error", vault.status().state());
        assertEquals("False", ready.status());
        assertEquals(reason, ready.reason());
        assertEquals(ready.message(), vault.status().error());
        for (String mention : mentions) {
            assertTrue(ready.message().contains(mention), "'" + mention + "' not in: " + ready.message());
        }
    }

    @Test
    void a_vault_whose_bucket_answers_with_its_credentials_becomes_available_and_is_checked_again_later() {
        w.credentials();
        w.apply(VaultWorld.s3Vault("GenericS3", BUCKET, SECRET, "secretAccessKey"));
        w.world.advance(Duration.ofSeconds(90));

        Outcome outcome = w.reconcile();

        AppVault vault = w.vault();
        assertEquals("Available", vault.status().state());
        assertNull(vault.status().error());
        Condition ready = w.ready();
        assertEquals("True", ready.status());
        assertEquals("BucketAvailable", ready.reason());
        assertEquals(Instant.parse("2026-01-01T00:01:30Z"), ready.lastTransitionTime());
        assertEquals(1L, ready.observedGeneration());
        assertEquals(Outcome.requeueAfter(AppVaultReconciler.DEFAULT_RECHECK), outcome);
    }

    @Test
    void kebab_case_provider_type_and_string_data_credentials_work_too() {
        w.secret(NS, SECRET, Map.of("accessKeyID", "AKIAVAULT", "secretAccessKey", "vault-secret"), true);
        w.apply(VaultWorld.s3Vault("ontap-s3", BUCKET, SECRET, "secretAccessKey"));
        w.reconcile();
        assertEquals("Available", w.vault().status().state());
        assertEquals("OntapS3", w.vault().spec().providerType());
    }

    @Test
    void a_missing_secret_is_an_error_naming_the_secret_key_namespace_and_the_fix() {
        w.apply(VaultWorld.s3Vault("GenericS3", BUCKET, SECRET, "secretAccessKey"));

        Outcome outcome = w.reconcile();

        assertError("SecretNotFound", "Secret " + SECRET, "namespace " + NS, "accessKeyID", "Fix: create Secret");
        assertEquals(Outcome.requeueAfter(AppVaultReconciler.DEFAULT_RECHECK), outcome); // waits for a person
    }

    @Test
    void a_secret_of_the_same_name_in_another_namespace_is_not_used() {
        w.secret("default", SECRET, Map.of("accessKeyID", "AKIAVAULT", "secretAccessKey", "vault-secret"), false);
        w.apply(VaultWorld.s3Vault("GenericS3", BUCKET, SECRET, "secretAccessKey"));
        w.reconcile();
        assertError("SecretNotFound", "namespace " + NS);
    }

    @Test
    void a_missing_key_is_an_error_naming_the_key_the_secret_its_keys_and_the_fix() {
        w.credentials();
        w.apply(VaultWorld.s3Vault("GenericS3", BUCKET, SECRET, "secretKey"));
        w.reconcile();
        assertError("SecretKeyNotFound", "Secret " + NS + "/" + SECRET + " has no key secretKey",
                "its keys are accessKeyID, secretAccessKey", "Fix: add key secretKey");
    }

    @Test
    void an_azure_or_gcp_vault_is_reported_as_not_supported_yet() {
        w.apply("""
                apiVersion: protect.trident.netapp.io/v1
                kind: AppVault
                metadata: {name: generic-s3-vault, namespace: trident-protect}
                spec:
                  providerType: azure
                  providerConfig:
                    azure: {accountName: acct, bucketName: archives}
                  providerCredentials:
                    accountKey: {valueFromSecret: {name: az, key: accountKey}}
                """);
        w.reconcile();
        assertError("ProviderNotSupported", "Azure", "not supported by mirrordrill yet");
    }

    @Test
    void an_invalid_spec_is_an_error_naming_the_field() {
        w.apply(VaultWorld.s3Vault("GenericS3", BUCKET, SECRET, "secretAccessKey")
                .replace("      bucketName: archives\n", ""));
        w.reconcile();
        assertError("InvalidSpec", "spec.providerConfig.s3.bucketName");
    }

    @Test
    void a_spec_the_model_cannot_bind_gets_its_status_and_keeps_its_spec_as_written() {
        String yaml = VaultWorld.s3Vault("GenericS3", BUCKET, SECRET, "secretAccessKey");
        w.apply(yaml.substring(0, yaml.indexOf("  providerCredentials:")) + "  providerCredentials: [a, b]\n");
        Object spec = w.raw().getAdditionalProperties().get("spec");

        w.reconcile();

        Map<?, ?> status = (Map<?, ?>) w.raw().getAdditionalProperties().get("status");
        assertEquals("Error", status.get("state"));
        assertTrue(String.valueOf(status.get("error")).contains("providerCredentials"), status.toString());
        assertEquals(spec, w.raw().getAdditionalProperties().get("spec"));
    }

    @Test
    void a_bucket_that_does_not_exist_is_an_error_naming_bucket_and_endpoint() {
        w.credentials();
        w.apply(VaultWorld.s3Vault("GenericS3", "no-such-bucket", SECRET, "secretAccessKey"));
        w.reconcile();
        assertError("BucketNotFound", "no-such-bucket", VaultWorld.ENDPOINT);
    }

    @Test
    void a_wrong_secret_is_access_denied_naming_the_secret_but_never_its_value() {
        w.secret(NS, SECRET, Map.of("accessKeyID", "AKIAVAULT", "secretAccessKey", "not-the-secret"), false);
        w.apply(VaultWorld.s3Vault("GenericS3", BUCKET, SECRET, "secretAccessKey"));
        w.reconcile();
        assertError("AccessDenied", "SignatureDoesNotMatch", "Secret " + NS + "/" + SECRET + " key secretAccessKey");
        assertFalse(w.ready().message().contains("not-the-secret"));
    }

    @Test
    void an_unreachable_store_site_is_a_transient_error_and_recovers_with_a_new_transition_time() {
        w.credentials();
        w.apply(VaultWorld.s3Vault("GenericS3", BUCKET, SECRET, "secretAccessKey"));
        w.reconcile();
        Instant availableSince = w.ready().lastTransitionTime();
        w.world.network().siteDown("dc2");
        w.world.advance(Duration.ofMinutes(5));

        Outcome down = w.reconcile();

        assertInstanceOf(Outcome.Failed.class, down); // retried with backoff, not after the slow recheck
        assertError("Unreachable", "site dc2 is down", VaultWorld.ENDPOINT);
        assertEquals(Instant.parse("2026-01-01T00:05:00Z"), w.ready().lastTransitionTime());
        w.world.network().siteUp("dc2");
        w.world.advance(Duration.ofMinutes(1));
        w.reconcile();
        assertEquals("Available", w.vault().status().state());
        assertTrue(w.ready().lastTransitionTime().isAfter(availableSince));
    }

    @Test
    void a_bucket_outage_is_store_unavailable_and_retried() {
        w.credentials();
        w.apply(VaultWorld.s3Vault("GenericS3", BUCKET, SECRET, "secretAccessKey"));
        w.store.bucketOutage(BUCKET);
        assertInstanceOf(Outcome.Failed.class, w.reconcile());
        assertError("StoreUnavailable", "503", "ServiceUnavailable");
    }

    @Test
    void status_is_written_only_when_something_changed() {
        w.credentials();
        w.apply(VaultWorld.s3Vault("GenericS3", BUCKET, SECRET, "secretAccessKey"));
        w.reconcile();
        String version = w.raw().getMetadata().getResourceVersion();
        long traced = w.trace.size();
        w.world.advance(Duration.ofMinutes(5));

        w.reconcile();

        assertEquals(version, w.raw().getMetadata().getResourceVersion());
        assertEquals(traced, w.trace.size(), () -> String.join("\n", w.trace.subList((int) traced,
                w.trace.size())));
    }

    @Test
    void under_the_controller_a_secret_created_later_makes_the_vault_available_without_an_appvault_event() {
        w.apply(VaultWorld.s3Vault("GenericS3", BUCKET, SECRET, "secretAccessKey"));
        List<Controller.Event> events = new ArrayList<>();
        Controller controller = new Controller("appvault", w.reconciler, w.world, Backoff.DEFAULT);
        controller.onEvent(events::add);
        controller.enqueue(VaultWorld.key());
        w.world.advance(Duration.ofMinutes(1));
        assertEquals("SecretNotFound", w.ready().reason());

        w.credentials();
        w.world.advance(AppVaultReconciler.DEFAULT_RECHECK);

        assertEquals("Available", w.vault().status().state());
        assertEquals(2, events.size());
        assertEquals(Instant.parse("2026-01-01T00:05:00Z"), w.ready().lastTransitionTime());
    }
}
