package io.mirrordrill.port.ontap;

import io.mirrordrill.port.MirrordrillException;

/**
 * An error as ONTAP's REST API returns it: {@code {"error":{"message","code","target"}}} with an HTTP status.
 * Codes are ONTAP's own (see {@link OntapErrors}), so the emulator and a real cluster fail the same way.
 */
public class OntapException extends MirrordrillException {
    private final int httpStatus;
    private final String code;
    private final String target;

    public OntapException(int httpStatus, String code, String message, String target) {
        super(message);
        this.httpStatus = httpStatus;
        this.code = code;
        this.target = target;
    }

    public OntapException(int httpStatus, String code, String message) {
        this(httpStatus, code, message, null);
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** ONTAP's error code, a decimal string such as {@code "13303808"}. */
    public String code() {
        return code;
    }

    /** The field the error refers to, when ONTAP names one. */
    public String target() {
        return target;
    }

    @Override
    public String toString() {
        return "OntapException[" + httpStatus + " code=" + code + (target == null ? "" : " target=" + target) + "]: "
                + getMessage();
    }
}
