package io.mirrordrill.engine.model.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.mirrordrill.engine.model.Seeds;
import java.util.List;
import java.util.stream.Collectors;

/** Assertions on problems: each names the file, a line, the field path, what is wrong and the fix. */
final class Problems {
    static final String FILE = "bad.yaml";

    /**
     * A promoted relationship whose spec ends with {@code field:} on line 10 and {@code block} under it from line 11:
     * the tables of malformed mappings and transformations give their lines against it.
     */
    static String relationshipEndingWith(String field, String block) {
        return """
                apiVersion: protect.trident.netapp.io/v1
                kind: AppMirrorRelationship
                metadata: {name: shop-mirror, namespace: shop-dr}
                spec:
                  desiredState: Promoted
                  sourceAppVaultRef: src
                  destinationAppVaultRef: dst
                  sourceApplicationName: shop
                  namespaceMapping: [{source: shop, destination: shop-dr}]
                  %s:
                """.formatted(field) + block.indent(4);
    }

    private Problems() {
    }

    /** The problems of a seed file after replacing {@code from} by {@code to} in its text. */
    static List<Problem> ofEditedSeed(String seed, String from, String to) {
        String text = Seeds.text(seed);
        assertTrue(text.contains(from), "the seed contains " + from);
        return Validator.validate(FILE, text.replace(from, to));
    }

    /** Exactly one problem, on {@code field}, whose message and fix contain the given parts. */
    static Problem single(List<Problem> problems, String field, String message, String fix) {
        assertEquals(1, problems.size(), () -> "expected one problem, got:\n" + render(problems));
        return has(problems, field, message, fix);
    }

    /** A problem on {@code field} whose message and fix contain the given parts, among others. */
    static Problem has(List<Problem> problems, String field, String message, String fix) {
        for (Problem problem : problems) {
            if (problem.field().equals(field)) {
                assertEquals(FILE, problem.source(), "names the file");
                assertTrue(problem.line() > 0, () -> "names a line: " + problem);
                assertTrue(problem.message().contains(message), () -> "message of " + problem);
                assertTrue(problem.fix().contains(fix), () -> "fix of " + problem);
                return problem;
            }
        }
        return fail("no problem on " + field + " in:\n" + render(problems));
    }

    static String render(List<Problem> problems) {
        return problems.stream().map(Problem::toString).collect(Collectors.joining("\n"));
    }
}
