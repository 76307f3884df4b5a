package io.mirrordrill.port.kubernetes;

/** No built-in kind and no CustomResourceDefinition serves this apiVersion and kind (404 for the whole resource). */
public class UnknownKindException extends KubernetesException {
    public UnknownKindException(String apiVersion, String kind) {
        super(404, "NotFound", "no matches for kind \"" + kind + "\" in version \"" + apiVersion + "\"", kind, null,
                null);
    }
}
