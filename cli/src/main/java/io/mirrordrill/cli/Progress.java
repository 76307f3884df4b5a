package io.mirrordrill.cli;

import io.mirrordrill.scenario.runner.RunOptions;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** A progress bar on standard error while a drill runs; nothing when standard error is not a terminal. */
final class Progress implements RunOptions.Progress, AutoCloseable {
    private final ProgressBar bar;

    private Progress(ProgressBar bar) {
        this.bar = bar;
    }

    /** A bar over the drill's top-level steps, or a silent one when not on a terminal or not wanted. */
    static Progress of(String drill, int steps, boolean wanted) {
        if (!wanted || System.console() == null) {
            return new Progress(null);
        }
        return new Progress(new ProgressBarBuilder().setTaskName(drill).setInitialMax(steps)
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(200).continuousUpdate()
                .setConsumer(new ConsoleProgressBarConsumer(System.err)).build());
    }

    @Override
    public void step(int done, int total, String description) {
        if (bar != null) {
            bar.maxHint(Math.max(total, done));
            bar.stepTo(Math.max(0, done));
            String text = description == null ? "" : description;
            bar.setExtraMessage(text.length() > 40 ? text.substring(0, 40) : text);
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
