package io.mirrordrill.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A long-running {@code mirrordrill} command (serve, controller) on its own thread of the test JVM, with its console
 * captured; stopped by an interrupt, as code embedding it would stop it.
 */
final class CommandThread {
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();
    final AtomicInteger code = new AtomicInteger(-1);
    final Thread thread;

    private CommandThread(String name, String... args) {
        thread = new Thread(() -> code.set(Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true))),
                name);
        thread.start();
    }

    /** Starts the command and waits (up to two minutes) until its output holds {@code ready}. */
    static CommandThread start(String name, String ready, String... args) {
        CommandThread c = new CommandThread(name, args);
        await().atMost(Duration.ofMinutes(2)).until(() -> c.out.toString().contains(ready) || !c.thread.isAlive());
        assertTrue(c.thread.isAlive(), name + " ended early with " + c.code.get() + ":\n" + c.console());
        return c;
    }

    String console() {
        return out + "\n" + err;
    }

    boolean alive() {
        return thread.isAlive();
    }

    /** Interrupts the command, waits for it to end and returns its exit code. */
    int stop() throws InterruptedException {
        thread.interrupt();
        thread.join(Duration.ofSeconds(30).toMillis());
        assertFalse(thread.isAlive(), thread.getName() + " did not stop:\n" + console());
        return code.get();
    }
}
