package io.duban.common.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;

/**
 * An RSA key a duban service signs tokens with, and its {@code kid}: the first 16 characters of
 * base64url(SHA-256(public key DER)), so every signer (org-service, report-service, {@code ./duban token}) names the
 * same key the same way without a setting, and verifiers holding two keys during a rotation can tell them apart.
 */
public record SigningKey(PrivateKey privateKey, RSAPublicKey publicKey, String kid) {

    /** Reads a PKCS#8 PEM from a file path or a class-path resource (with or without {@code classpath:}). */
    public static SigningKey load(String location) {
        try {
            String pem = new String(read(location), StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            PrivateKey key = rsa.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
            RSAPrivateCrtKey crt = (RSAPrivateCrtKey) key;
            RSAPublicKey pub = (RSAPublicKey) rsa.generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
            return new SigningKey(key, pub, kidOf(pub));
        } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
            throw new IllegalStateException(location + " is not a PKCS#8 RSA private key", e);
        }
    }

    public static String kidOf(PublicKey key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The bytes at a file path, or else of a class-path resource, as smallrye-jwt reads key locations. */
    public static byte[] read(String location) {
        try {
            boolean classpath = location.startsWith("classpath:");
            String name = classpath ? location.substring("classpath:".length()) : location;
            Path file = Path.of(name.startsWith("file:") ? name.substring(5) : name);
            if (!classpath && Files.isRegularFile(file)) {
                return Files.readAllBytes(file);
            }
            try (InputStream in = Thread.currentThread().getContextClassLoader()
                    .getResourceAsStream(name.startsWith("/") ? name.substring(1) : name)) {
                if (in == null) {
                    throw new IllegalStateException("key not found: " + location);
                }
                return in.readAllBytes();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
