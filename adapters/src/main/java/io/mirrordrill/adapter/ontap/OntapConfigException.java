package io.mirrordrill.adapter.ontap;

import io.mirrordrill.port.MirrordrillException;

/** An ONTAP connection setting that cannot work (bad URL, plain HTTP off loopback, unreadable CA); names it. */
public class OntapConfigException extends MirrordrillException {
    public OntapConfigException(String message) {
        super(message);
    }

    public OntapConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
