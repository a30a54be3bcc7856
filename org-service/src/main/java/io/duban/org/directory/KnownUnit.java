package io.duban.org.directory;

import java.util.List;
import java.util.UUID;

/** An active unit as the resolver sees it: the names it may be called by, and those it was called by until a day. */
public record KnownUnit(UUID id, String name, UnitKind kind, List<String> aliases, List<FormerName> formerNames) {
    public KnownUnit {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        formerNames = formerNames == null ? List.of() : List.copyOf(formerNames);
    }

    public KnownUnit(UUID id, String name, UnitKind kind, List<String> aliases) {
        this(id, name, kind, aliases, List.of());
    }
}
