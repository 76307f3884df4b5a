package io.mirrordrill.scenario.drill;

/** Something that holds or not in the world now: what {@code await}, {@code check} and {@code expect} test. */
public sealed interface Condition {
    String describe();

    /** A field of an object has a value, or ({@code contains}) holds it as a part (text, after templating). */
    record FieldEquals(Ref ref, String field, String value, boolean contains) implements Condition {
        public String describe() {
            return ref.describe() + " " + field + (contains ? " contains " : " == ") + value;
        }
    }

    /** The object exists ({@code present}) or does not. */
    record Presence(Ref ref, boolean present) implements Condition {
        public String describe() {
            return ref.describe() + (present ? " exists" : " is gone");
        }
    }

    /** A Deployment's pods all run and there is one at least ({@code running}), or none runs. */
    record AppRunning(String cluster, String namespace, String deployment, boolean running) implements Condition {
        public String describe() {
            return cluster + ":" + namespace + "/" + deployment + (running ? " running" : " not running");
        }
    }

    /** A file under a volume mount of a Deployment's running pod holds {@code text} (what a hook left there). */
    record FileContains(String cluster, String namespace, String deployment, String file, String text)
            implements Condition {
        public String describe() {
            return cluster + ":" + namespace + "/" + deployment + " file " + file + " contains " + text;
        }
    }
}
