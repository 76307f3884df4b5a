package io.mirrordrill.engine.appvault;

/**
 * A credential of {@code spec.providerCredentials} could not be read: its Secret or key is missing, or the value is
 * unusable. Names the credential, the Secret, the key and the namespace; never the value.
 */
public class CredentialException extends AppVaultException {
    private final String credential;
    private final String namespace;
    private final String secret;
    private final String key;

    public CredentialException(String reason, String problem, String fix, String credential, String namespace,
                               String secret, String key) {
        super(reason, problem, fix);
        this.credential = credential;
        this.namespace = namespace;
        this.secret = secret;
        this.key = key;
    }

    /** The credential's name in {@code spec.providerCredentials}, e.g. {@code secretAccessKey}. */
    public String credential() {
        return credential;
    }

    public String namespace() {
        return namespace;
    }

    public String secret() {
        return secret;
    }

    public String key() {
        return key;
    }
}
