package io.mirrordrill.port;

/**
 * The engine's one root exception. Subclasses carry typed fields; only the CLI turns them into exit codes.
 */
public class MirrordrillException extends RuntimeException {
    public MirrordrillException(String message) {
        super(message);
    }

    public MirrordrillException(String message, Throwable cause) {
        super(message, cause);
    }
}
