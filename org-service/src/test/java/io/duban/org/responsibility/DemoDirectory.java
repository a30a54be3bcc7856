package io.duban.org.responsibility;

import io.duban.org.directory.KnownUnit;
import io.duban.org.group.BuiltInGroups;
import io.duban.org.directory.UnitKind;
import io.duban.testing.Fixtures;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** The 沂源县 demo units (the real fixture) as the resolver sees them, with stable ids. */
final class DemoDirectory {

    static final List<KnownUnit> UNITS = load();

    private DemoDirectory() {
    }

    static ResponsibilityResolver resolver() {
        return new ResponsibilityResolver(UNITS, BuiltInGroups.groups());
    }

    static UUID id(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }

    static Set<String> ofKinds(UnitKind... kinds) {
        Set<UnitKind> k = Set.of(kinds);
        return UNITS.stream().filter(u -> k.contains(u.kind())).map(KnownUnit::name).collect(Collectors.toSet());
    }

    private static List<KnownUnit> load() {
        List<KnownUnit> units = new ArrayList<>();
        String[] lines = Fixtures.text(Fixtures.UNITS_TSV).split("\r?\n");
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            String[] f = lines[i].split("\t", -1);
            List<String> aliases = f[2].isBlank() ? List.of() : Arrays.asList(f[2].split("\\|"));
            units.add(new KnownUnit(id(f[0]), f[0], UnitKind.valueOf(f[1]), aliases));
        }
        return List.copyOf(units);
    }
}
