package io.mirrordrill.cli;

import picocli.CommandLine;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The tree of commands, built only along the path the arguments name. picocli reflects over every command it is
 * given, and creating a command runs its class's initialisers (the controller's YAML mapper, the fuzzer's and the
 * benchmark's classes): for {@code drill run} that was about a tenth of the whole process. Whenever the path is not
 * plain (no subcommand, an unknown or misspelt one, an {@code @file} of arguments, {@code --}), the whole tree is
 * built, so usage, suggestions and errors read exactly as before. The order here is the order usage lists them in.
 */
final class CommandTree {
    /** The options of mirrordrill and drill: all flags, so every other word before the leaf names a command. */
    private static final Set<String> FLAGS = Set.of("-h", "--help", "-V", "--version", "--debug");

    private CommandTree() {
    }

    static CommandLine of(String[] args) {
        List<String> words = words(args);
        CommandLine top = new CommandLine(new MirrordrillCommand());
        if (words == null) {
            return whole(top);
        }
        if (words.isEmpty()) {
            // --version needs no subcommand; usage (no command, --help) lists them all
            return args.length > 0 && List.of(args).stream().allMatch(a -> a.equals("-V") || a.equals("--version"))
                    ? top : whole(top);
        }
        switch (words.get(0)) {
            case "drill" -> top.addSubcommand(drill(words.size() > 1 ? words.get(1) : null));
            case "serve" -> top.addSubcommand(new ServeCommand());
            case "controller" -> top.addSubcommand(new ControllerCommand());
            default -> whole(top);
        }
        return top;
    }

    /** Every command, as usage lists them. */
    static CommandLine whole() {
        return whole(new CommandLine(new MirrordrillCommand()));
    }

    private static CommandLine whole(CommandLine top) {
        top.addSubcommand(drill(null));
        top.addSubcommand(new ServeCommand());
        top.addSubcommand(new ControllerCommand());
        return top;
    }

    /** {@code drill} with the one subcommand named, or all of them when {@code name} is none of the short ones. */
    private static CommandLine drill(String name) {
        CommandLine drill = new CommandLine(new DrillCommand());
        Supplier<Object> only = name == null ? null : switch (name) {
            case "list" -> ListCommand::new;
            case "run" -> RunCommand::new;
            case "validate" -> ValidateCommand::new;
            default -> null;
        };
        if (only != null) {
            drill.addSubcommand(only.get());
            return drill;
        }
        drill.addSubcommand(new ListCommand());
        drill.addSubcommand(new RunCommand());
        drill.addSubcommand(new ValidateCommand());
        drill.addSubcommand(new FuzzCommand());
        drill.addSubcommand(new BenchCommand());
        return drill;
    }

    /** The first two words that are not options, or null when the arguments are not plain enough to tell. */
    private static List<String> words(String[] args) {
        List<String> words = new ArrayList<>(2);
        for (String arg : args) {
            if (words.size() == 2) {
                break;
            }
            if (arg.startsWith("@") || arg.equals("--")) {
                return null;
            }
            if (arg.startsWith("-")) {
                if (!FLAGS.contains(arg)) {
                    return null;
                }
                continue;
            }
            words.add(arg);
        }
        return words;
    }
}
