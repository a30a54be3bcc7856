package io.duban.common.secrets;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** The service's {@link SecretSeal}, built once from {@link SecretsConfig}. */
@ApplicationScoped
public class SecretKeys {

    @Inject
    SecretsConfig config;

    private volatile SecretSeal seal;

    /** The seal; fails with a message naming the setting when no key is configured. */
    public SecretSeal seal() {
        SecretSeal s = seal;
        if (s == null) {
            synchronized (this) {
                if (seal == null) {
                    seal = build(config.key().orElseThrow(() -> new IllegalStateException(
                            "DUBAN_SECRETS_KEY is not set: secrets cannot be sealed (./duban up creates .duban/secrets.key)")),
                            config.oldKeys().orElse(List.of()));
                }
                s = seal;
            }
        }
        return s;
    }

    public boolean configured() {
        return config.key().filter(k -> !k.isBlank()).isPresent();
    }

    static SecretSeal build(String current, List<String> old) {
        List<byte[]> keys = read(current);
        if (keys.isEmpty()) {
            throw new IllegalStateException("DUBAN_SECRETS_KEY holds no key");
        }
        List<byte[]> older = new ArrayList<>(keys.subList(1, keys.size()));
        for (String o : old) {
            older.addAll(read(o));
        }
        return new SecretSeal(keys.get(0), older);
    }

    /** A base64 key, or a file of base64 keys one a line (blank lines and # comments skipped). */
    static List<byte[]> read(String setting) {
        String s = setting.strip();
        List<String> lines;
        // base64 may begin with "/", so a value is a file only when such a file exists
        if (Files.isRegularFile(Path.of(s))) {
            try {
                lines = Files.readAllLines(Path.of(s), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("secrets key file " + s + " unreadable", e);
            }
        } else {
            lines = List.of(s);
        }
        List<byte[]> out = new ArrayList<>();
        for (String line : lines) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            try {
                out.add(Base64.getDecoder().decode(l));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("a secrets key is not base64", e);
            }
        }
        return out;
    }
}
