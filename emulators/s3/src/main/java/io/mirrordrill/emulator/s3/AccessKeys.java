package io.mirrordrill.emulator.s3;

import io.mirrordrill.port.objectstore.ObjectStoreException;
import io.mirrordrill.port.objectstore.S3Errors;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The access keys an emulated S3 endpoint accepts, and S3's answers to a caller presenting wrong ones: an unknown
 * key id is 403 InvalidAccessKeyId, a missing or wrong session token 400 InvalidToken, a wrong secret 403
 * SignatureDoesNotMatch (S3 never sees the secret, only a signature made with it). The S3 server's SigV4 check and
 * the simulated connector both use these rules, so a wrong key fails the same way over HTTP and in simulation.
 */
final class AccessKeys {
    private final Map<String, S3Credentials> keys = new TreeMap<>();

    AccessKeys(List<S3Credentials> credentials) {
        if (credentials.isEmpty()) {
            throw new IllegalArgumentException("an S3 endpoint needs at least one access key");
        }
        credentials.forEach(c -> keys.put(c.accessKeyId(), c));
    }

    /** The configured credentials of a key id. */
    S3Credentials find(String accessKeyId, String bucket, String key) {
        S3Credentials credentials = keys.get(accessKeyId);
        if (credentials == null) {
            throw new ObjectStoreException(403, S3Errors.INVALID_ACCESS_KEY_ID,
                    "The AWS Access Key Id you provided does not exist in our records.", bucket, key);
        }
        return credentials;
    }

    /** Temporary credentials are only valid with their session token. */
    static void checkToken(S3Credentials credentials, String token, String bucket, String key) {
        if (credentials.sessionToken() != null && !credentials.sessionToken().equals(token)) {
            throw new ObjectStoreException(400, S3Errors.INVALID_TOKEN,
                    "The provided token is malformed or otherwise invalid.", bucket, key);
        }
    }

    /** Checks credentials presented as values (no request to sign): what a signature check would conclude. */
    void authenticate(S3Credentials presented, String bucket, String key) {
        S3Credentials known = find(presented.accessKeyId(), bucket, key);
        checkToken(known, presented.sessionToken(), bucket, key);
        if (!MessageDigest.isEqual(known.secretAccessKey().getBytes(StandardCharsets.UTF_8),
                presented.secretAccessKey().getBytes(StandardCharsets.UTF_8))) {
            throw signatureDoesNotMatch(bucket, key);
        }
    }

    static ObjectStoreException signatureDoesNotMatch(String bucket, String key) {
        return new ObjectStoreException(403, S3Errors.SIGNATURE_DOES_NOT_MATCH, "The request signature we "
                + "calculated does not match the signature you provided. Check your key and signing method.",
                bucket, key);
    }
}
