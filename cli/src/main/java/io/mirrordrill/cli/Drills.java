package io.mirrordrill.cli;

import io.mirrordrill.scenario.drill.Drill;
import io.mirrordrill.scenario.drill.DrillCatalog;
import io.mirrordrill.scenario.drill.DrillInputException;
import io.mirrordrill.scenario.drill.DrillParser;
import io.mirrordrill.scenario.drill.Problem;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The drills a command line names, all parsed before any runs: one bad drill stops everything. */
final class Drills {
    private Drills() {
    }

    static List<Drill> load(List<String> targets) {
        List<Drill> drills = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (String target : targets) {
            if (target.isBlank()) {
                problems.add(new Problem("command line", 0, "drill", "an empty drill name", "give a drill file, a"
                        + " directory of drills or a built-in name (see: mirrordrill drill list)"));
                continue;
            }
            try {
                List<Path> files = DrillCatalog.resolve(target, BuiltInDrills.directory());
                if (files.isEmpty()) {
                    // a directory without drills would otherwise "pass" with nothing run
                    problems.add(new Problem(target, 0, "", "a directory with no drill file (*.yaml) in it", "give a"
                            + " directory of drills, a drill file or a built-in name (see: mirrordrill drill list)"));
                }
                for (Path file : files) {
                    drills.add(DrillParser.parse(file));
                }
            } catch (DrillInputException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new DrillInputException(problems);
        }
        return drills;
    }
}
