package io.mirrordrill.scenario.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.util.List;

/** Drill results as JSON: fields in declaration order, so equal results give byte-identical text. */
public final class JsonReport {
    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

    private JsonReport() {
    }

    public static String of(DrillResult result) {
        return write(result);
    }

    /** Several results: {@code {"drills": [...], "passed": n, "failed": m}}. */
    public static String of(List<DrillResult> results) {
        long passed = results.stream().filter(DrillResult::passed).count();
        return write(new Summary(results.size(), passed, results.size() - passed, results));
    }

    private record Summary(int drills, long passed, long failed, List<DrillResult> results) {}

    private static String write(Object o) {
        try {
            return JSON.writeValueAsString(o) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a drill result is plain data and always serialises", e);
        }
    }
}
