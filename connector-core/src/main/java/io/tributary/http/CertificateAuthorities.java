package io.tributary.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * Certificate authorities trusted in addition to the JVM's own: a company's CA that signs the certificate of a shop
 * on its network. There is deliberately no way to trust everything; a certificate still has to chain to a
 * known authority and name the host.
 */
public final class CertificateAuthorities {
    private CertificateAuthorities() {}

    /**
     * The certificates of a PEM file (one or several {@code -----BEGIN CERTIFICATE-----} blocks).
     *
     * @throws IllegalArgumentException in one sentence naming {@code setting} when the file is missing, unreadable
     *                                  or holds no certificate
     */
    public static List<X509Certificate> fromPemFile(Path file, String setting) {
        if (!Files.isReadable(file)) {
            throw new IllegalArgumentException(setting + " names " + file + ", which does not exist or cannot be read.");
        }
        try (InputStream in = Files.newInputStream(file)) {
            List<X509Certificate> certificates = new ArrayList<>();
            for (var certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                certificates.add((X509Certificate) certificate);
            }
            if (certificates.isEmpty()) {
                throw new IllegalArgumentException(setting + " names " + file + ", which holds no certificate.");
            }
            return List.copyOf(certificates);
        } catch (CertificateException e) {
            throw new IllegalArgumentException(setting + " names " + file + ", which is not a PEM file of "
                    + "certificates (-----BEGIN CERTIFICATE----- blocks).");
        } catch (IOException e) {
            throw new IllegalArgumentException(setting + " names " + file + ", which cannot be read: "
                    + e.getMessage() + ".");
        }
    }
}
