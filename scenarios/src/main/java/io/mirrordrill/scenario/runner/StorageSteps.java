package io.mirrordrill.scenario.runner;

import io.mirrordrill.port.UnreachableException;
import io.mirrordrill.port.ontap.DeleteScope;
import io.mirrordrill.port.ontap.JobRecord;
import io.mirrordrill.port.ontap.OntapException;
import io.mirrordrill.port.ontap.OntapPort;
import io.mirrordrill.port.ontap.RelationshipCreate;
import io.mirrordrill.port.ontap.RelationshipPatch;
import io.mirrordrill.port.ontap.RelationshipRecord;
import io.mirrordrill.port.ontap.RelationshipState;
import io.mirrordrill.port.ontap.SnapshotRecord;
import io.mirrordrill.port.ontap.SvmState;
import io.mirrordrill.port.ontap.SvmSubtype;
import io.mirrordrill.port.ontap.TransferRecord;
import io.mirrordrill.port.ontap.VolumeCreate;
import io.mirrordrill.port.ontap.VolumeModify;
import io.mirrordrill.port.ontap.VolumeRecord;
import io.mirrordrill.port.ontap.VolumeType;
import io.mirrordrill.scenario.drill.OntapCommand;
import io.mirrordrill.scenario.drill.Step;
import io.mirrordrill.sim.World;

import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The storage administrator's ONTAP CLI commands, each done through the cluster's {@link OntapPort} as the real
 * command does it, waiting as the CLI waits (for its job; a break until the relationship is broken off). What ONTAP
 * refuses fails the step with ONTAP's message and code. The administrator works at the cluster's own site.
 */
final class StorageSteps {
    /** How long a command may take before the drill says it hangs. */
    static final Duration COMMAND_LIMIT = Duration.ofMinutes(30);

    private final Estate estate;
    private final Measures measures;
    private final Vars vars;

    StorageSteps(Estate estate, Measures measures, Vars vars) {
        this.estate = estate;
        this.measures = measures;
        this.vars = vars;
    }

    void ontap(Step.Ontap step) {
        OntapCommand c = rendered(step.command());
        String prompt = step.cluster() + "::> " + c.text();
        OntapPort port = estate.sim().ontap().port(step.cluster(), site(step.cluster()));
        try {
            run(port, c);
        } catch (OntapException e) {
            throw new StepFailure(prompt + ": Error: command failed: " + e.getMessage(), "ONTAP error code "
                    + e.code() + (e.target() == null ? "" : " (" + e.target() + ")"));
        } catch (UnreachableException e) {
            throw new StepFailure(prompt + ": the cluster cannot be reached: " + e.getMessage(),
                    "site " + site(step.cluster()) + " is down");
        }
    }

    /** Parameter values may be templates ({@code -volume ${VOLUME}}), filled in when the step runs. */
    private OntapCommand rendered(OntapCommand c) {
        java.util.SortedMap<String, String> params = new java.util.TreeMap<>();
        c.params().forEach((k, v) -> params.put(k, vars.render(v)));
        return new OntapCommand(c.verb(), params);
    }

