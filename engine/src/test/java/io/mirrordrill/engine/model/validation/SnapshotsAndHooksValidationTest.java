package io.mirrordrill.engine.model.validation;

import static io.mirrordrill.engine.model.validation.Problems.has;
import static io.mirrordrill.engine.model.validation.Problems.ofEditedSeed;
import static io.mirrordrill.engine.model.validation.Problems.single;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mirrordrill.engine.model.Seeds;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SnapshotsAndHooksValidationTest {
    private static final String HEADER = "apiVersion: protect.trident.netapp.io/v1\n";
    private static final String SCRIPT = Base64.getEncoder().encodeToString("#!/bin/sh\nfsfreeze -f /data\n".getBytes());

    private static List<Problem> validate(String body) {
        return Validator.validate(Problems.FILE, HEADER + body);
    }

    @Test
    void aShutdownSnapshotNeedsTheVaultAndTheApplication() {
        single(ofEditedSeed(Seeds.SHUTDOWN_SNAPSHOT,
                "  appVaultRef: generic-s3-trident-protect-src-bucket-04b6b4ec-46a3-420a-b351-45795e1b5e34\n", ""),
                "spec.appVaultRef", "is missing", "name of the AppVault that stores the archive");
        single(ofEditedSeed(Seeds.SHUTDOWN_SNAPSHOT, "  applicationRef: my-app-name\n", ""), "spec.applicationRef",
                "is missing", "name of the Application to snapshot");
    }

    @Test
    void aSnapshotReclaimPolicyIsRetainOrDelete() {
        single(validate("""
                kind: Snapshot
                metadata: {name: snap, namespace: ns}
                spec: {applicationRef: app, appVaultRef: vault, reclaimPolicy: Keep}
                """), "spec.reclaimPolicy", "\"Keep\" is not Retain or Delete", "write Retain");
    }

    @ParameterizedTest
    @ValueSource(strings = {"../other-app/snapshots/x", "/etc/passwd", "app//snapshots", "app/./x", "app\\\\x"})
    void aRestoreArchivePathMayNotEscapeTheVault(String path) {
        List<Problem> problems = validate("""
                kind: SnapshotRestore
                metadata: {name: restore, namespace: ns}
                spec:
                  appVaultRef: vault
                  appArchivePath: "%s"
                """.formatted(path));
        single(problems, "spec.appArchivePath", "\"", "relative to the vault exactly as status.appArchivePath shows");
    }

    @Test
    void aRestoreNeedsAnArchiveAndAVaultAndWellFormedMappings() {
        List<Problem> problems = validate("""
                kind: SnapshotRestore
                metadata: {name: restore, namespace: ns}
                spec:
                  namespaceMapping: [{source: ns-1, destination: ns-2}, {source: ns-3, destination: ns-2}]
                """);
        has(problems, "spec.appArchivePath", "is missing", "status.appArchivePath");
        has(problems, "spec.appVaultRef", "is missing", "AppVault that holds the archive");
        has(problems, "spec.namespaceMapping[1].destination", "appears twice", "different destination");
        assertEquals(3, problems.size(), Problems.render(problems));
    }

    @Test
    void aCompleteFreezeHookValidatesClean() {
        assertEquals(List.of(), validate("""
                kind: ExecHook
                metadata: {name: freeze, namespace: my-app-namespace}
                spec:
                  applicationRef: my-app-name
                  stage: Pre
                  action: Snapshot
                  enabled: true
                  hookSource: %s
                  timeout: 5
                  arguments: [--all]
                  matchingCriteria:
                    - {type: containerImage, value: ".*mysql.*"}
                """.formatted(SCRIPT)));
    }

    @Test
    void aHookNeedsAStageAnActionAndABase64Script() {
        List<Problem> problems = validate("""
                kind: ExecHook
                metadata: {name: freeze, namespace: ns}
                spec:
                  applicationRef: app
                  stage: pre
                  action: Clone
                  hookSource: "not base64!"
                  timeout: 0
                """);
        has(problems, "spec.stage", "\"pre\" is not Pre or Post", "write Pre or Post (case-sensitive)");
        has(problems, "spec.action", "\"Clone\" is not an action", "Snapshot, Backup, Restore, Failover");
        has(problems, "spec.hookSource", "is not base64", "base64 -w0 hook.sh");
        has(problems, "spec.timeout", "0 minutes is too short", "at least 1 (default 25)");
        assertEquals(4, problems.size(), Problems.render(problems));
    }

    @Test
    void theDocumentationsExecHooksRunValidatesClean() {
        assertEquals(List.of(), validate("""
                kind: ExecHooksRun
                metadata: {name: example-hook-run, namespace: my-app-namespace}
                spec:
                  applicationRef: my-app-name
                  appVaultRef: my-appvault-name
                  appArchivePath: example-resource-backup
                  stage: Post
                  action: Failover
                """));
    }

    @Test
    void anExecHooksRunNeedsItsApplicationVaultStageAndActionAndASafeArchivePath() {
        List<Problem> problems = validate("""
                kind: ExecHooksRun
                metadata: {name: run, namespace: ns}
                spec:
                  appArchivePath: ../other-app/snapshots/x
                  stage: post
                  action: Failback
                """);
        has(problems, "spec.applicationRef", "is missing", "name of the Application whose hooks run");
        has(problems, "spec.appVaultRef", "is missing", "name of the AppVault of the ResourceBackup");
        has(problems, "spec.appArchivePath", "\"", "relative to the vault exactly as status.appArchivePath shows");
        has(problems, "spec.stage", "\"post\" is not Pre or Post", "write Pre or Post (case-sensitive)");
        has(problems, "spec.action", "\"Failback\" is not an action", "Snapshot, Backup, Restore, Failover");
        assertEquals(5, problems.size(), Problems.render(problems));
    }

    @Test
    void aHookScriptOver96KiBIsRefused() {
        String big = Base64.getEncoder().encodeToString(new byte[96 * 1024 + 1]);
        single(validate("""
                kind: ExecHook
                metadata: {name: big, namespace: ns}
                spec: {applicationRef: app, stage: Post, action: Restore, hookSource: %s}
                """.formatted(big)), "spec.hookSource", "98305 bytes, over the 98304-byte limit", "shorten the script");
    }

    @Test
    void matchingCriteriaAreAtMostTenOfKnownTypesWithValidExpressions() {
        StringBuilder criteria = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            criteria.append("    - {type: PodName, value: pod-").append(i).append("}\n");
        }
        criteria.append("    - {type: NodeName, value: \"(unclosed\"}\n");
        List<Problem> problems = validate("""
                kind: ExecHook
                metadata: {name: many, namespace: ns}
                spec:
                  applicationRef: app
                  stage: Post
                  action: Failover
                  hookSource: %s
                  matchingCriteria:
                %s""".formatted(SCRIPT, criteria));
        has(problems, "spec.matchingCriteria", "11 criteria, more than 10", "keep at most 10");
        has(problems, "spec.matchingCriteria[10].type", "unknown type \"NodeName\"",
                "ContainerImage, ContainerName, PodName, PodLabel, NamespaceName");
        has(problems, "spec.matchingCriteria[10].value", "is not a valid regular expression", "correct the expression");
        assertEquals(3, problems.size(), Problems.render(problems));
    }

    @Test
    void aTimeoutThatIsNotANumberIsReportedAtItsField() {
        single(validate("""
                kind: ExecHook
                metadata: {name: h, namespace: ns}
                spec: {applicationRef: app, stage: Post, action: Restore, hookSource: %s, timeout: soon}
                """.formatted(SCRIPT)), "spec.timeout", "cannot read \"soon\" as a whole number", "expected type");
    }
}
