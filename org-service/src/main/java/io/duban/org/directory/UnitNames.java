package io.duban.org.directory;

/**
 * The one notion of "the same name" shared by the resolver and the registry: two names clash when
 * their keys are equal (full-/half-width, white space and a leading county name do not count), so
 * the registry can never hold two units the resolver could not tell apart.
 */
public final class UnitNames {

    private UnitNames() {
    }

    public static String key(String name) {
        return name == null ? "" : NormalizedText.key(name);
    }
}