    private void run(OntapPort port, OntapCommand c) {
        switch (c.verb()) {
            case "volume create" -> await(port, port.createVolume(new VolumeCreate(c.param("volume"),
                    c.param("vserver"), OntapCommand.bytes(c.param("size")).orElseThrow(() -> new OntapException(400,
                    io.mirrordrill.port.ontap.OntapErrors.INVALID_VALUE, "\"" + c.param("size")
                    + "\" is an invalid value for field \"size\"", "size")),
                    "DP".equalsIgnoreCase(c.param("type")) ? VolumeType.DP : VolumeType.RW,
                    c.param("snapshot-policy") == null ? "none" : c.param("snapshot-policy"))));
            case "volume modify" -> await(port, port.modifyVolume(volume(port, c).uuid(), new VolumeModify(
                    c.param("snapshot-policy"), c.param("snapdir-access") == null ? null : c.flag("snapdir-access"))));
            case "volume snapshot create" -> await(port, port.createSnapshot(volume(port, c).uuid(),
                    c.param("snapshot"), c.param("comment"), c.param("snapmirror-label")));
            case "volume snapshot restore" -> {
                await(port, port.restoreVolume(volume(port, c).uuid(), c.param("snapshot"), c.flag("force")));
                measures.recoveredInPlace();
            }
            case "volume snapshot delete" -> {
                VolumeRecord v = volume(port, c);
                SnapshotRecord s = port.snapshots(v.uuid()).stream().filter(x -> x.name().equals(c.param("snapshot")))
                        .findFirst().orElseThrow(() -> notFound("Snapshot copy \"" + c.param("snapshot")
                                + "\" of volume \"" + v.name() + "\" in Vserver \"" + v.svm() + "\""));
                await(port, port.deleteSnapshot(v.uuid(), s.uuid()));
            }
            case "snapmirror create" -> await(port, port.createRelationship(new RelationshipCreate(
                    c.param("source-path"), c.param("destination-path"), c.param("policy"), c.param("schedule"),
                    c.flag("identity-preserve") ? "full" : null)));
            case "snapmirror initialize" -> patch(port, c, RelationshipState.SNAPMIRRORED, false);
            case "snapmirror resync" -> patch(port, c, RelationshipState.SNAPMIRRORED, false);
            case "snapmirror resume" -> patch(port, c, RelationshipState.SNAPMIRRORED, false);
            case "snapmirror quiesce" -> patch(port, c, RelationshipState.PAUSED, true);
            case "snapmirror break" -> patch(port, c, RelationshipState.BROKEN_OFF, true);
            case "snapmirror update" -> port.startTransfer(relationship(port, c).uuid(), null);
            case "snapmirror abort" -> abort(port, c);
            case "snapmirror delete" -> await(port, port.deleteRelationship(relationship(port, c).uuid(),
                    DeleteScope.DESTINATION_ONLY));
            case "snapmirror release" -> {
                RelationshipRecord r = port.relationships(true).stream()
                        .filter(x -> x.destinationPath().equals(c.param("destination-path"))
                                && x.sourcePath().equals(c.param("source-path"))).findFirst()
                        .orElseThrow(() -> notFound("SnapMirror source relationship " + c.param("source-path")
                                + " -> " + c.param("destination-path")));
                await(port, port.deleteRelationship(r.uuid(), DeleteScope.SOURCE_ONLY));
            }
            case "vserver create" -> await(port, port.createSvm(c.param("vserver"),
                    "dp-destination".equals(c.param("subtype")) ? SvmSubtype.DP_DESTINATION : SvmSubtype.DEFAULT));
            case "cluster peer create" -> {
                estate.redactor().learnCredential(c.param("passphrase"));
                port.createClusterPeer(List.of(c.param("peer-addrs").split(",")), c.param("passphrase"));
            }
            case "vserver peer create" -> await(port, port.createSvmPeer(c.param("vserver"), c.param("peer-cluster"),
                    c.param("peer-vserver"), List.of((c.param("applications") == null ? "snapmirror"
                            : c.param("applications")).split(","))));
            case "vserver peer accept" -> await(port, port.acceptSvmPeer(port.svmPeers().stream()
                    .filter(p -> p.svm().equals(c.param("vserver")) && p.peerSvm().equals(c.param("peer-vserver"))
                            && p.state().equals("pending")).findFirst().orElseThrow(() -> notFound(
                            "Pending Vserver peer relationship of \"" + c.param("vserver") + "\" with \""
                                    + c.param("peer-vserver") + "\"")).uuid()));
            case "vserver start" -> await(port, port.setSvmState(c.param("vserver"), SvmState.RUNNING));
            case "vserver stop" -> await(port, port.setSvmState(c.param("vserver"), SvmState.STOPPED));
            default -> throw new IllegalStateException("no handler for ONTAP command " + c.verb());
        }
    }

    /** A state change; a quiesce or break returns once the relationship shows the state, as the CLI does. */
    private void patch(OntapPort port, OntapCommand c, RelationshipState target, boolean waitForState) {
        RelationshipRecord r = relationship(port, c);
        await(port, port.patchRelationship(r.uuid(), RelationshipPatch.state(target)));
        if (waitForState) {
            until(() -> port.relationship(r.uuid()).map(x -> x.state() == target).orElse(true),
                    c.verb() + " of " + r.destinationPath() + " to reach state " + target.rest());
        }
    }

    /**
     * Aborts the running transfer; with none running there is nothing to abort and the command does nothing (chosen:
     * the seed's activation sequence aborts "all ongoing transfers", which may be none).
     */
    private void abort(OntapPort port, OntapCommand c) {
        RelationshipRecord r = relationship(port, c);
        TransferRecord t = r.transfer();
        if (t != null && t.state().isRunning()) {
            await(port, port.abortTransfer(r.uuid(), t.uuid(), c.flag("hard")));
            until(() -> port.relationship(r.uuid()).map(x -> x.transfer() == null || !x.transfer().state()
                    .isRunning()).orElse(true), "the transfer of " + r.destinationPath() + " to stop");
        } else {
            estate.world().record("ontap/admin", "snapmirror abort " + r.destinationPath() + ": no transfer running");
        }
    }

    private VolumeRecord volume(OntapPort port, OntapCommand c) {
        return port.volume(c.param("vserver"), c.param("volume")).orElseThrow(() -> notFound("Volume \""
                + c.param("volume") + "\" in Vserver \"" + c.param("vserver") + "\""));
    }

    private RelationshipRecord relationship(OntapPort port, OntapCommand c) {
        return port.relationshipTo(c.param("destination-path")).orElseThrow(() -> notFound(
                "SnapMirror relationship with destination path \"" + c.param("destination-path") + "\""));
    }

    /** ONTAP's message for a query matching nothing (chosen wording: the CLI's "entry doesn't exist"). */
    private static OntapException notFound(String what) {
        return new OntapException(404, io.mirrordrill.port.ontap.OntapErrors.NOT_FOUND, what
                + ": entry doesn't exist.");
    }

    private void await(OntapPort port, JobRecord job) {
        until(() -> port.job(job.uuid()).state().isDone(), "job \"" + job.description() + "\" to finish");
        JobRecord done = port.job(job.uuid());
        if (!done.succeeded()) {
            throw new OntapException(409, done.code(), done.message());
        }
    }

    private void until(BooleanSupplier done, String what) {
        World world = estate.world();
        if (!world.runUntil(done, COMMAND_LIMIT)) {
            throw new StepFailure("waited " + COMMAND_LIMIT.toMinutes() + "m for " + what, "it did not happen");
        }
    }

    String site(String ontapCluster) {
        return estate.sim().ontap().cluster(ontapCluster).site();
    }
}
