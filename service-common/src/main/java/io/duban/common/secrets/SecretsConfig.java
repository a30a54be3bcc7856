package io.duban.common.secrets;

import io.smallrye.config.ConfigMapping;
import java.util.List;
import java.util.Optional;

/** The key secrets are sealed under (environment {@code DUBAN_SECRETS_KEY}, {@code DUBAN_SECRETS_OLD_KEYS}). */
@ConfigMapping(prefix = "duban.secrets")
public interface SecretsConfig {

    /**
     * The current key: 32 bytes in base64, or the path of a file holding it (production). A file may hold further
     * lines: keys of earlier generations, still accepted for opening (what {@code ./duban rotate-secrets-key} writes).
     */
    Optional<String> key();

    /** Earlier keys (base64 or file paths), accepted for opening only, until everything is re-sealed. */
    Optional<List<String>> oldKeys();
}
