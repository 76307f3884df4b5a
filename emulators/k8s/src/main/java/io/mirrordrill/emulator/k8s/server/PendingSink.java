package io.mirrordrill.emulator.k8s.server;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A watch's sink before its websocket is open. The API server registers a watch before it answers the upgrade, so
 * no change made once the client holds its watch is missed; the events seen in between wait here. Used under the
 * lock only.
 */
final class PendingSink implements WatchStream.Sink {
    private final List<Consumer<WatchStream.Sink>> pending = new ArrayList<>();
    private WatchStream.Sink target;

    @Override
    public void send(String event) {
        forward(s -> s.send(event));
    }

    @Override
    public void end() {
        forward(WatchStream.Sink::end);
    }

    @Override
    public void broken() {
        forward(WatchStream.Sink::broken);
    }

    /** The websocket is open: what waited is sent, and everything after goes straight through. */
    void attach(WatchStream.Sink sink) {
        target = sink;
        pending.forEach(p -> p.accept(sink));
        pending.clear();
    }

    private void forward(Consumer<WatchStream.Sink> action) {
        if (target != null) {
            action.accept(target);
        } else {
            pending.add(action);
        }
    }
}
