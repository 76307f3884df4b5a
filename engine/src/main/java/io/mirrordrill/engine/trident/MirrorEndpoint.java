package io.mirrordrill.engine.trident;

/** One volume as SnapMirror names it, plus where its cluster is managed: {@code svm:volume} at a management LIF. */
public record MirrorEndpoint(String managementLif, String svm, String volume) {
    public String path() {
        return svm + ":" + volume;
    }

    /** Parses Trident's remote volume handle {@code "svm:volume"}. */
    public static MirrorEndpoint parse(String managementLif, String handle) {
        int colon = handle == null ? -1 : handle.indexOf(':');
        if (colon <= 0 || colon == handle.length() - 1) {
            throw new IllegalArgumentException("volume handle \"" + handle + "\" is not of the form svm:volume");
        }
        return new MirrorEndpoint(managementLif, handle.substring(0, colon), handle.substring(colon + 1));
    }

    @Override
    public String toString() {
        return path() + "@" + managementLif;
    }
}
