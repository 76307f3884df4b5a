package io.mirrordrill.engine.model.validation;

import static io.mirrordrill.engine.model.validation.Problems.has;
import static io.mirrordrill.engine.model.validation.Problems.ofEditedSeed;
import static io.mirrordrill.engine.model.validation.Problems.single;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mirrordrill.engine.model.Seeds;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AppVaultValidationTest {
    private static final String SEED = Seeds.APPVAULT_PRIMARY_SOURCE;

    private static List<Problem> edited(String from, String to) {
        return ofEditedSeed(SEED, from, to);
    }

    @Test
    void anUnknownProviderTypeListsBothSpellingsOfTheAcceptedValues() {
        Problem problem = single(edited("providerType: generic-s3", "providerType: minio"), "spec.providerType",
                "unknown provider type \"minio\"", "AWS, Azure, GCP, GenericS3, OntapS3, StorageGridS3 (or aws, azure,"
                        + " gcp, generic-s3, ontap-s3, storagegrid-s3)");
        assertEquals(8, problem.line());
        assertEquals("AppVault/trident-protect/generic-s3-trident-protect-src-bucket-04b6b4ec-46a3-420a-b351-45795e1b5e34",
                problem.resource());
    }

    @ParameterizedTest
    @ValueSource(strings = {"aws", "AWS", "Azure", "gcp", "GenericS3", "ONTAP-S3", "ontaps3", "storagegrid-s3"})
    void everyAcceptedProviderSpellingIsKnown(String spelling) {
        List<Problem> problems = edited("providerType: generic-s3", "providerType: " + spelling);
        problems.forEach(p -> assertEquals(false, p.field().equals("spec.providerType"), p.toString()));
    }

    @Test
    void aMissingProviderTypeSaysWhichValuesToUse() {
        single(edited("  providerType: generic-s3\n", ""), "spec.providerType", "is missing", "GenericS3");
    }

    @Test
    void aMissingProviderConfigShowsTheS3Block() {
        single(edited("""
                  providerConfig:
                    s3:
                      bucketName: trident-protect-src-bucket
                      endpoint: s3.example.com
                """, ""), "spec.providerConfig", "is missing", "s3: {bucketName: <bucket>, endpoint: <host>}");
    }

    @Test
    void aMissingBucketNameIsNamedByItsPath() {
        single(edited("      bucketName: trident-protect-src-bucket\n", ""), "spec.providerConfig.s3.bucketName",
                "is missing", "name the bucket");
    }

    @Test
    void aGenericS3VaultNeedsAnEndpointButAnAwsVaultDoesNot() {
        single(edited("      endpoint: s3.example.com\n", ""), "spec.providerConfig.s3.endpoint", "is missing",
                "set the S3 endpoint");
        assertEquals(List.of(), ofEditedSeed(SEED, "providerType: generic-s3\n  providerConfig:\n    s3:\n"
                + "      bucketName: trident-protect-src-bucket\n      endpoint: s3.example.com\n",
                "providerType: aws\n  providerConfig:\n    s3:\n      bucketName: trident-protect-src-bucket\n"));
    }

    @Test
    void anS3ConfigWithoutTheS3BlockIsReported() {
        single(edited("    s3:\n      bucketName: trident-protect-src-bucket\n      endpoint: s3.example.com\n",
                "    azure: {accountName: a, bucketName: b}\n"), "spec.providerConfig.s3", "is missing",
                "provider GenericS3");
    }

    @Test
    void skipCertValidationMustBeTrueOrFalse() {
        single(edited("      endpoint: s3.example.com\n", "      endpoint: s3.example.com\n"
                + "      skipCertValidation: \"maybe\"\n"), "spec.providerConfig.s3.skipCertValidation",
                "\"maybe\" is neither \"true\" nor \"false\"", "write \"true\" or \"false\"");
        assertEquals(List.of(), edited("      endpoint: s3.example.com\n", "      endpoint: s3.example.com\n"
                + "      skipCertValidation: \"true\"\n      secure: false\n"));
    }

    @Test
    void missingProviderCredentialsListTheKeysTheProviderNeeds() {
        single(edited(Seeds.text(SEED).substring(Seeds.text(SEED).indexOf("  providerCredentials:")), ""),
                "spec.providerCredentials", "is missing", "accessKeyID and secretAccessKey, each as valueFromSecret");
    }

    @Test
    void aMissingSecretAccessKeyIsReported() {
        single(edited("""
                    secretAccessKey:
                      valueFromSecret:
                        key: secretAccessKey
                        name: s3-secret
                """, ""), "spec.providerCredentials.secretAccessKey", "is missing (provider GenericS3 needs it)",
                "add secretAccessKey: {valueFromSecret: {name: <secret in this namespace>, key: secretAccessKey}}");
    }

    @Test
    void aSecretReferenceWithoutANameIsNamedDownToTheField() {
        single(edited("""
                        key: secretAccessKey
                        name: s3-secret
                """, """
                        key: secretAccessKey
                """), "spec.providerCredentials.secretAccessKey.valueFromSecret.name", "is missing",
                "the name of the Secret (in the AppVault's namespace) that holds secretAccessKey");
    }

    @Test
    void aSecretReferenceWithoutAKeyOrWithABadNameIsReported() {
        List<Problem> problems = edited("""
                        key: accessKeyID
                        name: s3-secret
                """, """
                        name: S3_Secret
                """);
        assertEquals(2, problems.size(), Problems.render(problems));
        has(problems, "spec.providerCredentials.accessKeyID.valueFromSecret.name", "\"S3_Secret\" is not a valid"
                + " Kubernetes name", "lowercase letters");
        has(problems, "spec.providerCredentials.accessKeyID.valueFromSecret.key", "is missing", "key: accessKeyID");
    }

    @Test
    void aCredentialWithoutValueFromSecretIsReported() {
        single(edited("""
                    accessKeyID:
                      valueFromSecret:
                        key: accessKeyID
                        name: s3-secret
                """, """
                    accessKeyID:
                      value: AKIAEXAMPLE
                """), "spec.providerCredentials.accessKeyID.valueFromSecret", "is missing",
                "name of a Secret in the AppVault's namespace");
    }

    @Test
    void aMisspeltCredentialNameListsTheAcceptedOnes() {
        List<Problem> problems = edited("    secretAccessKey:\n", "    secretAccesKey:\n");
        has(problems, "spec.providerCredentials.secretAccesKey", "unknown credential \"secretAccesKey\" for provider"
                + " GenericS3", "use accessKeyID, secretAccessKey, sessionToken");
        has(problems, "spec.providerCredentials.secretAccessKey", "is missing", "add secretAccessKey");
        assertEquals(2, problems.size(), Problems.render(problems));
    }

    @Test
    void azureAndGcpVaultsNeedTheirOwnConfigAndCredentials() {
        String header = "apiVersion: protect.trident.netapp.io/v1\nkind: AppVault\nmetadata: {name: v,"
                + " namespace: trident-protect}\n";
        List<Problem> azure = Validator.validate(Problems.FILE, header + """
                spec:
                  providerType: azure
                  providerConfig:
                    azure: {bucketName: c}
                  providerCredentials:
                    accessKeyID: {valueFromSecret: {name: s, key: k}}
                """);
        has(azure, "spec.providerConfig.azure.accountName", "is missing", "storage account name");
        has(azure, "spec.providerCredentials.accountKey", "is missing (provider Azure needs it)", "accountKey");
        has(azure, "spec.providerCredentials.accessKeyID", "unknown credential", "use accountKey");
        assertEquals(3, azure.size(), Problems.render(azure));
        List<Problem> gcp = Validator.validate(Problems.FILE, header + """
                spec:
                  providerType: GCP
                  providerConfig:
                    gcp: {bucketName: b}
                  providerCredentials:
                    credentials: {valueFromSecret: {name: gcp-sa, key: credentials}}
                """);
        single(gcp, "spec.providerConfig.gcp.projectID", "is missing", "project ID");
    }

    @Test
    void everyProblemOfABadVaultIsReportedAtOnce() {
        String text = Seeds.text(SEED).replace("providerType: generic-s3", "providerType: minio")
                .replace("        name: s3-secret\n", "").replace("name: generic-s3", "name: Generic_S3");
        List<Problem> problems = Validator.validate(Problems.FILE, text);
        has(problems, "metadata.name", "is not a valid Kubernetes name", "lowercase");
        has(problems, "spec.providerType", "unknown provider type", "GenericS3");
        has(problems, "spec.providerCredentials.accessKeyID.valueFromSecret.name", "is missing", "Secret");
        has(problems, "spec.providerCredentials.secretAccessKey.valueFromSecret.name", "is missing", "Secret");
        assertEquals(4, problems.size(), Problems.render(problems));
    }
}
