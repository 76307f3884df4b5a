package io.mirrordrill.port.element;

import io.mirrordrill.port.MirrordrillException;

/**
 * An error as the Element API returns it: {@code {"id":N,"error":{"code":500,"name":"xVolumeIDDoesNotExist",
 * "message":"..."}}}. The name is Element's own (see {@link ElementErrors}), so the emulator and a real cluster
 * fail the same way; the numeric code is 500 for every API error Element reports.
 */
public class ElementException extends MirrordrillException {
    private final int code;
    private final String name;

    public ElementException(int code, String name, String message) {
        super(message);
        this.code = code;
        this.name = name;
    }

    /** An API error with Element's usual code 500. */
    public ElementException(String name, String message) {
        this(500, name, message);
    }

    public int code() {
        return code;
    }

    /** Element's error name, such as {@code xVolumeIDDoesNotExist}. */
    public String name() {
        return name;
    }

    @Override
    public String toString() {
        return "ElementException[" + code + " " + name + "]: " + getMessage();
    }
}
