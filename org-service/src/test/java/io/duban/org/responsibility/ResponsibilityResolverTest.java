package io.duban.org.responsibility;

import io.duban.org.directory.KnownGroup;
import static io.duban.org.responsibility.DemoDirectory.ofKinds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.duban.org.responsibility.Resolution.Assignment;
import io.duban.org.responsibility.Resolution.Unresolved;
import io.duban.org.directory.UnitKind;
import io.duban.testing.Fixtures;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The 责任单位 rules against the real 沂源县 units: every non-blank cell of the 2023 key-task table
 * (column 5), the cases of DESIGN.md and the issue, and the punctuation variants.
 */
class ResponsibilityResolverTest {

    private static final ResponsibilityResolver RESOLVER = DemoDirectory.resolver();

    private static final Set<String> ALL = ofKinds(UnitKind.TOWN, UnitKind.SUBDISTRICT, UnitKind.ZONE, UnitKind.DEPARTMENT);
    private static final Set<String> TOWNS = ofKinds(UnitKind.TOWN, UnitKind.SUBDISTRICT);

    /** What a text must resolve to: exact lead, co and responsible units, and the unresolved entries. */
    record Expect(List<String> lead, List<String> co, Set<String> responsible, List<String> unresolved) {
    }

    private static Expect lead(String lead, String... co) {
        return new Expect(List.of(lead), List.of(co), Set.of(), List.of());
    }

    private static Expect responsible(Set<String> units, String... unresolved) {
        return new Expect(List.of(), List.of(), units, List.of(unresolved));
    }

    private static Expect unresolvedOnly(String... unresolved) {
        return new Expect(List.of(), List.of(), Set.of(), List.of(unresolved));
    }

    private static Set<String> except(Set<String> all, String... names) {
        Set<String> s = new HashSet<>(all);
        for (String n : names) {
            assertTrue(s.remove(n), n);
        }
        return s;
    }

    /** Expectations for every distinct 责任单位 cell of yiyuan-2023-key-tasks.tsv. */
    private static final Map<String, Expect> REAL_CELLS = new LinkedHashMap<>();

    static {
        REAL_CELLS.put("各级各部门单位", responsible(ALL));
        REAL_CELLS.put("县政府办公室", lead("县政府办公室"));
        REAL_CELLS.put("县发展改革局、县教育和体育局、县自然资源局", lead("县发展改革局", "县教育和体育局", "县自然资源局"));
        REAL_CELLS.put("县教育和体育局", lead("县教育和体育局"));
        REAL_CELLS.put("县政府有关部门单位", unresolvedOnly("UNDESIGNATED_GROUP:县政府有关部门单位"));
        REAL_CELLS.put("重大政策起草单位", unresolvedOnly("UNDESIGNATED_GROUP:重大政策起草单位"));
        REAL_CELLS.put("舆情涉及部门单位", unresolvedOnly("UNDESIGNATED_GROUP:舆情涉及部门单位"));
        REAL_CELLS.put("市生态环境局沂源分局、县发展改革局", lead("市生态环境局沂源分局", "县发展改革局"));
        REAL_CELLS.put("各镇（街道），相关领域责任单位", responsible(TOWNS, "UNDESIGNATED_GROUP:相关领域责任单位"));
        REAL_CELLS.put("县财政局", lead("县财政局"));
        REAL_CELLS.put("县自然资源局", lead("县自然资源局"));
        REAL_CELLS.put("县民政局、县卫生健康局", lead("县民政局", "县卫生健康局"));
        REAL_CELLS.put("县民政局", lead("县民政局"));
        REAL_CELLS.put("县教育和体育局、县卫生健康局、县住房城乡建设局、县交通运输局、县供电公司、县自来水公司",
                lead("县教育和体育局", "县卫生健康局", "县住房城乡建设局", "县交通运输局", "县供电公司", "县自来水公司"));
        REAL_CELLS.put("县政府和审批服务局", unresolvedOnly("UNKNOWN_UNIT:县政府和审批服务局"));
        REAL_CELLS.put("县大数据中心", lead("县大数据中心"));
        REAL_CELLS.put("县商务局、县文化和旅游局", lead("县商务局", "县文化和旅游局"));
        REAL_CELLS.put("县商务局、县住房城乡建设局、县文化和旅游局、县卫生健康局",
                lead("县商务局", "县住房城乡建设局", "县文化和旅游局", "县卫生健康局"));
        REAL_CELLS.put("县司法局牵头，县政府重大行政决策承办单位、县政府行政规范性文件实施部门和部门行政规范性文件起草部门具体落实",
                new Expect(List.of("县司法局"), List.of(), Set.of(), List.of(
                        "UNDESIGNATED_GROUP:县政府重大行政决策承办单位",
                        "UNDESIGNATED_GROUP:县政府行政规范性文件实施部门",
                        "UNDESIGNATED_GROUP:部门行政规范性文件起草部门")));
        REAL_CELLS.put("县司法局", lead("县司法局"));
        REAL_CELLS.put("县发展改革局、县住房城乡建设局、县交通运输局、县水利局、县农业农村局",
                lead("县发展改革局", "县住房城乡建设局", "县交通运输局", "县水利局", "县农业农村局"));
        REAL_CELLS.put("县发展改革局", lead("县发展改革局"));
        REAL_CELLS.put("县住房城乡建设局", lead("县住房城乡建设局"));
    }

