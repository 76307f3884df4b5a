package io.mirrordrill.scenario.report;

import java.util.List;
import java.util.function.Function;

/** One way a person is shown a drill result, by name: what {@code no-secret-in-output} reads back at the end. */
public record Output(String name, Function<DrillResult, String> render) {
    /** What {@code drill run} writes: the terminal summary, {@code --json}, {@code --junit} and {@code --report}. */
    public static final List<Output> STANDARD = List.of(
            new Output("the terminal summary", TextSummary::of),
            new Output("the JSON report", JsonReport::of),
            new Output("the JUnit XML", r -> JunitReport.of(List.of(r))),
            new Output("the HTML report", r -> HtmlReport.of(List.of(r))));
}
