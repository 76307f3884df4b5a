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
            try {
                for (Path file : DrillCatalog.resolve(target, BuiltInDrills.directory())) {
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
