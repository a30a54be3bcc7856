package io.duban.org.responsibility;

import io.duban.org.directory.KnownUnit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.duban.org.responsibility.Resolution.Assignment;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Properties of the resolver over generated texts: any text, however garbled, yields a resolution
 * (never an exception — a 500 for the API); lists of known names resolve to exactly those units
 * whatever separators join them.
 */
class ResolverPropertiesTest {

    private static final ResponsibilityResolver RESOLVER = DemoDirectory.resolver();
    private static final Set<UUID> KNOWN = DemoDirectory.UNITS.stream().map(KnownUnit::id).collect(Collectors.toSet());

    /** Fragments of real cells, role words, separators and brackets glued at random. */
    @Provide
    Arbitrary<String> garbled() {
        Arbitrary<String> pieces = Arbitraries.of("县", "局", "县财政局", "县发改局", "和", "、", "，", ",", "；", "（", "）", "(", ")",
                "除", "外的", "部门", "单位", "、单位", "各镇（街道）", "各级各部门单位", "相关", "牵头", "配合", "负责", "具体落实",
                "等", "以及", "及", "由", " ", "\n", "沂源县", "县政府和审批服务局", "实施部门", "起草部门", "　", "x", "7");
        return pieces.list().ofMaxSize(25).map(l -> String.join("", l));
    }

    @Property(tries = 400)
    void anyTextResolvesWithoutFailing(@ForAll("garbled") String text) {
        Resolution r = RESOLVER.resolve(text);
        Set<UUID> seen = new HashSet<>();
        for (Assignment a : r.assignments()) {
            assertTrue(KNOWN.contains(a.unitId()));
            assertTrue(seen.add(a.unitId()), "a unit appears once");
        }
        r.unresolved().forEach(u -> assertTrue(!u.text().isBlank(), "unresolved entries name their text"));
        assertEquals(r, RESOLVER.resolve(text), "deterministic");
    }

    @Provide
    Arbitrary<List<KnownUnit>> someUnits() {
        return Arbitraries.of(DemoDirectory.UNITS).list().ofMinSize(1).ofMaxSize(6).uniqueElements();
    }

    @Property(tries = 300)
    void knownNamesResolveToThoseUnitsWhateverTheSeparators(@ForAll("someUnits") List<KnownUnit> units,
                                                            @ForAll("separator") String separator) {
        String text = units.stream().map(KnownUnit::name).collect(Collectors.joining(separator));
        Resolution r = RESOLVER.resolve(text);
        assertEquals(units.stream().map(KnownUnit::id).toList(), r.assignments().stream().map(Assignment::unitId).toList(), text);
        assertEquals(Role.LEAD, r.assignments().get(0).role());
        assertTrue(r.assignments().stream().skip(1).allMatch(a -> a.role() == Role.CO));
        assertEquals(List.of(), r.unresolved(), text);
    }

    @Provide
    Arbitrary<String> separator() {
        return Arbitraries.of("、", "，", ",", "；", ";", " 、 ", "、\n", "和", "\n");
    }
}
