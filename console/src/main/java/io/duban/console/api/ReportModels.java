package io.duban.console.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** What report-service's API answers and takes (dashboard, obligations, agenda, findings, 通报, 考核, alerts). */
public final class ReportModels {

    private ReportModels() {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Obligation(String id, String assignmentId, String taskId, Integer taskSeq, String requirement,
                             String unitId, String unitName, String role, String rule, LocalDate dueOn, String status,
                             int workdaysLate, boolean provisional, LocalDate completedOn, String planId,
                             String light, LocalDate originalDueOn) {

        /** Whether an approved extension moved the due date (the derived one is {@code originalDueOn}). */
        public boolean extended() {
            return originalDueOn != null && dueOn != null && !originalDueOn.equals(dueOn);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Dashboard(String region, String planId, LocalDate asOf, Map<String, Long> totals, long total,
                            Double onTimeRate, List<UnitOverdue> overdueByUnit, Upcoming dueNext10Workdays,
                            List<MonthTrend> monthlyTrend, Review needsReview, long ongoingItems,
                            boolean provisionalDates, AssignmentLife assignmentLife, Supervision supervision,
                            Integer trendYear) {

        /** What waits for the supervisor from assignments' life (签收, 申诉, 办结审核, 台账); zeros when not given. */
        public AssignmentLife life() {
            return assignmentLife == null ? new AssignmentLife(0, 0, 0, 0, 0) : assignmentLife;
        }
    }

    /** The dashboard's 督办 part: open obligations by 红黄蓝灯 (total, per unit with any light) and what waits. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Supervision(Map<String, Long> lights, List<UnitLights> lightsByUnit, long pendingExtensionRequests,
                              long overdueFindings, long unreadUrges) {

        public long light(String name) {
            return lights == null ? 0 : lights.getOrDefault(name, 0L);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record UnitLights(String unitId, String unitName, long red, long yellow, long blue) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record AssignmentLife(long pendingAcknowledgements, long lateAcknowledgements, long openDisputes,
                                 long pendingReviews, long ledgersNotSubmitted) {
    }

    /** An assignment not signed for (签收) within the region's window: PENDING still, or LATE (signed after it). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record LateAcknowledgement(String assignmentId, String planId, String taskId, Integer taskSeq, String unitId,
                                      String unitName, String role, LocalDate createdOn, LocalDate dueOn,
                                      LocalDate acknowledgedOn, String state) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record UnitOverdue(int rank, String unitId, String unitName, long overdue, int maxWorkdaysLate) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Upcoming(LocalDate until, long count, List<Obligation> items) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record MonthTrend(String month, long due, long done, long doneOnTime, long overdue) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Review(long unparsedTasks, long undesignatedAssignments, List<ReviewTask> tasks) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ReviewTask(String taskId, Integer seq, String deadlineText, String reason) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Agenda(String unitId, String unitName, LocalDate asOf, List<Obligation> overdue,
                         List<Obligation> dueSoon, List<Obligation> open, List<Obligation> done,
                         List<OngoingItem> ongoing) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record OngoingItem(String taskId, Integer taskSeq, String requirement, String role, String rule) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record OverdueSummary(LocalDate asOf, String regionPrefix, long total, List<RegionCount> regions) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RegionCount(String region, long overdue, LocalDate oldestDueOn) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Finding(String id, String unitId, String unitName, LocalDate foundOn, String source,
                          String description, BigDecimal points, String voids, String voidedBy, String recordedBy,
                          String recordedAt) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record NewFinding(String unitId, String foundOn, String source, String description, BigDecimal points) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record BulletinSummary(String id, int year, int quarter, LocalDate asOf, String status, long version,
                                  String title, String createdAt, String publishedAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Bulletin(String id, int year, int quarter, LocalDate asOf, String status, long version,
                           String createdAt, String publishedAt, String nextSteps, JsonNode content) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record NewBulletin(Integer year, Integer quarter) {
    }

    public record NextSteps(String nextSteps) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Assessment(String region, int year, LocalDate asOf, boolean finalized, String finalizedAt,
                             List<UnitResult> units) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record UnitResult(int rank, String unitId, String unitName, TaskPart task, InspectionPart inspection,
                             double total) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record TaskPart(long due, long onTime, long doneLate, long overdueOpen, long pending, double deduction,
                           double score) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record InspectionPart(BigDecimal points, double score) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Channel(String url, String format, boolean secretSet) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Channels(Channel defaultChannel, Channel supervisor, Map<String, Channel> units) {
        @com.fasterxml.jackson.annotation.JsonCreator
        public Channels(@com.fasterxml.jackson.annotation.JsonProperty("default") Channel defaultChannel,
                        @com.fasterxml.jackson.annotation.JsonProperty("supervisor") Channel supervisor,
                        @com.fasterxml.jackson.annotation.JsonProperty("units") Map<String, Channel> units) {
            this.defaultChannel = defaultChannel;
            this.supervisor = supervisor;
            this.units = units;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Alert(String id, LocalDate date, String unitId, String unitName, String kind, String status,
                        int attempts, String channel, String format, String lastError, String createdAt,
                        String sentAt, List<JsonNode> items) {
    }

    /** A document answer: bytes, its media type and the file name the service gave. */
    public record Download(byte[] bytes, String contentType, String contentDisposition) {
    }
}
