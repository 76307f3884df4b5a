package io.mirrordrill.scenario.drill;

/** Where a step or expectation is written: file, line and field path ({@code steps[4]}). */
public record At(String source, int line, String path) {
    public String describe() {
        return source + ":" + line + " (" + path + ")";
    }
}
