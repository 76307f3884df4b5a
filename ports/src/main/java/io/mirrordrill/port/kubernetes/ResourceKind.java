package io.mirrordrill.port.kubernetes;

import java.util.Objects;

/**
 * What the API server knows about one kind in one version: where it lives ({@code plural}, group, version), whether it
 * is namespaced, and whether {@code status} is a subresource (then updates ignore status and status updates ignore
 * everything else). A value (equal by its six fields, as the record it was); a class rather than a record so that
 * {@link #apiVersion()} and {@link #resource()}, asked on every store access and conversion, are built once.
 */
public final class ResourceKind {
    private final String group;
    private final String version;
    private final String kind;
    private final String plural;
    private final boolean namespaced;
    private final boolean statusSubresource;
    /** Built on first use (a racing second build is equal), so a kind with missing fields fails where it did. */
    private String apiVersion;
    private String resource;

    /** @param group empty for the core group */
    public ResourceKind(String group, String version, String kind, String plural, boolean namespaced,
                        boolean statusSubresource) {
        this.group = group;
        this.version = version;
        this.kind = kind;
        this.plural = plural;
        this.namespaced = namespaced;
        this.statusSubresource = statusSubresource;
    }

    public String group() {
        return group;
    }

    public String version() {
        return version;
    }

    public String kind() {
        return kind;
    }

    public String plural() {
        return plural;
    }

    public boolean namespaced() {
        return namespaced;
    }

    public boolean statusSubresource() {
        return statusSubresource;
    }

    /** {@code v1} for the core group, otherwise {@code group/version}. */
    public String apiVersion() {
        if (apiVersion == null) {
            apiVersion = group.isEmpty() ? version : group + "/" + version;
        }
        return apiVersion;
    }

    /**
     * The group-qualified resource the API server names in its messages: {@code configmaps},
     * {@code deployments.apps}, {@code appvaults.protect.trident.netapp.io}.
     */
    public String resource() {
        if (resource == null) {
            resource = group.isEmpty() ? plural : plural + "." + group;
        }
        return resource;
    }

    /** Splits an apiVersion into {group, version}; the core group is the empty string. */
    public static String[] splitApiVersion(String apiVersion) {
        int slash = apiVersion.indexOf('/');
        return slash < 0 ? new String[] {"", apiVersion}
                : new String[] {apiVersion.substring(0, slash), apiVersion.substring(slash + 1)};
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ResourceKind k && namespaced == k.namespaced && statusSubresource == k.statusSubresource
                && Objects.equals(group, k.group) && Objects.equals(version, k.version) && Objects.equals(kind, k.kind)
                && Objects.equals(plural, k.plural);
    }

    @Override
    public int hashCode() {
        return Objects.hash(group, version, kind, plural, namespaced, statusSubresource);
    }

    @Override
    public String toString() {
        return "ResourceKind[group=" + group + ", version=" + version + ", kind=" + kind + ", plural=" + plural
                + ", namespaced=" + namespaced + ", statusSubresource=" + statusSubresource + "]";
    }
}
