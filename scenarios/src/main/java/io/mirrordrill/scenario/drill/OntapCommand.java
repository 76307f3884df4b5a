package io.mirrordrill.scenario.drill;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * An ONTAP CLI command as a storage administrator types it at {@code cluster::>}: a command path
 * ({@code snapmirror break}) and named parameters ({@code -destination-path svm_dr:vol1}). Parsed strictly: an unknown
 * command or parameter, a missing required one or a value out of its set is refused before the drill runs.
 * Positional parameters (which the real CLI also takes) are refused: a runbook reads better with names.
 */
public record OntapCommand(String verb, SortedMap<String, String> params) {
    /** One command: its parameters, which are required, and those whose values are {@code true|false}. */
    private record Form(Set<String> required, Set<String> optional, Set<String> flags, String example) {
        Set<String> all() {
            Set<String> all = new TreeSet<>(required);
            all.addAll(optional);
            return all;
        }
    }

    private static final Map<String, Form> FORMS = forms();

    private static Map<String, Form> forms() {
        Map<String, Form> f = new TreeMap<>();
        Set<String> snap = Set.of("vserver", "volume", "snapshot");
        f.put("volume create", new Form(Set.of("vserver", "volume", "size"), Set.of("type", "snapshot-policy"),
                Set.of(), "volume create -vserver svm_dr -volume vol1_dr -size 2g -type DP"));
        f.put("volume modify", new Form(Set.of("vserver", "volume"), Set.of("snapshot-policy", "snapdir-access"),
                Set.of("snapdir-access"), "volume modify -vserver vs0 -volume vol3 -snapshot-policy default"
                        + " -snapdir-access true"));
        f.put("volume snapshot create", new Form(snap, Set.of("comment", "snapmirror-label"), Set.of(),
                "volume snapshot create -vserver vs0 -volume vol3 -snapshot vol3_snap_archive"));
        f.put("volume snapshot restore", new Form(snap, Set.of("force"), Set.of("force"),
                "volume snapshot restore -vserver vs0 -volume vol3 -snapshot vol3_snap_archive"));
        f.put("volume snapshot delete", new Form(snap, Set.of(), Set.of(),
                "volume snapshot delete -vserver vs0 -volume vol3 -snapshot vol3_snap_archive"));
        f.put("snapmirror create", new Form(Set.of("source-path", "destination-path"),
                Set.of("policy", "schedule", "identity-preserve"), Set.of("identity-preserve"),
                "snapmirror create -source-path svm1: -destination-path svm_dr: -identity-preserve true"));
        for (String verb : List.of("initialize", "update", "quiesce", "resume", "break", "resync", "delete")) {
            f.put("snapmirror " + verb, new Form(Set.of("destination-path"), Set.of(), Set.of(),
                    "snapmirror " + verb + " -destination-path svm_dr:vol1"));
        }
        f.put("snapmirror abort", new Form(Set.of("destination-path"), Set.of("hard"), Set.of("hard"),
                "snapmirror abort -destination-path svm_dr:vol1"));
        f.put("snapmirror release", new Form(Set.of("source-path", "destination-path"), Set.of(), Set.of(),
                "snapmirror release -source-path svm1:vol1 -destination-path svm_dr:vol1"));
        f.put("vserver create", new Form(Set.of("vserver"), Set.of("subtype"), Set.of(),
                "vserver create -vserver svm_dr -subtype dp-destination"));
        f.put("cluster peer create", new Form(Set.of("peer-addrs", "passphrase"), Set.of(), Set.of(),
                "cluster peer create -peer-addrs c1.intercluster -passphrase \"our peering phrase\""));
        f.put("vserver peer create", new Form(Set.of("vserver", "peer-vserver", "peer-cluster"),
                Set.of("applications"), Set.of(),
                "vserver peer create -vserver svm_dr -peer-vserver svm1 -peer-cluster c1 -applications snapmirror"));
        f.put("vserver peer accept", new Form(Set.of("vserver", "peer-vserver"), Set.of(), Set.of(),
                "vserver peer accept -vserver svm1 -peer-vserver svm_dr"));
        f.put("vserver start", new Form(Set.of("vserver"), Set.of(), Set.of(), "vserver start -vserver svm_dr"));
        f.put("vserver stop", new Form(Set.of("vserver"), Set.of(), Set.of(), "vserver stop -vserver svm1"));
        return Collections.unmodifiableMap(f);
    }

    /** The commands a drill can run, sorted. */
    public static Set<String> verbs() {
        return new TreeSet<>(FORMS.keySet());
    }

    public String param(String name) {
        return params.get(name);
    }

    public boolean flag(String name) {
        return "true".equals(params.get(name));
    }

    /** As the administrator would type it (parameters in a stable order). */
    public String text() {
        StringBuilder s = new StringBuilder(verb);
        params.forEach((k, v) -> s.append(" -").append(k).append(' ').append(v.contains(" ") ? "\"" + v + "\"" : v));
        return s.toString();
    }

    /** A problem with the command: what is wrong and the fix. */
    public record Error(String reason, String fix) {}

