package io.mirrordrill.port.kubernetes;

/**
 * What the API server knows about one kind in one version: where it lives ({@code plural}, group, version), whether it
 * is namespaced, and whether {@code status} is a subresource (then updates ignore status and status updates ignore
 * everything else).
 *
 * @param group empty for the core group
 */
public record ResourceKind(String group, String version, String kind, String plural, boolean namespaced,
                           boolean statusSubresource) {

    /** {@code v1} for the core group, otherwise {@code group/version}. */
    public String apiVersion() {
        return group.isEmpty() ? version : group + "/" + version;
    }

    /**
     * The group-qualified resource the API server names in its messages: {@code configmaps},
     * {@code deployments.apps}, {@code appvaults.protect.trident.netapp.io}.
     */
    public String resource() {
        return group.isEmpty() ? plural : plural + "." + group;
    }

    /** Splits an apiVersion into {group, version}; the core group is the empty string. */
    public static String[] splitApiVersion(String apiVersion) {
        int slash = apiVersion.indexOf('/');
        return slash < 0 ? new String[] {"", apiVersion}
                : new String[] {apiVersion.substring(0, slash), apiVersion.substring(slash + 1)};
    }
}
