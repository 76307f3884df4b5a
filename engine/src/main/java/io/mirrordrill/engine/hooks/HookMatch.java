package io.mirrordrill.engine.hooks;

import io.mirrordrill.engine.model.MatchingCriterion;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * An ExecHook's {@code matchingCriteria} against one container: every criterion must match (Trident protect combines
 * a hook's filters with AND); no criteria match every container. A value is a regular expression searched for in
 * the field, as Go's {@code regexp.MatchString} does (anchor it with ^...$ for a whole match). {@code PodLabel} is
 * searched in each {@code key=value} of the pod's labels, and matches when one does.
 */
public final class HookMatch {
    private HookMatch() {}

    public static boolean matches(List<MatchingCriterion> criteria, String namespace, String pod, Map<String, String> labels,
                           String container, String image) {
        if (criteria == null) {
            return true;
        }
        for (MatchingCriterion c : criteria) {
            Pattern p = Pattern.compile(c.value());
            boolean hit = switch (c.typeValue().orElseThrow()) {
                case CONTAINER_IMAGE -> p.matcher(image == null ? "" : image).find();
                case CONTAINER_NAME -> p.matcher(container).find();
                case POD_NAME -> p.matcher(pod).find();
                case NAMESPACE_NAME -> p.matcher(namespace).find();
                case POD_LABEL -> labels.entrySet().stream().anyMatch(e -> p.matcher(e.getKey() + "=" + e.getValue())
                        .find());
            };
            if (!hit) {
                return false;
            }
        }
        return true;
    }
}
