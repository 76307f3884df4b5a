package io.mirrordrill.sim;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A protocol server's limit on request bodies, shared by the S3, ONTAP REST and Kubernetes API servers: a declared
 * {@code Content-Length} over the limit is refused before any byte of the body is read, a body without a declared
 * length is read only up to the limit, and a refused body is not read at all when it is large. Counts the bytes it
 * reads from request streams, so tests can prove that a refusal cost no memory.
 */
public final class BodyLimit {
    /**
     * A refused body at most this long is read and dropped before the answer, so a client that sent it whole (no
     * {@code Expect: 100-continue}) reads the answer instead of a reset connection; a longer one is left unread and
     * the connection closes after the answer.
     */
    public static final long DISCARD_AT_MOST = 64 * 1024;

    /** A request's body stream, opened only when it is to be read. */
    @FunctionalInterface
    public interface Body {
        InputStream open() throws IOException;
    }

    private final long maxBytes;
    private final AtomicLong bytesRead = new AtomicLong();

    public BodyLimit(long maxBytes) {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("a body limit must be positive: " + maxBytes);
        }
        this.maxBytes = maxBytes;
    }

    public long maxBytes() {
        return maxBytes;
    }

    /**
     * The length a request declares: its {@code Content-Length}, 0 when it has no body, -1 when its body comes
     * without a length ({@code Transfer-Encoding: chunked}).
     */
    public static long declared(long contentLength, String transferEncoding) {
        return contentLength >= 0 ? contentLength : transferEncoding == null ? 0 : -1;
    }

    /** Whether a declared length (negative when none was declared) is over the limit. */
    public boolean refuses(long declaredLength) {
        return declaredLength > maxBytes;
    }

    /** Bytes this server read from request bodies so far (kept and dropped ones). */
    public long bytesRead() {
        return bytesRead.get();
    }

    /**
     * The whole body, read up to the limit; {@code null} when it runs past the limit (a body sent without a length,
     * or longer than it declared): the caller answers 413 and closes the connection.
     */
    public byte[] read(InputStream in, long declaredLength) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(Math.max(declaredLength, 256), maxBytes));
        byte[] buffer = new byte[16 * 1024];
        long total = 0;
        for (int n; (n = in.read(buffer)) > 0; ) {
            bytesRead.addAndGet(n);
            total += n;
            if (total > maxBytes) {
                return null;
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    /**
     * After a refusal decided from the headers: drops a short body so the answer reaches a client that sent it at
     * once. Returns whether the body is consumed; when not, the caller closes the connection after answering. A
     * client waiting for {@code 100 Continue} is not asked for its body at all: the stream is opened only to read
     * (opening a servlet request's stream sends the {@code 100 Continue}).
     */
    public boolean discard(Body body, long declaredLength, boolean expectsContinue) {
        if (declaredLength == 0) {
            return true;
        }
        if (expectsContinue || declaredLength < 0 || declaredLength > DISCARD_AT_MOST) {
            return false;
        }
        byte[] buffer = new byte[8 * 1024];
        try {
            InputStream in = body.open();
            long left = declaredLength;
            for (int n; left > 0 && (n = in.read(buffer, 0, (int) Math.min(buffer.length, left))) > 0; ) {
                bytesRead.addAndGet(n);
                left -= n;
            }
            return left == 0;
        } catch (IOException e) {
            return false;
        }
    }
}
