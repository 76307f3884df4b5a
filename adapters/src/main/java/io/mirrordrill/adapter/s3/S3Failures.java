package io.mirrordrill.adapter.s3;

import io.mirrordrill.port.MirrordrillException;
import io.mirrordrill.port.UnreachableException;
import io.mirrordrill.port.objectstore.ObjectStoreException;
import io.mirrordrill.port.objectstore.ResponseLostException;
import io.mirrordrill.port.objectstore.S3Errors;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.function.Function;
import javax.net.ssl.SSLException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Translates SDK failures into the port's. A service error keeps S3's code and status; HEAD answers have no body, so
 * their code is inferred from the status. A failure to connect (refused, unknown host, TLS handshake) is
 * {@link UnreachableException}: nothing happened. A failure after the request was sent (read timeout, connection
 * dropped) is {@link ResponseLostException}: it may have happened. Messages carry no credentials: SDK messages
 * name the request, never the keys.
 */
final class S3Failures {
    private final String endpoint;

    S3Failures(String endpoint) {
        this.endpoint = endpoint;
    }

    MirrordrillException fromService(S3Exception e, String bucket, String key, boolean head,
                                     Function<String, Boolean> bucketExists) {
        String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
        String message = head || e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorMessage();
        if (head || code == null || code.isEmpty()) {
            // the SDK names a code for some body-less answers (404 on HeadObject is always "NoSuchKey"): not trusted
            code = codeFromStatus(e.statusCode(), bucket, key, bucketExists);
        }
        if (message == null || message.isEmpty()) {
            message = "HTTP " + e.statusCode() + " " + code;
        }
        return new ObjectStoreException(e.statusCode(), code, message, bucket, key, e);
    }

    MirrordrillException fromClient(SdkException e, String bucket, String key) {
        if (e instanceof ApiCallTimeoutException || e instanceof ApiCallAttemptTimeoutException) {
            return new ResponseLostException("no response from " + endpoint + " in time: " + e.getMessage(), bucket,
                    key, e);
        }
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof ConnectException || c instanceof UnknownHostException
                    || c instanceof NoRouteToHostException || c instanceof PortUnreachableException) {
                return unreachable(c.getClass().getSimpleName() + ": " + c.getMessage(), e);
            }
            if (c instanceof SSLException) {
                return unreachable("TLS failed: " + c.getMessage(), e);
            }
            if (c instanceof SocketTimeoutException && String.valueOf(c.getMessage()).contains("connect")) {
                return unreachable("connect timed out", e);
            }
        }
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof IOException) {
                return new ResponseLostException("the response from " + endpoint + " was lost ("
                        + c.getClass().getSimpleName() + ": " + c.getMessage() + "); the request may have taken "
                        + "effect", bucket, key, e);
            }
        }
        return new ObjectStoreException(0, "ClientError", e.getMessage(), bucket, key, e);
    }

    private UnreachableException unreachable(String reason, Throwable cause) {
        UnreachableException u = new UnreachableException(endpoint, reason);
        u.initCause(cause);
        return u;
    }

    private static String codeFromStatus(int status, String bucket, String key,
                                         Function<String, Boolean> bucketExists) {
        return switch (status) {
            case 404 -> key != null && !Boolean.FALSE.equals(bucketExists.apply(bucket))
                    ? S3Errors.NO_SUCH_KEY : S3Errors.NO_SUCH_BUCKET;
            case 403 -> S3Errors.ACCESS_DENIED;
            case 412 -> S3Errors.PRECONDITION_FAILED;
            case 416 -> S3Errors.INVALID_RANGE;
            case 503 -> S3Errors.SERVICE_UNAVAILABLE;
            case 500 -> S3Errors.INTERNAL_ERROR;
            default -> "Http" + status;
        };
    }
}
