package io.mirrordrill.runtime.statemachine;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A lifecycle as rows {@code add(from, action, to, effect)}, in the manner of Temporal's test server: a row carries
 * its effect, so the table, the effects and the order they run in are one place. {@link #fire} takes a row: the
 * transition hook (where the owner moves its state, and where an event would be recorded) runs, then the row's
 * effect. An action with no row from the current state is refused with the subject's {@link History}. The machine
 * remembers which rows it took, so a test can list the rows never taken ({@link #untaken}).
 *
 * @param <S> the states ({@code null} may stand for "not yet created")
 * @param <A> the actions
 * @param <C> what an effect works on (the subject, or a draft of its next status)
 */
public final class StateMachine<S, A, C> {
    /** Runs when a row is taken, after the transition hook. */
    @FunctionalInterface
    public interface Effect<C> {
        void apply(C context);
    }

    /** How the machine refuses an action with no row: the owner's own error (an ONTAP code, a condition). */
    @FunctionalInterface
    public interface Refusal<S, A> {
        RuntimeException refuse(S from, A action, History history);
    }

    /** One row of the table. */
    public final class Row {
        private final S from;
        private final A action;
        private final S to;
        private final Effect<C> effect;

        private Row(S from, A action, S to, Effect<C> effect) {
            this.from = from;
            this.action = action;
            this.to = to;
            this.effect = effect;
        }

        public S from() {
            return from;
        }

        public A action() {
            return action;
        }

        public S to() {
            return to;
        }

        @Override
        public String toString() {
            return stateLabel.apply(from) + " --" + actionLabel.apply(action) + "--> " + stateLabel.apply(to);
        }
    }

    private final String name;
    private final Function<S, String> stateLabel;
    private final Function<A, String> actionLabel;
    private final List<Row> rows = new ArrayList<>();
    private final boolean[] taken;
    private final BiConsumer<C, Row> onTransition;
    private final Supplier<String> now;
    private final Refusal<S, A> refusal;

    private StateMachine(Builder<S, A, C> b) {
        this.name = b.name;
        this.stateLabel = b.stateLabel;
        this.actionLabel = b.actionLabel;
        this.onTransition = b.onTransition;
        this.now = b.now;
        this.refusal = b.refusal != null ? b.refusal : (from, action, history) -> new InvalidTransitionException(
                name + " cannot " + actionLabel.apply(action) + " from " + stateLabel.apply(from) + "; history: "
                        + history);
        b.rows.forEach(r -> rows.add(new Row(r.from, r.action, r.to, r.effect)));
        this.taken = new boolean[rows.size()];
    }

    public static <S, A, C> Builder<S, A, C> named(String name) {
        return new Builder<>(name);
    }

    public String name() {
        return name;
    }

    /** The rows, in the order they were added. */
    public List<Row> rows() {
        return List.copyOf(rows);
    }

    public Optional<Row> find(S from, A action) {
        for (Row r : rows) {
            if (Objects.equals(r.from, from) && r.action.equals(action)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    public boolean allows(S from, A action) {
        return find(from, action).isPresent();
    }

    /** The row for {@code action} from {@code from}, or the refusal (with the history) when there is none. */
    public Row check(S from, A action, History history) {
        return find(from, action).orElseThrow(() -> refusal.refuse(from, action, history));
    }

    /**
     * Takes the row: records it in the history, runs the transition hook, then the row's effect.
     *
     * @return the row taken
     */
    public Row fire(S from, A action, C context, History history) {
        Row row = check(from, action, history);
        synchronized (taken) {
            taken[rows.indexOf(row)] = true;
        }
        String when = now.get();
        history.add(when.isEmpty() ? row.toString() : when + " " + row);
        onTransition.accept(context, row);
        row.effect.apply(context);
        return row;
    }

    /** Rows this machine never took: a lifecycle row no workflow exercises. */
    public List<Row> untaken() {
        List<Row> never = new ArrayList<>();
        synchronized (taken) {
            for (int i = 0; i < rows.size(); i++) {
                if (!taken[i]) {
                    never.add(rows.get(i));
                }
            }
        }
        return never;
    }

    /** Builds a machine row by row. */
    public static final class Builder<S, A, C> {
        private record Spec<S, A, C>(S from, A action, S to, Effect<C> effect) {}

        private final String name;
        private final List<Spec<S, A, C>> rows = new ArrayList<>();
        private Function<S, String> stateLabel = String::valueOf;
        private Function<A, String> actionLabel = String::valueOf;
        private BiConsumer<C, StateMachine<S, A, C>.Row> onTransition = (c, r) -> { };
        private Supplier<String> now = () -> "";
        private Refusal<S, A> refusal;

        private Builder(String name) {
            this.name = name;
        }

        /** A row; a second row for the same state and action is a mistake in the table. */
        public Builder<S, A, C> add(S from, A action, S to, Effect<C> effect) {
            Objects.requireNonNull(action, "action");
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(effect, "effect");
            for (Spec<S, A, C> r : rows) {
                if (Objects.equals(r.from, from) && r.action.equals(action)) {
                    throw new IllegalArgumentException(name + ": a second row for " + from + " and " + action);
                }
            }
            rows.add(new Spec<>(from, action, to, effect));
            return this;
        }

        /** How states and actions read in rows, histories and refusals. */
        public Builder<S, A, C> labels(Function<S, String> states, Function<A, String> actions) {
            this.stateLabel = states;
            this.actionLabel = actions;
            return this;
        }

        /** Runs for every row taken, before its effect: where the owner moves its state (and records an event). */
        public Builder<S, A, C> onTransition(BiConsumer<C, StateMachine<S, A, C>.Row> hook) {
            this.onTransition = hook;
            return this;
        }

        /** Stamps history entries (the owner's clock, never the system's). */
        public Builder<S, A, C> stamped(Supplier<String> now) {
            this.now = now;
            return this;
        }

        public Builder<S, A, C> refusal(Refusal<S, A> refusal) {
            this.refusal = refusal;
            return this;
        }

        public StateMachine<S, A, C> build() {
            return new StateMachine<>(this);
        }
    }
}
