package io.duban.common.secrets;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals secrets for the database with AES-256-GCM (the JDK's), under the current key, and opens them under any key
 * still configured. A sealed value names its key: {@code sealed:v1:<kid>:<base64(iv ‖ ciphertext ‖ tag)>}, the kid
 * being the first 12 characters of base64url(SHA-256(label ‖ key)) — derived, so no setting has to agree with it.
 * The associated data (a row's region and id, a slot's name) binds a sealed value to its place: copied elsewhere
 * it does not open. Plain Java: no Quarkus, so it is tested directly.
 */
public final class SecretSeal {

    public static final String PREFIX = "sealed:v1:";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String currentKid;
    private final Map<String, SecretKeySpec> keys = new LinkedHashMap<>();

    /** {@code current} first; {@code old} are keys values may still be sealed under (during a rotation). */
    public SecretSeal(byte[] current, List<byte[]> old) {
        this.currentKid = kid(current);
        keys.put(currentKid, aes(current));
        for (byte[] k : old) {
            keys.putIfAbsent(kid(k), aes(k));
        }
    }

    private static SecretKeySpec aes(byte[] raw) {
        if (raw.length != 32) {
            throw new IllegalArgumentException("a secrets key must be 32 bytes (AES-256), base64-encoded; this one has " + raw.length);
        }
        return new SecretKeySpec(raw, "AES");
    }

    public static String kid(byte[] key) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update("duban secrets key id".getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(sha.digest(key)).substring(0, 12);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public String currentKid() {
        return currentKid;
    }

    public static boolean isSealed(String value) {
        return value != null && value.startsWith(PREFIX);
    }

    /** The key id a sealed value names (null when it is not sealed). */
    public static String kidOf(String value) {
        if (!isSealed(value)) {
            return null;
        }
        int end = value.indexOf(':', PREFIX.length());
        return end < 0 ? null : value.substring(PREFIX.length(), end);
    }

    /** True when the value is in clear or sealed under a key other than the current one. */
    public boolean needsResealing(String value) {
        return value != null && !currentKid.equals(kidOf(value));
    }

    public String seal(String secret, String aad) {
        return seal(secret.getBytes(StandardCharsets.UTF_8), aad);
    }

    public String seal(byte[] secret, String aad) {
        try {
            byte[] iv = new byte[12];
            RANDOM.nextBytes(iv);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, keys.get(currentKid), new GCMParameterSpec(128, iv));
            c.updateAAD(aad.getBytes(StandardCharsets.UTF_8));
            byte[] ct = c.doFinal(secret);
            return PREFIX + currentKid + ":" + Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + ct.length).put(iv).put(ct).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public String openText(String sealed, String aad) {
        return new String(open(sealed, aad), StandardCharsets.UTF_8);
    }

    /**
     * The secret. Fails (never answers garbage) when the value is not sealed, names a key no longer configured, was
     * sealed for other associated data or was altered.
     */
    public byte[] open(String sealed, String aad) {
        String kid = kidOf(sealed);
        if (kid == null) {
            throw new SealException("not a sealed value");
        }
        SecretKeySpec key = keys.get(kid);
        if (key == null) {
            throw new SealException("sealed under key " + kid + ", which is not configured (DUBAN_SECRETS_KEY / DUBAN_SECRETS_OLD_KEYS)");
        }
        try {
            byte[] all = Base64.getDecoder().decode(sealed.substring(PREFIX.length() + kid.length() + 1));
            if (all.length < 12 + 16) {
                throw new SealException("sealed value too short");
            }
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, all, 0, 12));
            c.updateAAD(aad.getBytes(StandardCharsets.UTF_8));
            return c.doFinal(all, 12, all.length - 12);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new SealException("sealed value does not open under key " + kid + " (altered, or sealed for another row)", e);
        }
    }

    /** A sealed value that cannot be opened. */
    public static final class SealException extends RuntimeException {
        SealException(String message) {
            super(message);
        }

        SealException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