    /** The command, or what is wrong with it. */
    static Result parse(String line) {
        List<String> words;
        try {
            words = words(line);
        } catch (IllegalArgumentException e) {
            return Result.error(e.getMessage(), "close the quotes, e.g. -comment \"before upgrade\"");
        }
        int firstParam = 0;
        while (firstParam < words.size() && !words.get(firstParam).startsWith("-")) {
            firstParam++;
        }
        String verb = String.join(" ", words.subList(0, firstParam));
        Form form = FORMS.get(verb);
        if (form == null) {
            return Result.error("\"" + Node.abbreviated(verb) + "\" is not an ONTAP command a drill can run",
                    "use one of " + verbs());
        }
        SortedMap<String, String> params = new TreeMap<>();
        for (int i = firstParam; i < words.size(); i += 2) {
            String name = words.get(i);
            if (!name.startsWith("-") || name.length() < 2) {
                return Result.error("\"" + Node.abbreviated(name) + "\" is not a parameter of " + verb
                        + " (parameters are named: -name value)", "write e.g. " + form.example());
            }
            String key = name.substring(1);
            if (!form.all().contains(key)) {
                return Result.error(verb + " has no parameter -" + key, "use " + dashed(form.all())
                        + ", e.g. " + form.example());
            }
            if (i + 1 >= words.size() || words.get(i + 1).startsWith("-")) {
                return Result.error("-" + key + " has no value", "write e.g. " + form.example());
            }
            String value = words.get(i + 1);
            if (form.flags().contains(key) && !value.equals("true") && !value.equals("false")) {
                return Result.error("-" + key + " is true or false, not \"" + Node.abbreviated(value) + "\"",
                        "write -" + key + " true");
            }
            if (params.put(key, value) != null) {
                return Result.error("-" + key + " is given twice", "keep one -" + key);
            }
        }
        Set<String> missing = new TreeSet<>(form.required());
        missing.removeAll(params.keySet());
        if (!missing.isEmpty()) {
            return Result.error(verb + " needs " + dashed(missing), "write e.g. " + form.example());
        }
        Optional<Error> value = values(verb, params);
        if (value.isPresent()) {
            return new Result(null, value.get());
        }
        return new Result(new OntapCommand(verb, params), null);
    }

    /** Values with a fixed form: paths, the subtype, the volume type and size. */
    private static Optional<Error> values(String verb, SortedMap<String, String> all) {
        SortedMap<String, String> params = new TreeMap<>();  // a template's value is judged when the step runs
        all.forEach((k, v) -> {
            if (!Template.isTemplated(v)) {
                params.put(k, v);
            }
        });
        for (String key : List.of("source-path", "destination-path")) {
            String path = params.get(key);
            if (path != null && (path.indexOf(':') <= 0 || path.indexOf(':') != path.lastIndexOf(':'))) {
                return Optional.of(new Error("-" + key + " \"" + Node.abbreviated(path) + "\" is not a SnapMirror"
                        + " path", "write svm:volume for a volume, or svm: for an SVM (SVM-DR)"));
            }
        }
        String subtype = params.get("subtype");
        if (subtype != null && !subtype.equals("dp-destination") && !subtype.equals("default")) {
            return Optional.of(new Error("-subtype is default or dp-destination, not \"" + Node.abbreviated(subtype)
                    + "\"", "write -subtype dp-destination for an SVM-DR destination"));
        }
        String type = params.get("type");
        if (type != null && !type.equalsIgnoreCase("RW") && !type.equalsIgnoreCase("DP")) {
            return Optional.of(new Error("-type is RW or DP, not \"" + Node.abbreviated(type) + "\"",
                    "write -type DP for a SnapMirror destination"));
        }
        String size = params.get("size");
        if (size != null && bytes(size).isEmpty()) {
            return Optional.of(new Error("-size \"" + Node.abbreviated(size) + "\" is not a size",
                    "write a number with k, m, g or t, e.g. -size 2g"));
        }
        if (verb.equals("volume modify") && !all.containsKey("snapshot-policy") && !all.containsKey("snapdir-access")) {
            return Optional.of(new Error("volume modify changes nothing here", "add -snapshot-policy default (or"
                    + " none, default-1weekly) or -snapdir-access true"));
        }
        if (verb.equals("snapmirror create") && params.containsKey("identity-preserve")
                && params.containsKey("source-path") && !params.get("source-path").endsWith(":")) {
            return Optional.of(new Error("-identity-preserve applies to SVM-DR only (paths svm:)",
                    "leave -identity-preserve out, or write -source-path svm1: -destination-path svm_dr:"));
        }
        return Optional.empty();
    }

    /** An ONTAP CLI size ({@code 2g}, {@code 500m}, {@code 1t}, bytes without a unit). */
    public static Optional<Long> bytes(String size) {
        String s = size.toLowerCase(java.util.Locale.ROOT);
        long unit = 1;
        char last = s.isEmpty() ? ' ' : s.charAt(s.length() - 1);
        int k = "kmgt".indexOf(last);
        if (k >= 0) {
            unit = 1L << (10 * (k + 1));
            s = s.substring(0, s.length() - 1);
        }
        if (s.isEmpty() || s.length() > 12 || !s.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        long n = Long.parseLong(s);
        return n == 0 ? Optional.empty() : Optional.of(n * unit);
    }

    private static String dashed(Set<String> names) {
        return String.join(", ", names.stream().map(n -> "-" + n).toList());
    }

    /** Words split on blanks; a double-quoted value may hold blanks. */
    static List<String> words(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
                word = word == null ? new StringBuilder() : word;
            } else if (Character.isWhitespace(c) && !quoted) {
                if (word != null) {
                    words.add(word.toString());
                    word = null;
                }
            } else {
                word = word == null ? new StringBuilder() : word;
                word.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("a quote is not closed in \"" + Node.abbreviated(line) + "\"");
        }
        if (word != null) {
            words.add(word.toString());
        }
        return words;
    }

    record Result(OntapCommand command, Error error) {
        static Result error(String reason, String fix) {
            return new Result(null, new Error(reason, fix));
        }
    }
}
