package io.mirrordrill.sim;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Locale;

/**
 * HTTP Basic authentication against one configured user. Comparisons take the same time whatever the input; the
 * password is kept only as bytes and never appears in {@link #toString()}, traces or answers.
 */
public final class BasicAuth {
    private final byte[] username;
    private final byte[] password;
    private final String user;

    /** {@code server} names the server in the error when a credential is missing. */
    public BasicAuth(String server, String username, String password) {
        if (username == null || username.isEmpty() || password == null || password.isEmpty()) {
            throw new IllegalArgumentException(server + " needs a user name and a password");
        }
        this.user = username;
        this.username = username.getBytes(StandardCharsets.UTF_8);
        this.password = password.getBytes(StandardCharsets.UTF_8);
    }

    /** Whether an {@code Authorization} header carries this user's credentials. */
    public boolean accepts(String header) {
        if (header == null || header.length() < 6 || !header.substring(0, 6).toLowerCase(Locale.ROOT).equals("basic ")) {
            return false;
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(header.substring(6).trim());
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
        int colon = indexOf(decoded, (byte) ':');
        if (colon < 0) {
            return false;
        }
        byte[] givenUser = java.util.Arrays.copyOfRange(decoded, 0, colon);
        byte[] givenPassword = java.util.Arrays.copyOfRange(decoded, colon + 1, decoded.length);
        // both compared, always: the time taken does not tell which one was wrong
        boolean userOk = MessageDigest.isEqual(givenUser, username);
        boolean passwordOk = MessageDigest.isEqual(givenPassword, password);
        return userOk & passwordOk;
    }

    private static int indexOf(byte[] bytes, byte b) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public String toString() {
        return "BasicAuth[user=" + user + ", password=****]";
    }
}
