package io.mirrordrill.emulator.ontap;

import io.mirrordrill.port.ontap.JobRecord;
import io.mirrordrill.port.ontap.JobState;
import io.mirrordrill.port.ontap.OntapErrors;
import io.mirrordrill.port.ontap.OntapException;
import io.mirrordrill.sim.World;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A cluster's job table. ONTAP answers a mutating call with 202 and a job; the change happens when the job runs.
 * Here a job runs its action after {@link #latency}; an action that throws {@link OntapException} fails the job with
 * that code. A job can also be left running and finished later (a quiesce waits for the running transfer).
 */
final class Jobs {
    /** A job in progress that its owner finishes explicitly. */
    final class Pending {
        private final String uuid;

        private Pending(String uuid) {
            this.uuid = uuid;
        }

        JobRecord record() {
            return jobs.get(uuid);
        }

        void succeed() {
            finish(uuid, JobState.SUCCESS, "success", "0");
        }

        void fail(String code, String message) {
            finish(uuid, JobState.FAILURE, message, code);
        }
    }

    /** What a job does when it runs; it may keep the job open by returning false and finishing it later. */
    @FunctionalInterface
    interface Action {
        boolean run(Pending job);
    }

    private final World world;
    private final String cluster;
    private final Map<String, JobRecord> jobs = new LinkedHashMap<>();
    private Duration latency = Duration.ofSeconds(1);

    Jobs(World world, String cluster) {
        this.world = world;
        this.cluster = cluster;
    }

    void latency(Duration latency) {
        this.latency = latency;
    }

    /** Queues a job whose action runs after the job latency and succeeds unless it throws. */
    JobRecord submit(String description, Runnable action) {
        return submit(description, job -> {
            action.run();
            return true;
        });
    }

    JobRecord submit(String description, Action action) {
        String uuid = world.random("ontap/" + cluster + "/jobs").uuid().toString();
        jobs.put(uuid, new JobRecord(uuid, description, JobState.QUEUED, null, null, world.now(), null));
        world.schedule(latency, "job " + description, () -> {
            JobRecord queued = jobs.get(uuid);
            jobs.put(uuid, new JobRecord(uuid, description, JobState.RUNNING, null, null, queued.startTime(), null));
            Pending pending = new Pending(uuid);
            try {
                if (action.run(pending)) {
                    pending.succeed();
                }
            } catch (OntapException e) {
                pending.fail(e.code(), e.getMessage());
            }
        });
        return jobs.get(uuid);
    }

    JobRecord get(String uuid) {
        JobRecord job = jobs.get(uuid);
        if (job == null) {
            throw new OntapException(404, OntapErrors.NOT_FOUND, "Job \"" + uuid + "\" not found", "uuid");
        }
        return job;
    }

    /** Every job of the cluster, oldest first. */
    List<JobRecord> all() {
        return List.copyOf(jobs.values());
    }

    private void finish(String uuid, JobState state, String message, String code) {
        JobRecord job = jobs.get(uuid);
        if (job.state().isDone()) {
            return;
        }
        jobs.put(uuid, new JobRecord(uuid, job.description(), state, message, code, job.startTime(), world.now()));
        world.record("ontap/" + cluster, "job " + job.description() + " " + state.rest()
                + (state == JobState.FAILURE ? " code=" + code + " " + message : ""));
    }
}
