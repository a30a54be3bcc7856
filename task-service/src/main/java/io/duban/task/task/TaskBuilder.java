package io.duban.task.task;

import io.duban.common.problem.ProblemException;
import io.duban.deadlines.rule.DeadlineParser;
import io.duban.deadlines.rule.DeadlineRule;
import io.duban.deadlines.rule.PlanContext;
import io.duban.task.assignment.AssignmentDeriver;
import io.duban.task.assignment.Responsibility;
import io.duban.task.assignment.Role;
import io.duban.task.orgclient.OrgApi.Resolution;
import io.duban.task.orgclient.OrgApi.ResolvedUnit;
import io.duban.task.orgclient.OrgApi.Unresolved;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Turns a row's texts into the parsed rule, the responsibilities and the review items. Pure: the
 * resolution of the 责任单位 text comes in from org-service.
 */
public final class TaskBuilder {

    private TaskBuilder() {
    }

    /** The parser never throws by contract; a defect there must not fail an import, so it becomes Unparsed. */
    public static DeadlineRule parseDeadline(String text, PlanContext context) {
        if (text == null || text.isBlank()) {
            return new DeadlineRule.Unparsed(text == null ? "" : text, "时限要求为空");
        }
        try {
            DeadlineRule rule = DeadlineParser.parse(text, context);
            return rule == null ? new DeadlineRule.Unparsed(text, "无法识别") : rule;
        } catch (RuntimeException e) {
            return new DeadlineRule.Unparsed(text, "无法识别");
        }
    }

    public static List<ReviewItem> review(int seq, String responsibleText, Resolution resolution, DeadlineRule rule,
            List<Designation> designated) {
        List<ReviewItem> items = new ArrayList<>();
        if (responsibleText.isBlank()) {
            items.add(new ReviewItem(seq, "responsibleText", "EMPTY", "", List.of()));
        } else if (resolution != null) {
            for (Unresolved u : resolution.unresolvedOrEmpty()) {
                if ("UNDESIGNATED_GROUP".equals(u.reason()) && !designated.isEmpty()) {
                    continue; // the supervisor has named the units
                }
                items.add(new ReviewItem(seq, "responsibleText", u.reason() == null ? "UNKNOWN_UNIT" : u.reason(), u.text(),
                        u.suggestions() == null ? List.of() : u.suggestions()));
            }
        }
        if (rule instanceof DeadlineRule.Unparsed un) {
            items.add(new ReviewItem(seq, "deadlineText", "UNPARSED", un.text(), List.of()));
        }
        return items;
    }

    public static List<Responsibility> responsibilities(Resolution resolution, List<Designation> designated) {
        List<Responsibility> out = new ArrayList<>();
        if (resolution != null) {
            for (ResolvedUnit u : resolution.assignmentsOrEmpty()) {
                out.add(new Responsibility(unitId(u.unitId()), u.unitName(), role(u.role())));
            }
        }
        for (Designation d : designated) {
            out.add(new Responsibility(d.unitId(), d.unitName(), Role.RESPONSIBLE));
        }
        return AssignmentDeriver.distinct(out);
    }

    private static UUID unitId(String raw) {
        try {
            return UUID.fromString(raw);
        } catch (RuntimeException e) {
            throw ProblemException.upstreamUnavailable("组织机构服务返回了无效的单位编号。");
        }
    }

    private static Role role(String raw) {
        try {
            return Role.valueOf(raw);
        } catch (RuntimeException e) {
            throw ProblemException.upstreamUnavailable("组织机构服务返回了未知的角色：" + raw);
        }
    }
}
