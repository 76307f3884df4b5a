package io.mirrordrill.engine.trident;

/** Where one step of a volume's mirror lifecycle stands; the message is for people (status, events). */
public record MirrorStep(State state, String message) {
    public enum State { DONE, IN_PROGRESS, FAILED }

    public static MirrorStep done(String message) {
        return new MirrorStep(State.DONE, message);
    }

    public static MirrorStep inProgress(String message) {
        return new MirrorStep(State.IN_PROGRESS, message);
    }

    public static MirrorStep failed(String message) {
        return new MirrorStep(State.FAILED, message);
    }

    public boolean isDone() {
        return state == State.DONE;
    }

    public boolean isFailed() {
        return state == State.FAILED;
    }
}
