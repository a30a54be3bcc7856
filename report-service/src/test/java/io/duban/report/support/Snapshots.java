package io.duban.report.support;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.duban.deadlines.rule.DeadlineRule;
import io.duban.deadlines.rule.DeadlineRules;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Builders for change-feed snapshots in task-service's contract shapes: {@code plan(region).issuedOn("2023-08-09")}. */
public final class Snapshots {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Snapshots() {
    }

    /** A feed item (the fake assigns its cursor). */
    public record Item(String type, String region, String id, Map<String, Object> data) {
        Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("region", region);
            m.put("type", type);
            m.put("id", id);
            m.put("data", data);
            return m;
        }
    }

    /** Common builder state: the snapshot's fields, its id and region. */
    public abstract static class Builder<B extends Builder<B>> {
        final Map<String, Object> data = new LinkedHashMap<>();
        final String type;

        Builder(String type, String region) {
            this.type = type;
            data.put("id", UUID.randomUUID().toString());
            data.put("region", region);
        }

        @SuppressWarnings("unchecked")
        public B with(String field, Object value) {
            data.put(field, value);
            return (B) this;
        }

        public String id() {
            return (String) data.get("id");
        }

        public String region() {
            return (String) data.get("region");
        }

        public Item item() {
            return new Item(type, region(), id(), new LinkedHashMap<>(data));
        }
    }

    /** Any snapshot type, its fields set with {@link Builder#with}. */
    public static Generic of(String type, String region) {
        return new Generic(type, region);
    }

    public static final class Generic extends Builder<Generic> {
        Generic(String type, String region) {
            super(type, region);
        }
    }

    public static PlanBuilder plan(String region) {
        return new PlanBuilder(region);
    }

    public static TaskBuilder task(PlanBuilder plan) {
        return new TaskBuilder(plan);
    }

    public static AssignmentBuilder assignment(TaskBuilder task, String unitId, String unitName, String role) {
        return new AssignmentBuilder(task, unitId, unitName, role);
    }

    public static ReportBuilder report(AssignmentBuilder assignment) {
        return new ReportBuilder(assignment);
    }

    public static EventBuilder event(AssignmentBuilder assignment) {
        return new EventBuilder(assignment);
    }

    public static final class PlanBuilder extends Builder<PlanBuilder> {
        PlanBuilder(String region) {
            super("PLAN", region);
            with("title", "2023年政务公开工作要点任务分解").with("docNumber", "沂政办字〔2023〕1号")
                    .with("issuedOn", "2023-08-09").with("year", 2023).with("kind", "KEY_TASKS").with("version", 1);
        }

        public PlanBuilder issuedOn(String date) {
            return with("issuedOn", date);
        }
    }

    public static final class TaskBuilder extends Builder<TaskBuilder> {
        final PlanBuilder plan;

        TaskBuilder(PlanBuilder plan) {
            super("TASK", plan.region());
            this.plan = plan;
            with("planId", plan.id()).with("seq", 1).with("category", List.of("推进信息公开"))
                    .with("requirement", "加强主动公开基本目录动态管理").with("responsibleText", "县商务局")
                    .with("deadlineText", "").with("needsReview", false).with("version", 1);
        }

        public TaskBuilder seq(int seq) {
            return with("seq", seq);
        }

        public TaskBuilder deadline(String text, DeadlineRule rule) {
            try {
                return with("deadlineText", text).with("deadline",
                        JSON.readValue(DeadlineRules.toJson(rule), new TypeReference<Map<String, Object>>() { }))
                        .with("needsReview", rule instanceof DeadlineRule.Unparsed);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    public static final class AssignmentBuilder extends Builder<AssignmentBuilder> {
        AssignmentBuilder(TaskBuilder task, String unitId, String unitName, String role) {
            super("ASSIGNMENT", task.region());
            with("planId", task.plan.id()).with("taskId", task.id()).with("unitId", unitId).with("unitName", unitName)
                    .with("role", role).with("status", "NOT_STARTED").with("active", true).with("version", 1);
        }

        public AssignmentBuilder inactive() {
            return with("active", false);
        }
    }

    public static final class ReportBuilder extends Builder<ReportBuilder> {
        ReportBuilder(AssignmentBuilder a) {
            super("REPORT", a.region());
            with("assignmentId", a.id()).with("status", "IN_PROGRESS").with("note", "推进中").with("evidenceUrls", List.of())
                    .with("reportedBy", "unit").with("reportedAt", "2023-09-01T10:00:00+08:00");
        }

        public ReportBuilder done(String completedOn) {
            return with("status", "DONE").with("completedOn", completedOn)
                    .with("reportedAt", completedOn + "T18:00:00+08:00");
        }

        public ReportBuilder forEvent(EventBuilder e) {
            return with("eventId", e.id());
        }
    }

    public static final class EventBuilder extends Builder<EventBuilder> {
        EventBuilder(AssignmentBuilder a) {
            super("EVENT", a.region());
            with("assignmentId", a.id()).with("trigger", "INFO_CHANGED").with("title", "信息形成")
                    .with("recordedBy", "unit").with("recordedAt", "2023-09-25T09:00:00+08:00");
        }

        public EventBuilder occurredOn(String date) {
            return with("occurredOn", date).with("occurredAt", date + "T09:00:00+08:00");
        }

        public EventBuilder trigger(String trigger) {
            return with("trigger", trigger);
        }
    }
}
