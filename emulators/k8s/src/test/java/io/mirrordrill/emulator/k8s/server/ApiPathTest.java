package io.mirrordrill.emulator.k8s.server;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ApiPathTest {
    private static ApiPath parse(String path) {
        return ApiPath.parse(path).orElseThrow();
    }

    @Test
    void discoveryPathsAreRecognised() {
        assertEquals(ApiPath.Type.VERSION, parse("/version").type());
        assertEquals(ApiPath.Type.API_ROOT, parse("/api").type());
        assertEquals(ApiPath.Type.APIS_ROOT, parse("/apis/").type());
        assertEquals(ApiPath.Type.GROUP, parse("/apis/apps").type());
        ApiPath core = parse("/api/v1");
        assertEquals(ApiPath.Type.GROUP_VERSION, core.type());
        assertEquals("v1", core.groupVersion());
        assertEquals("apps/v1", parse("/apis/apps/v1").groupVersion());
    }

    @Test
    void namespacedAndClusterScopedResourcePathsAreTakenApart() {
        assertEquals(new ApiPath(ApiPath.Type.RESOURCE, "", "v1", "app", "configmaps", "cfg", null),
                parse("/api/v1/namespaces/app/configmaps/cfg"));
        assertEquals(new ApiPath(ApiPath.Type.RESOURCE, "apps", "v1", "app", "deployments", "db", "status"),
                parse("/apis/apps/v1/namespaces/app/deployments/db/status"));
        assertEquals(new ApiPath(ApiPath.Type.RESOURCE, "", "v1", null, "configmaps", null, null),
                parse("/api/v1/configmaps"));
        assertEquals(new ApiPath(ApiPath.Type.RESOURCE, "storage.k8s.io", "v1", null, "storageclasses", "gold", null),
                parse("/apis/storage.k8s.io/v1/storageclasses/gold"));
    }

    @Test
    void aNamespacesOwnSubresourcesAreNotTakenForAResourceInIt() {
        assertEquals(new ApiPath(ApiPath.Type.RESOURCE, "", "v1", null, "namespaces", "app", "status"),
                parse("/api/v1/namespaces/app/status"));
        assertEquals(new ApiPath(ApiPath.Type.RESOURCE, "", "v1", null, "namespaces", "app", null),
                parse("/api/v1/namespaces/app"));
        assertEquals(new ApiPath(ApiPath.Type.RESOURCE, "", "v1", "app", "pods", "p", "exec"),
                parse("/api/v1/namespaces/app/pods/p/exec"));
    }

    @Test
    void pathsOutsideTheApiOrTooDeepAreNotApiPaths() {
        assertTrue(ApiPath.parse("/healthz").isEmpty());
        assertTrue(ApiPath.parse("/api/v1/namespaces/app/pods/p/exec/more").isEmpty());
    }
}
