package io.duban.org.auth;

import io.duban.org.credential.AuthConfig;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals TOTP seeds for the database with AES-256-GCM (JDK), so a copy of the database alone does not give away
 * second factors. The key is DUBAN_AUTH_TOTP_SEED_KEY, or else SHA-256 of a label and the signing key (which a
 * service holding the database must hold anyway). Stored as "v1:" + base64(iv ‖ ciphertext ‖ tag).
 */
@ApplicationScoped
public class TotpSeals {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    AuthConfig config;

    @Inject
    SigningKeys keys;

    private SecretKey key;

    @PostConstruct
    void init() {
        try {
            byte[] raw = config.totpSeedKey().filter(s -> !s.isBlank()).map(s -> Base64.getDecoder().decode(s.strip()))
                    .orElseGet(() -> derived(keys.privateKey().getEncoded()));
            if (raw.length != 32) {
                throw new IllegalStateException("duban.auth.totp-seed-key must be 32 bytes in base64");
            }
            key = new SecretKeySpec(raw, "AES");
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("duban.auth.totp-seed-key is not base64", e);
        }
    }

    private static byte[] derived(byte[] signingKey) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update("duban totp seed key v1".getBytes(StandardCharsets.US_ASCII));
            return sha.digest(signingKey);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public String seal(byte[] seed, String aad) {
        try {
            byte[] iv = new byte[12];
            RANDOM.nextBytes(iv);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
            c.updateAAD(aad.getBytes(StandardCharsets.UTF_8));
            byte[] ct = c.doFinal(seed);
            return "v1:" + Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + ct.length).put(iv).put(ct).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The seed; {@code aad} (the account's region and id) binds a sealed seed to its row. */
    public byte[] open(String sealed, String aad) {
        try {
            byte[] all = Base64.getDecoder().decode(sealed.substring(3));
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, all, 0, 12));
            c.updateAAD(aad.getBytes(StandardCharsets.UTF_8));
            return c.doFinal(all, 12, all.length - 12);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TOTP seed cannot be opened (key changed?)", e);
        }
    }
}
