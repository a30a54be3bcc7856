package io.duban.task.task;

import io.duban.deadlines.rule.DeadlineParser;
import io.duban.deadlines.rule.DeadlineRule;
import io.duban.deadlines.rule.PlanContext;
import io.duban.task.assignment.AssignmentDeriver;
import io.duban.task.assignment.Responsibility;
import io.duban.task.assignment.Role;
import io.duban.task.orgclient.Resolution;
import io.duban.task.orgclient.Resolution.Reason;
import io.duban.task.orgclient.Resolution.ResolvedUnit;
import io.duban.task.orgclient.Resolution.Unresolved;
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

    /** The 时限 rule of a cell; a blank cell is Unparsed here (the parser returns Unparsed itself for text it cannot read). */
    public static DeadlineRule parseDeadline(String text, PlanContext context) {
        if (text == null || text.isBlank()) {
            return new DeadlineRule.Unparsed(text == null ? "" : text, "时限要求为空");
        }
        return DeadlineParser.parse(text, context);
    }

    public static List<ReviewItem> review(int seq, String responsibleText, Resolution resolution, DeadlineRule rule,
            List<Designation> designated) {
        List<ReviewItem> items = new ArrayList<>();
        if (responsibleText.isBlank()) {
            items.add(new ReviewItem(seq, "responsibleText", "EMPTY", "", List.of()));
        } else if (resolution != null) {
            for (Unresolved u : resolution.unresolved()) {
                if (u.reason() == Reason.UNDESIGNATED_GROUP && !designated.isEmpty()) {
                    continue; // the supervisor has named the units
                }
                items.add(new ReviewItem(seq, "responsibleText", u.reason().name(), u.text(), u.suggestions()));
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
            for (ResolvedUnit u : resolution.assignments()) {
                out.add(new Responsibility(u.unitId(), u.unitName(), u.role()));
            }
        }
        for (Designation d : designated) {
            out.add(new Responsibility(d.unitId(), d.unitName(), Role.RESPONSIBLE));
        }
        return AssignmentDeriver.distinct(out);
    }
}
