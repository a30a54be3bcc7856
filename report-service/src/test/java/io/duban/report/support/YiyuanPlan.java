package io.duban.report.support;

import io.duban.deadlines.rule.DeadlineParser;
import io.duban.deadlines.rule.DeadlineRule;
import io.duban.deadlines.rule.PlanContext;
import io.duban.testing.Fixtures;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The real 沂源县 2023 重点工作任务分解表 (48 rows, plan issued 2023-08-09) as feed snapshots: each row's
 * 时限要求 parsed by the deadlines library, blank cells read as "same as above", 责任单位 split the
 * simple way org-service does (first listed LEAD, the rest CO; "X牵头，Y具体落实" → X LEAD;
 * 各级各部门单位 → {@link #GROUP}, RESPONSIBLE; names that designate nobody are left out).
 */
public final class YiyuanPlan {

    public static final LocalDate ISSUED_ON = LocalDate.of(2023, 8, 9);
    /** The units 各级各部门单位 expands to in these tests (a county has ~100; four keep the numbers checkable). */
    public static final List<String> GROUP = List.of("县教育和体育局", "县商务局", "县民政局", "县卫生健康局");
    static final Set<String> NOBODY = Set.of("县政府有关部门单位", "重大政策起草单位", "舆情涉及部门单位", "相关领域责任单位",
            "各镇（街道）", "县政府重大行政决策承办单位", "县政府行政规范性文件实施部门和部门行政规范性文件起草部门");

    public final Snapshots.PlanBuilder plan;
    private final Map<Integer, Snapshots.TaskBuilder> tasks = new LinkedHashMap<>();
    private final Map<String, Snapshots.AssignmentBuilder> assignments = new LinkedHashMap<>();
    private final List<Snapshots.Item> items = new ArrayList<>();

    public YiyuanPlan(String region) {
        plan = Snapshots.plan(region).issuedOn(ISSUED_ON.toString())
                .with("title", "沂源县2023年政务公开工作方案重点工作任务分解表").with("docNumber", "源政办字〔2023〕25号");
        items.add(plan.item());
        String[] lines = Fixtures.text(Fixtures.KEY_TASKS_TSV).split("\\R");
        String responsible = "";
        String deadline = "";
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            String[] cells = lines[i].split("\t", -1);
            int seq = Integer.parseInt(cells[0].trim());
            responsible = cells[4].isBlank() ? responsible : cells[4].trim();
            deadline = cells[5].isBlank() ? deadline : cells[5].trim();
            DeadlineRule rule = DeadlineParser.parse(deadline, new PlanContext(2023, ISSUED_ON));
            Snapshots.TaskBuilder t = Snapshots.task(plan).seq(seq).deadline(deadline, rule)
                    .with("requirement", cells[3].trim()).with("responsibleText", responsible);
            tasks.put(seq, t);
            items.add(t.item());
            for (Map.Entry<String, String> e : units(responsible).entrySet()) {
                Snapshots.AssignmentBuilder a = Snapshots.assignment(t, unitId(e.getKey()), e.getKey(), e.getValue());
                assignments.put(seq + "/" + e.getKey(), a);
                items.add(a.item());
            }
        }
    }

    /** The stable test id of a unit name. */
    public static String unitId(String name) {
        return "u-" + Integer.toHexString(name.hashCode());
    }

    /** Unit name → role for one 责任单位 cell. */
    static Map<String, String> units(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        if (text.equals("各级各部门单位")) {
            GROUP.forEach(u -> out.put(u, "RESPONSIBLE"));
            return out;
        }
        int lead = text.indexOf("牵头");
        if (lead > 0) {
            out.put(text.substring(0, lead), "LEAD");
            return out;
        }
        for (String name : text.split("[、，,]")) {
            String n = name.trim();
            if (n.isEmpty() || NOBODY.contains(n)) {
                continue;
            }
            out.putIfAbsent(n, out.isEmpty() ? "LEAD" : "CO");
        }
        return out;
    }

    public List<Snapshots.Item> items() {
        return items;
    }

    public Snapshots.AssignmentBuilder assignment(int seq, String unitName) {
        Snapshots.AssignmentBuilder a = assignments.get(seq + "/" + unitName);
        if (a == null) {
            throw new IllegalArgumentException("no assignment of " + unitName + " on task " + seq);
        }
        return a;
    }

    /** A DONE report on the task's assignment of the unit. */
    public Snapshots.Item done(int seq, String unitName, String completedOn) {
        return Snapshots.report(assignment(seq, unitName)).done(completedOn).item();
    }

    /** A 信息形成 event on the unit's assignment of a RELATIVE task. */
    public Snapshots.EventBuilder event(int seq, String unitName, String occurredOn) {
        return Snapshots.event(assignment(seq, unitName)).occurredOn(occurredOn);
    }
}
