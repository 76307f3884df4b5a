package io.mirrordrill.cli;

import io.mirrordrill.scenario.drill.Drill;
import io.mirrordrill.scenario.drill.DrillCatalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code mirrordrill drill list}. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List the built-in drills.")
final class ListCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<Drill> drills = DrillCatalog.builtIn(BuiltInDrills.directory()).stream()
                .sorted(Comparator.comparing(Drill::name)).toList();
        for (Drill d : drills) {
            String text = d.description().strip();
            int stop = text.indexOf(". ");
            String first = stop < 0 ? text : text.substring(0, stop + 1);
            out.printf("%-38s %s%n", d.name(), first.length() <= 110 ? first : first.substring(0, 109) + "…");
        }
        out.printf("%n%d built-in drills in %s; run one with: mirrordrill drill run <name>%n", drills.size(),
                BuiltInDrills.directory());
        return Main.PASSED;
    }
}
