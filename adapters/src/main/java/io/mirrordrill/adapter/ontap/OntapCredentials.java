package io.mirrordrill.adapter.ontap;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A user name and password for ONTAP's Basic authentication. {@link #toString()} shows the user only; the password
 * leaves this object only as the {@code Authorization} header value.
 */
public final class OntapCredentials {
    private final String username;
    private final String password;

    private OntapCredentials(String username, String password) {
        if (username == null || username.isEmpty()) {
            throw new OntapConfigException("ONTAP credentials need a user name");
        }
        if (password == null || password.isEmpty()) {
            throw new OntapConfigException("ONTAP credentials for user " + username + " need a password");
        }
        if (username.contains(":")) {
            throw new OntapConfigException("an ONTAP user name cannot contain ':' (Basic authentication)");
        }
        this.username = username;
        this.password = password;
    }

    public static OntapCredentials of(String username, String password) {
        return new OntapCredentials(username, password);
    }

    public String username() {
        return username;
    }

    String authorizationHeader() {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "OntapCredentials[username=" + username + ", password=****]";
    }
}
