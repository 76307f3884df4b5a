package io.mirrordrill.scenario.drill;

import com.fasterxml.jackson.databind.JsonNode;
import io.mirrordrill.scenario.ScenarioException;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Values filled in when a step runs, written {@code ${...}} in applied files and step fields:
 * <ul>
 *   <li>{@code ${NAME}}: a variable (from {@code vars}, a {@code set} step or a snapshot's {@code saveAs});</li>
 *   <li>{@code ${uid:CLUSTER/KIND/NAMESPACE/NAME}}: an object's {@code metadata.uid} (cluster-scoped:
 *       {@code CLUSTER/KIND/NAME});</li>
 *   <li>{@code ${field:CLUSTER/KIND/NAMESPACE/NAME:PATH}}: any field, e.g. {@code status.appArchivePath};</li>
 *   <li>{@code ${basename:...:PATH}}: the last {@code /}-segment of a field (for {@code spec.promotedSnapshot});</li>
 *   <li>{@code ${volume:CLUSTER/PersistentVolumeClaim/NAMESPACE/NAME}}: the storage volume of a bound claim, as its
 *       PV's {@code spec.csi.volumeAttributes.internalName} (the ONTAP volume Trident made or imported).</li>
 * </ul>
 * {@code $${} writes a literal {@code ${}.
 */
public final class Template {
    private static final Pattern EXPRESSION = Pattern.compile("\\$?\\$\\{([^}]*)}");
    private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /** Where templates get their values. */
    public interface Lookup {
        Optional<String> variable(String name);

        /** The object now, as JSON; empty when it does not exist. */
        Optional<JsonNode> object(Ref ref);
    }

    /** One {@code ${...}}: a variable name, or a function over an object and a field path. */
    public record Reference(String raw, String function, String variable, Ref ref, String field) {
        public boolean isVariable() {
            return variable != null;
        }
    }

    /** A template that cannot be filled in now (a variable never set, an object that does not exist). */
    public static final class TemplateException extends ScenarioException {
        public TemplateException(String message) {
            super(message);
        }
    }

    private Template() {
    }

    /** Every reference in {@code text}; a malformed one throws {@link IllegalArgumentException} naming it. */
    public static List<Reference> references(String text) {
        List<Reference> out = new ArrayList<>();
        Matcher m = EXPRESSION.matcher(text);
        while (m.find()) {
            if (!m.group().startsWith("$$")) {
                out.add(parse(m.group(1)));
            }
        }
        return out;
    }

    public static boolean isTemplated(String text) {
        return text.contains("${");
    }

    public static String render(String text, Lookup lookup) {
        if (!isTemplated(text)) {
            return text;
        }
        Matcher m = EXPRESSION.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = m.group().startsWith("$$") ? m.group().substring(1) : value(parse(m.group(1)), lookup);
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String value(Reference r, Lookup lookup) {
        if (r.isVariable()) {
            return lookup.variable(r.variable()).orElseThrow(() -> new TemplateException("variable " + r.variable()
                    + " is not set yet (${" + r.raw() + "})"));
        }
        JsonNode object = lookup.object(r.ref()).orElseThrow(() -> new TemplateException("${" + r.raw()
                + "}: " + r.ref().describe() + " does not exist"));
        if (r.function().equals("volume")) {
            object = boundVolume(r, object, lookup);
        }
        JsonNode value = at(object, r.field());
        if (value.isMissingNode() || value.isNull() || !value.isValueNode()) {
            throw new TemplateException("${" + r.raw() + "}: " + r.ref().describe() + " has no value at "
                    + r.field());
        }
        String text = value.asText();
        return r.function().equals("basename") ? text.substring(text.lastIndexOf('/') + 1) : text;
    }

    /** The PersistentVolume a claim is bound to (the field read from it is its internal name). */
    private static JsonNode boundVolume(Reference r, JsonNode claim, Lookup lookup) {
        String pv = claim.path("spec").path("volumeName").asText("");
        if (pv.isEmpty()) {
            throw new TemplateException("${" + r.raw() + "}: " + r.ref().describe() + " is not bound to a volume yet");
        }
        Ref volume = new Ref(r.ref().cluster(), "v1", "PersistentVolume", null, pv);
        return lookup.object(volume).orElseThrow(() -> new TemplateException("${" + r.raw() + "}: "
                + volume.describe() + " does not exist"));
    }

    /** The node at a dotted path ({@code status.conditions[0].type}); missing when absent. */
    public static JsonNode at(JsonNode root, String path) {
        JsonNode node = root;
        for (String part : path.split("\\.")) {
            int bracket = part.indexOf('[');
            String key = bracket < 0 ? part : part.substring(0, bracket);
            if (!key.isEmpty()) {
                node = node.path(key);
            }
            while (bracket >= 0) {
                int close = part.indexOf(']', bracket);
                node = node.path(Integer.parseInt(part.substring(bracket + 1, close)));
                bracket = part.indexOf('[', close);
            }
        }
        return node;
    }

    private static Reference parse(String body) {
        String b = body.strip();
        if (VARIABLE.matcher(b).matches()) {
            return new Reference(b, "var", b, null, null);
        }
        int colon = b.indexOf(':');
        String function = colon < 0 ? "" : b.substring(0, colon);
        if (!List.of("uid", "field", "basename", "volume").contains(function)) {
            throw new IllegalArgumentException("${" + b + "} is neither a variable name nor uid:, field:, basename:"
                    + " or volume:");
        }
        String rest = b.substring(colon + 1);
        String field = function.equals("volume") ? "spec.csi.volumeAttributes.internalName" : "metadata.uid";
        if (function.equals("field") || function.equals("basename")) {
            int last = rest.lastIndexOf(':');
            if (last < 0) {
                throw new IllegalArgumentException("${" + b + "} needs a field path: " + function
                        + ":CLUSTER/KIND/NAMESPACE/NAME:PATH");
            }
            field = rest.substring(last + 1);
            rest = rest.substring(0, last);
        }
        String[] parts = rest.split("/");
        if (parts.length != 3 && parts.length != 4) {
            throw new IllegalArgumentException("${" + b + "} names an object as CLUSTER/KIND/NAMESPACE/NAME"
                    + " (or CLUSTER/KIND/NAME when cluster-scoped)");
        }
        String kind = parts[1];
        String apiVersion = Kinds.apiVersionOf(kind).orElseThrow(() -> new IllegalArgumentException("${" + b
                + "}: unknown kind " + kind + "; known: " + Kinds.known()));
        if (function.equals("volume") && (parts.length != 4 || !kind.equals("PersistentVolumeClaim"))) {
            throw new IllegalArgumentException("${" + b + "} names a claim: volume:CLUSTER/PersistentVolumeClaim"
                    + "/NAMESPACE/NAME");
        }
        Ref ref = parts.length == 3 ? new Ref(parts[0], apiVersion, kind, null, parts[2])
                : new Ref(parts[0], apiVersion, kind, parts[2], parts[3]);
        return new Reference(b, function, null, ref, field);
    }
}