    static Stream<Arguments> realCells() {
        List<Arguments> cells = new ArrayList<>();
        String[] lines = Fixtures.text(Fixtures.KEY_TASKS_TSV).split("\r?\n");
        for (int i = 1; i < lines.length; i++) {
            String[] f = lines[i].split("\t", -1);
            if (f.length > 4 && !f[4].isBlank()) {
                cells.add(Arguments.of("row " + f[0], f[4]));
            }
        }
        return cells.stream();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("realCells")
    void resolvesEveryRealCell(String row, String cell) {
        Expect expect = REAL_CELLS.get(cell);
        assertNotNull(expect, "no expectation written for the real cell " + cell);
        check(cell, expect);
    }

    @Test
    void theRealTableHasAtLeastFortyCells() {
        assertTrue(realCells().count() >= 40, "real cells: " + realCells().count());
    }

    static Stream<Arguments> designCases() {
        return Stream.of(
                Arguments.of("县发改局、县教体局", lead("县发展改革局", "县教育和体育局")),
                Arguments.of("沂源县财政局", lead("县财政局")),
                Arguments.of("平阴县财政局、沂源县商务局", lead("县财政局", "县商务局")),
                Arguments.of("县发展和改革委员会、县住房和城乡建设局", lead("县发展改革局", "县住房城乡建设局")),
                Arguments.of("县政府行政规范性文件实施部门和部门行政规范性文件起草部门", unresolvedOnly(
                        "UNDESIGNATED_GROUP:县政府行政规范性文件实施部门", "UNDESIGNATED_GROUP:部门行政规范性文件起草部门")),
                Arguments.of("除县司法局、县信访局、县投资促进发展中心、县供销社外的部门、单位",
                        responsible(except(ALL, "县司法局", "县信访局", "县投资促进发展中心", "县供销社"))),
                Arguments.of("除县司法局外的各部门", responsible(except(ofKinds(UnitKind.DEPARTMENT), "县司法局"))),
                Arguments.of("所有部门、单位", responsible(ALL)),
                Arguments.of("各级各部门（单位）", responsible(ALL)),
                Arguments.of("各部门", responsible(ofKinds(UnitKind.DEPARTMENT))),
                Arguments.of("县直各部门（单位）", responsible(ofKinds(UnitKind.DEPARTMENT))),
                Arguments.of("县政府各部门", responsible(ofKinds(UnitKind.DEPARTMENT))),
                Arguments.of("各镇（街道）", responsible(TOWNS)),
                Arguments.of("县财政局牵头，县审计局配合", lead("县财政局", "县审计局")),
                Arguments.of("县财政局牵头，县审计局、县统计局", lead("县财政局", "县审计局", "县统计局")),
                Arguments.of("县财政局、县审计局负责", responsible(Set.of("县财政局", "县审计局"))),
                Arguments.of("县财政局具体落实", responsible(Set.of("县财政局"))),
                Arguments.of("县财政局、县审计局按职责分工负责", responsible(Set.of("县财政局", "县审计局"))),
                Arguments.of("县财政局（牵头）、县审计局", lead("县财政局", "县审计局")),
                Arguments.of("县审计局、县财政局（牵头）", lead("县财政局", "县审计局")),
                Arguments.of("县财政局等部门", new Expect(List.of("县财政局"), List.of(), Set.of(),
                        List.of("UNDESIGNATED_GROUP:等部门"))),
                Arguments.of("由县财政局牵头，县审计局配合", lead("县财政局", "县审计局")),
                Arguments.of("相关部门", unresolvedOnly("UNDESIGNATED_GROUP:相关部门")),
                Arguments.of("有关部门", unresolvedOnly("UNDESIGNATED_GROUP:有关部门")),
                Arguments.of("相关镇（街道）", unresolvedOnly("UNDESIGNATED_GROUP:相关镇（街道）")),
                Arguments.of("县政府重大行政决策承办单位", unresolvedOnly("UNDESIGNATED_GROUP:县政府重大行政决策承办单位")),
                Arguments.of("责任单位", unresolvedOnly("UNDESIGNATED_GROUP:责任单位")),
                Arguments.of("县财政局、相关部门", new Expect(List.of("县财政局"), List.of(), Set.of(),
                        List.of("UNDESIGNATED_GROUP:相关部门"))),
                Arguments.of("县财政局、县气象局", new Expect(List.of("县财政局"), List.of(), Set.of(),
                        List.of("UNKNOWN_UNIT:县气象局"))),
                Arguments.of("县财政局和县气象局", new Expect(List.of("县财政局"), List.of(), Set.of(),
                        List.of("UNKNOWN_UNIT:县气象局"))),
                Arguments.of("县委政研室(改革办)、县人社局", lead("县委政研室（改革办）", "县人力资源社会保障局")),
                Arguments.of("县人力资源和社会保障局", lead("县人力资源社会保障局")),
                Arguments.of("县财政局、县财政局牵头", lead("县财政局")),
                Arguments.of("县财政局\n县审计局", lead("县财政局", "县审计局")),
                Arguments.of("", new Expect(List.of(), List.of(), Set.of(), List.of())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("designCases")
    void followsTheDesignRules(String text, Expect expect) {
        check(text, expect);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "县发改局、县教体局", "县发改局，县教体局", "县发改局,县教体局", "县发改局；县教体局", "县发改局;县教体局",
        "县发改局 、 县教体局", "县发改局和县教体局", "县发 改局、县教体局", "县发改\n局、\r\n县教体局", "县发改局、县教体局。",
        "县发改局　、县教体局", "县发改局、、县教体局"})
    void punctuationVariantsResolveTheSame(String text) {
        check(text, lead("县发展改革局", "县教育和体育局"));
    }

    @Test
    void bracketVariantsResolveTheSame() {
        check("各镇(街道)，相关领域责任单位", responsible(TOWNS, "UNDESIGNATED_GROUP:相关领域责任单位"));
        check("各镇（街道）,相关领域责任单位", responsible(TOWNS, "UNDESIGNATED_GROUP:相关领域责任单位"));
    }

    @Test
    void unknownNameSuggestsTheClosestUnits() {
        Resolution r = RESOLVER.resolve("县政府和审批服务局");
        assertEquals(1, r.unresolved().size());
        assertTrue(r.unresolved().get(0).suggestions().contains("县行政审批服务局"), r.unresolved().toString());
        assertEquals("县行政审批服务局", r.unresolved().get(0).suggestions().get(0));
    }

    @Test
    void unknownNameWithATypoSuggestsTheUnit() {
        Resolution r = RESOLVER.resolve("县卫生健身局");
        assertEquals("县卫生健康局", r.unresolved().get(0).suggestions().get(0));
    }

    @Test
    void matchedTextIsTheCallersOwnSpelling() {
        Resolution r = RESOLVER.resolve("沂源县财政局、各镇（街道）");
        assertEquals("沂源县财政局", r.assignments().get(0).matchedText());
        assertEquals("各镇（街道）", r.assignments().get(1).matchedText());
    }

    @Test
    void aUnitNamedTwiceKeepsItsStrongestRole() {
        Resolution r = RESOLVER.resolve("各部门，县财政局牵头");
        long count = r.assignments().stream().filter(a -> a.unitName().equals("县财政局")).count();
        assertEquals(1, count);
        assertEquals(Role.LEAD, role(r, "县财政局"));
        assertEquals(Role.RESPONSIBLE, role(r, "县审计局"));
    }

    @Test
    void leadIsFirstListedUnit() {
        Resolution r = RESOLVER.resolve("县审计局、县财政局");
        assertEquals("县审计局", r.assignments().get(0).unitName());
        assertEquals(Role.LEAD, r.assignments().get(0).role());
    }

    @Test
    void excludedUnknownNamesAreReported() {
        Resolution r = RESOLVER.resolve("除县司法局、县气象局外的部门、单位");
        assertEquals(ALL.size() - 1, r.assignments().size());
        assertEquals("县气象局", r.unresolved().get(0).text());
        assertEquals(Resolution.Reason.UNKNOWN_UNIT, r.unresolved().get(0).reason());
    }

    @Test
    void customGroupsExpandToTheirMembers() {
        KnownGroup g = new KnownGroup("营商环境专班", List.of("专班成员单位"), Set.of(),
                Set.of(DemoDirectory.id("县财政局"), DemoDirectory.id("县商务局")));
        List<KnownGroup> groups = new ArrayList<>(io.duban.org.group.BuiltInGroups.groups());
        groups.add(g);
        Resolution r = new ResponsibilityResolver(DemoDirectory.UNITS, groups).resolve("营商环境专班");
        assertEquals(Set.of("县财政局", "县商务局"), names(r.assignments(), Role.RESPONSIBLE));
    }

    @Test
    void nothingIsDroppedSilently() {
        for (Arguments a : realCells().toList()) {
            String cell = (String) a.get()[1];
            Resolution r = RESOLVER.resolve(cell);
            assertFalse(r.assignments().isEmpty() && r.unresolved().isEmpty(), cell);
        }
    }

    private static Role role(Resolution r, String unit) {
        return r.assignments().stream().filter(a -> a.unitName().equals(unit)).findFirst().orElseThrow().role();
    }

    private static Set<String> names(List<Assignment> as, Role role) {
        Set<String> s = new HashSet<>();
        for (Assignment a : as) {
            if (a.role() == role) {
                s.add(a.unitName());
            }
        }
        return s;
    }

    private static void check(String text, Expect expect) {
        Resolution r = RESOLVER.resolve(text);
        List<String> leads = r.assignments().stream().filter(a -> a.role() == Role.LEAD).map(Assignment::unitName).toList();
        List<String> cos = r.assignments().stream().filter(a -> a.role() == Role.CO).map(Assignment::unitName).toList();
        assertEquals(expect.lead(), leads, "LEAD of " + text);
        assertEquals(expect.co(), cos, "CO of " + text);
        assertEquals(expect.responsible(), names(r.assignments(), Role.RESPONSIBLE), "RESPONSIBLE of " + text);
        Set<UUID> ids = new HashSet<>();
        r.assignments().forEach(a -> assertTrue(ids.add(a.unitId()), "unit twice: " + a.unitName()));
        List<String> unresolved = r.unresolved().stream().map(ResponsibilityResolverTest::describe).toList();
        assertEquals(expect.unresolved(), unresolved, "unresolved of " + text);
    }

    private static String describe(Unresolved u) {
        return u.reason() + ":" + u.text();
    }
}
