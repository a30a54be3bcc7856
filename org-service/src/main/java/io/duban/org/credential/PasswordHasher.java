package io.duban.org.credential;

import at.favre.lib.crypto.bcrypt.BCrypt;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;

/**
 * bcrypt (at.favre.lib:bcrypt, version $2a$, random salt) on a worker thread. Verifying against a fixed dummy hash
 * when the username is unknown keeps the answer time the same, so timing does not tell which usernames exist.
 */
@ApplicationScoped
public class PasswordHasher {

    @Inject
    AuthConfig config;

    private String dummyHash;

    @PostConstruct
    void init() {
        dummyHash = hashNow("duban-dummy-" + System.nanoTime());
    }

    public Uni<String> hash(String password) {
        return Worker.run(() -> hashNow(password));
    }

    public Uni<Boolean> verify(String password, String hash) {
        return Worker.run(() -> verifyNow(password, hash == null ? dummyHash : hash));
    }

    String hashNow(String password) {
        return BCrypt.withDefaults().hashToString(config.bcryptCost(), password.toCharArray());
    }

    static boolean verifyNow(String password, String hash) {
        byte[] pw = password == null ? new byte[0] : password.getBytes(StandardCharsets.UTF_8);
        if (pw.length > 72) {
            return false; // never stored: the policy refuses passwords longer than bcrypt reads
        }
        return BCrypt.verifyer().verify(pw, hash.getBytes(StandardCharsets.US_ASCII)).verified;
    }
}
