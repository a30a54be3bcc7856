package io.duban.org.directory;

import java.util.List;
import java.util.UUID;

/** An active unit as the resolver sees it: the names it may be called by. */
public record KnownUnit(UUID id, String name, UnitKind kind, List<String> aliases) {
    public KnownUnit {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }
}
