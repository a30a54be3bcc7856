package io.duban.console.session;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.logging.Logger;

/**
 * Seals a {@link Session} into a cookie value and opens it again: AES-256-GCM with a random 96-bit
 * nonce, the cookie name as associated data, base64url. A value that was altered, or sealed with
 * another key, does not open (empty), so a forged or stale cookie is just "not signed in".
 */
@ApplicationScoped
public class SessionCodec {

    private static final Logger LOG = Logger.getLogger(SessionCodec.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] AAD = SessionCookies.SESSION.getBytes(StandardCharsets.US_ASCII);

    private final SecureRandom random = new SecureRandom();
    private final SecretKeySpec key;

    @jakarta.inject.Inject
    public SessionCodec(ConsoleConfig config) {
        this(config.sessionKey().filter(k -> !k.isBlank()).map(SessionCodec::decodeKey).orElseGet(() -> {
            LOG.warn("DUBAN_CONSOLE_SESSION_KEY is not set: using a random key; sign-ins end when the console restarts");
            byte[] k = new byte[32];
            new SecureRandom().nextBytes(k);
            return k;
        }));
    }

    SessionCodec(byte[] key) {
        this.key = new SecretKeySpec(key, "AES");
    }

    private static byte[] decodeKey(String base64) {
        byte[] k = Base64.getDecoder().decode(base64.trim());
        if (k.length != 16 && k.length != 32) {
            throw new IllegalArgumentException("DUBAN_CONSOLE_SESSION_KEY must be base64 of 16 or 32 bytes, not " + k.length);
        }
        return k;
    }

    public String seal(Session session) {
        try {
            byte[] nonce = new byte[12];
            random.nextBytes(nonce);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            c.updateAAD(AAD);
            byte[] sealed = c.doFinal(JSON.writeValueAsBytes(session));
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(ByteBuffer.allocate(12 + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("cannot seal the session", e);
        }
    }

    public Optional<Session> open(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            byte[] all = Base64.getUrlDecoder().decode(value);
            if (all.length < 12 + 16) {
                return Optional.empty();
            }
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, all, 0, 12));
            c.updateAAD(AAD);
            byte[] plain = c.doFinal(all, 12, all.length - 12);
            return Optional.of(JSON.readValue(plain, Session.class));
        } catch (GeneralSecurityException | IllegalArgumentException | java.io.IOException notOurs) {
            return Optional.empty();
        }
    }

    /** A fresh random token (CSRF, idempotency keys). */
    public String randomToken() {
        byte[] b = new byte[24];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
