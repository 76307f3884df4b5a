package io.mirrordrill.engine.restore;

/**
 * One reason a restore cannot go ahead: what it is about (a resource or the restoring custom resource), the field,
 * what is wrong and how to fix it.
 *
 * @param subject {@code Deployment ns-1/web}, {@code AppMirrorRelationship ns/amr}; never a value of the resource
 */
public record RestoreProblem(String subject, String field, String reason, String fix) {
    @Override
    public String toString() {
        return subject + ": " + field + ": " + reason + ". Fix: " + fix;
    }
}
