package io.mirrordrill.scenario.fuzz;

/**
 * What a fuzz run explores, the same for every shard of it: the build that ran it, the seeds {@code from..to}, and
 * the options that change outcomes ({@code options}: what {@code drill run} needs to reproduce, e.g. a planted bug).
 */
public record Campaign(String version, long from, long to, String options) {
    /** The command line that runs it whole. */
    public String command() {
        return "mirrordrill drill fuzz --seeds " + from + ".." + to + options;
    }
}
