package io.duban.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Keeps {@code openapi/<service>.yaml} at the repository root equal to what the running service
 * generates. A test fetches {@code /q/openapi} and calls {@link #check}; run the build with
 * {@code -Dduban.openapi.write=true} to rewrite the checked-in file after an intended change.
 */
public final class OpenApiDrift {

    private OpenApiDrift() {
    }

    /** Returns null when the checked-in document matches, otherwise a message saying how to fix it. */
    public static String check(String service, String generatedYaml) {
        Path file = root().resolve("openapi").resolve(service + ".yaml");
        String generated = normalise(generatedYaml);
        try {
            if (Boolean.getBoolean("duban.openapi.write")) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, generated, StandardCharsets.UTF_8);
                return null;
            }
            if (!Files.exists(file)) {
                return file + " is missing; run ./mvnw verify -Dduban.openapi.write=true and commit it";
            }
            String checkedIn = normalise(Files.readString(file, StandardCharsets.UTF_8));
            if (!checkedIn.equals(generated)) {
                return file + " differs from the service's generated OpenAPI document; "
                        + "run ./mvnw verify -Dduban.openapi.write=true and commit the change";
            }
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The repository root: {@code -Dduban.root} (set by the parent pom), else found upwards from here. */
    public static Path root() {
        String configured = System.getProperty("duban.root");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.exists(p.resolve("duban"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("cannot find the repository root (no ./duban above " + Path.of("").toAbsolutePath() + ")");
        }
        return p;
    }

    private static String normalise(String yaml) {
        String s = yaml.replace("\r\n", "\n").strip();
        return s + "\n";
    }
}
