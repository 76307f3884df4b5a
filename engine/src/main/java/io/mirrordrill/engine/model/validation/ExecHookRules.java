package io.mirrordrill.engine.model.validation;

import static io.mirrordrill.engine.model.validation.Findings.quote;

import io.mirrordrill.engine.model.ExecHook;
import io.mirrordrill.engine.model.ExecHookSpec;
import io.mirrordrill.engine.model.ExecHooksRun;
import io.mirrordrill.engine.model.ExecHooksRunSpec;
import io.mirrordrill.engine.model.HookAction;
import io.mirrordrill.engine.model.HookStage;
import io.mirrordrill.engine.model.MatchingCriterion;
import io.mirrordrill.engine.model.MatchingCriterionType;
import io.mirrordrill.engine.model.NamedValue;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * ExecHook: stage, action, a base64 script of at most 96 KiB, a timeout of a minute or more, up to 10 criteria.
 * ExecHooksRun: the application, the AppVault, a safe archive path when given, one stage and one action.
 */
final class ExecHookRules {
    static final int MAX_SCRIPT_BYTES = 96 * 1024;
    static final int MAX_CRITERIA = 10;

    private ExecHookRules() {
    }

    static void check(ExecHook hook, Findings f) {
        ExecHookSpec spec = hook.spec();
        if (!f.require("spec", spec, "add spec with applicationRef, stage, action and hookSource")) {
            return;
        }
        Checks.reference(f, "spec.applicationRef", spec.applicationRef(), "Application the hook belongs to");
        stageAndAction(spec.stage(), spec.action(), f);
        script(spec.hookSource(), f);
        if (spec.timeout() != null && spec.timeout() < 1) {
            f.add("spec.timeout", spec.timeout() + " minutes is too short", "use at least 1 (default "
                    + ExecHookSpec.DEFAULT_TIMEOUT_MINUTES + ")");
        }
        criteria(spec.matchingCriteria(), f);
    }

    static void check(ExecHooksRun run, Findings f) {
        ExecHooksRunSpec spec = run.spec();
        if (!f.require("spec", spec, "add spec with applicationRef, appVaultRef, action and stage")) {
            return;
        }
        Checks.reference(f, "spec.applicationRef", spec.applicationRef(), "Application whose hooks run");
        Checks.reference(f, "spec.appVaultRef", spec.appVaultRef(), "AppVault of the ResourceBackup");
        if (spec.appArchivePath() != null) {
            Checks.archivePath(f, "spec.appArchivePath", spec.appArchivePath());
        }
        stageAndAction(spec.stage(), spec.action(), f);
    }

    private static void stageAndAction(String stage, String action, Findings f) {
        if (f.require("spec.stage", stage, "set stage to Pre or Post")
                && HookStage.parse(stage).isEmpty()) {
            f.add("spec.stage", quote(stage) + " is not Pre or Post", "write Pre or Post (case-sensitive)");
        }
        String actions = NamedValue.list(HookAction.class);
        if (f.require("spec.action", action, "set action to one of " + actions)
                && HookAction.parse(action).isEmpty()) {
            f.add("spec.action", quote(action) + " is not an action", "use one of " + actions);
        }
    }

    private static void script(String source, Findings f) {
        if (!f.require("spec.hookSource", source, "add the script, base64-encoded (base64 -w0 hook.sh)")) {
            return;
        }
        try {
            int size = Base64.getMimeDecoder().decode(source).length;
            if (size > MAX_SCRIPT_BYTES) {
                f.add("spec.hookSource", "the script is " + size + " bytes, over the " + MAX_SCRIPT_BYTES
                        + "-byte limit", "shorten the script, or ship it in the container image and call it");
            }
        } catch (IllegalArgumentException e) {
            f.add("spec.hookSource", "is not base64", "encode the script: base64 -w0 hook.sh");
        }
    }

    private static void criteria(List<MatchingCriterion> criteria, Findings f) {
        if (criteria == null) {
            return;
        }
        if (criteria.size() > MAX_CRITERIA) {
            f.add("spec.matchingCriteria", criteria.size() + " criteria, more than " + MAX_CRITERIA,
                    "keep at most " + MAX_CRITERIA + "; one regular expression can match several names");
        }
        String types = NamedValue.list(MatchingCriterionType.class);
        for (int i = 0; i < criteria.size(); i++) {
            String at = "spec.matchingCriteria[" + i + "]";
            MatchingCriterion criterion = criteria.get(i);
            if (!f.require(at, criterion, "write {type: ContainerImage, value: <regex>}")) {
                continue;
            }
            if (f.require(at + ".type", criterion.type(), "set type to one of " + types)
                    && criterion.typeValue().isEmpty()) {
                f.add(at + ".type", "unknown type " + quote(criterion.type()), "use one of " + types);
            }
            if (f.require(at + ".value", criterion.value(), "set a regular expression, e.g. .*mysql.*")) {
                try {
                    Pattern.compile(criterion.value());
                } catch (PatternSyntaxException e) {
                    f.add(at + ".value", quote(criterion.value()) + " is not a valid regular expression ("
                            + e.getDescription() + ")", "correct the expression, e.g. .*mysql.*");
                }
            }
        }
    }
}
