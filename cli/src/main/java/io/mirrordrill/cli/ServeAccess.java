package io.mirrordrill.cli;

import io.mirrordrill.scenario.world.ServedWorld;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What guards serve's Kubernetes API servers for one run: a bearer token and a self-signed TLS certificate for
 * 127.0.0.1 (kubectl sends a kubeconfig's token only over HTTPS), both new per run from {@link SecureRandom} and
 * the JDK's keytool, never written anywhere but the 0600 kubeconfig.
 */
final class ServeAccess {
    private static final String ALIAS = "mirrordrill-serve";

    private final ServedWorld.KubeAccess access;
    private final String caPem;

    private ServeAccess(ServedWorld.KubeAccess access, String caPem) {
        this.access = access;
        this.caPem = caPem;
    }

    /** A new token and key pair; the key store passes through a private temporary directory, deleted at once. */
    static ServeAccess create(SecureRandom random) throws IOException {
        String token = secret(random, 32);
        String keyPassword = secret(random, 24);
        Path dir = Files.createTempDirectory("mirrordrill-serve-tls");
        Path file = dir.resolve("keys.p12");
        try {
            String keytoolPath = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
            ProcessBuilder keytool = new ProcessBuilder(List.of(keytoolPath, "-genkeypair", "-alias", ALIAS, "-keyalg", "EC", "-groupname", "secp256r1",
                    "-dname", "CN=mirrordrill serve", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "30",
                    "-storetype", "PKCS12", "-keystore", file.toString(), "-storepass:env", "MIRRORDRILL_KEYPASS"))
                    .redirectErrorStream(true);
            keytool.environment().put("MIRRORDRILL_KEYPASS", keyPassword);
            Process p = keytool.start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException("keytool could not make serve's TLS certificate: " + output.strip());
            }
            KeyStore keys = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(file)) {
                keys.load(in, keyPassword.toCharArray());
            }
            String pem = "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(
                    StandardCharsets.US_ASCII)).encodeToString(keys.getCertificate(ALIAS).getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
            return new ServeAccess(new ServedWorld.KubeAccess(token, keys, keyPassword), pem);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot read serve's TLS key store: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while making serve's TLS certificate", e);
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
        }
    }

    ServedWorld.KubeAccess kube() {
        return access;
    }

    String token() {
        return access.token();
    }

    /** The certificate clients trust, PEM, for the kubeconfig's certificate-authority-data. */
    String caPem() {
        return caPem;
    }

    private static String secret(SecureRandom random, int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
