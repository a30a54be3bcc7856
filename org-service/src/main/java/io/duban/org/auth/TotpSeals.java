package io.duban.org.auth;

import io.duban.common.secrets.SecretKeys;
import io.duban.common.secrets.SecretSeal;
import io.duban.org.credential.AuthConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals TOTP seeds for the database with service-common's {@link SecretSeal} (AES-256-GCM under DUBAN_SECRETS_KEY,
 * the key's id beside each ciphertext, the account's region/id as associated data), so a copy of the database alone
 * does not give away second factors. Seeds sealed before issue 16 ("v1:" + base64, under DUBAN_AUTH_TOTP_SEED_KEY or a
 * key derived from the signing key, no key id) still open; {@link TotpResealing} re-seals them at start-up.
 */
@ApplicationScoped
public class TotpSeals {

    static final String LEGACY_PREFIX = "v1:";

    @Inject
    SecretKeys keys;

    @Inject
    AuthConfig config;

    @Inject
    SigningKeys signing;

    public String seal(byte[] seed, String aad) {
        return keys.seal().seal(seed, aad);
    }

    /** The seed; {@code aad} (the account's region and id) binds a sealed seed to its row. */
    public byte[] open(String sealed, String aad) {
        if (sealed.startsWith(LEGACY_PREFIX)) {
            return openLegacy(sealed, aad);
        }
        return keys.seal().open(sealed, aad);
    }

    /** True when the stored value is not sealed under the current key (legacy, or an older key after a rotation). */
    boolean needsResealing(String stored) {
        return keys.seal().needsResealing(stored);
    }

    private byte[] openLegacy(String sealed, String aad) {
        try {
            byte[] raw = config.totpSeedKey().filter(s -> !s.isBlank()).map(s -> Base64.getDecoder().decode(s.strip()))
                    .orElseGet(() -> derived(signing.privateKey().getEncoded()));
            byte[] all = Base64.getDecoder().decode(sealed.substring(LEGACY_PREFIX.length()));
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(raw, "AES"), new GCMParameterSpec(128, all, 0, 12));
            c.updateAAD(aad.getBytes(StandardCharsets.UTF_8));
            return c.doFinal(all, 12, all.length - 12);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("legacy TOTP seed cannot be opened (DUBAN_AUTH_TOTP_SEED_KEY or the signing key changed?)", e);
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
}
