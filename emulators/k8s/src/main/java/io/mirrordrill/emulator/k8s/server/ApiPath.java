package io.mirrordrill.emulator.k8s.server;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A request path of the Kubernetes API, taken apart: a discovery document, or a resource path
 * {@code /api/v1[/namespaces/{ns}]/{plural}[/{name}[/{subresource}]]} (and {@code /apis/{group}/{version}/...}).
 * Whether a segment is a namespace or a name is decided as the API server's routes decide it:
 * {@code /api/v1/namespaces/x/status} is the status of namespace x, {@code /api/v1/namespaces/x/pods} the pods in it.
 *
 * @param group empty for the core group; null for {@link Type#VERSION} and the roots
 */
record ApiPath(Type type, String group, String version, String namespace, String plural, String name,
               String subresource) {

    enum Type { VERSION, API_ROOT, APIS_ROOT, GROUP, GROUP_VERSION, RESOURCE }

    /** The path taken apart, or empty when it is not a path of the API. */
    static Optional<ApiPath> parse(String path) {
        List<String> s = Arrays.stream(path.split("/")).filter(p -> !p.isEmpty()).toList();
        if (s.equals(List.of("version"))) {
            return Optional.of(discovery(Type.VERSION, null, null));
        }
        if (s.isEmpty() || !(s.get(0).equals("api") || s.get(0).equals("apis"))) {
            return Optional.empty();
        }
        boolean core = s.get(0).equals("api");
        if (s.size() == 1) {
            return Optional.of(discovery(core ? Type.API_ROOT : Type.APIS_ROOT, null, null));
        }
        if (!core && s.size() == 2) {
            return Optional.of(discovery(Type.GROUP, s.get(1), null));
        }
        String group = core ? "" : s.get(1);
        String version = core ? s.get(1) : s.get(2);
        List<String> rest = s.subList(core ? 2 : 3, s.size());
        if (rest.isEmpty()) {
            return Optional.of(discovery(Type.GROUP_VERSION, group, version));
        }
        boolean namespaced = rest.get(0).equals("namespaces") && rest.size() >= 3
                && !(rest.size() == 3 && (rest.get(2).equals("status") || rest.get(2).equals("finalize")));
        String namespace = namespaced ? rest.get(1) : null;
        List<String> r = namespaced ? rest.subList(2, rest.size()) : rest;
        if (r.size() > 3) {
            return Optional.empty();
        }
        return Optional.of(new ApiPath(Type.RESOURCE, group, version, namespace, r.get(0), at(r, 1), at(r, 2)));
    }

    private static ApiPath discovery(Type type, String group, String version) {
        return new ApiPath(type, group, version, null, null, null, null);
    }

    private static String at(List<String> parts, int index) {
        return parts.size() > index ? parts.get(index) : null;
    }

    /** {@code v1} or {@code group/version}. */
    String groupVersion() {
        return group.isEmpty() ? version : group + "/" + version;
    }
}
