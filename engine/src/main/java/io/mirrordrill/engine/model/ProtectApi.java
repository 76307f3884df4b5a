package io.mirrordrill.engine.model;

/** The API group and version of Trident protect's custom resources. */
public final class ProtectApi {
    public static final String GROUP = "protect.trident.netapp.io";
    public static final String VERSION = "v1";
    public static final String API_VERSION = GROUP + "/" + VERSION;

    private ProtectApi() {
    }
}
