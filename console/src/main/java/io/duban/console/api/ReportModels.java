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
                             LocalDate originalDueOn, String light) {

        /** An approved extension moved the due date: the derived one is kept beside it. */
        public boolean extended() {
            return originalDueOn != null && dueOn != null && !originalDueOn.equals(dueOn);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Dashboard(String region, String planId, LocalDate asOf, Map<String, Long> totals, long total,
                            Double onTimeRate, List<UnitOverdue> overdueByUnit, Upcoming dueNext10Workdays,
                            List<MonthTrend> monthlyTrend, Review needsReview, long ongoingItems,
                            boolean provisionalDates, AssignmentLife assignmentLife, Supervision supervision,
                            Integer trendYear, List<SessionProposals> proposals, List<Obligation> worstOverdue) {

        /** What waits for the supervisor from assignments' life (签收, 申诉, 办结审核, 台账); zeros when not given. */
        public AssignmentLife life() {
            return assignmentLife == null ? new AssignmentLife(0, 0, 0, 0, 0) : assignmentLife;
        }

        /** The 督办 counts; zeros when not given. */
        public Supervision watch() {
            return supervision == null ? Supervision.NONE : supervision;
        }
    }

    /** The dashboard's 督办 part: open obligations by 红黄蓝灯 (total, per unit with any light) and what waits. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Supervision(Map<String, Long> lights, List<UnitLights> lightsByUnit, long pendingExtensionRequests,
                              long overdueFindings, long unreadUrges, long rectificationsToVerify) {

        public static final Supervision NONE = new Supervision(Map.of(), List.of(), 0, 0, 0, 0);

        public long light(String name) {
            return lights == null ? 0 : lights.getOrDefault(name, 0L);
        }
    }

    /**
     * One 人大/政协 session's 建议提案 on the dashboard (issue 18): first answers on time / late / not yet as of asOf (of
     * which overdue), 解决情况 A–D, 满意率 in % (null when nobody rated), 重新办理.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SessionProposals(String planId, String title, Integer year, long assigned, long answeredOnTime,
                                   long answeredLate, long notAnswered, long overdue, Map<String, Long> outcomes,
                                   Double satisfactionRate, long reopened) {

        public long outcome(String category) {
            return outcomes == null ? 0 : outcomes.getOrDefault(category, 0L);
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
                         List<OngoingItem> ongoing, List<Finding> overdueFindings) {
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
                          String recordedAt, LocalDate rectifyBy, String rectification, long version) {

        /** Still in force (not corrected by a later record). */
        public boolean current() {
            return voidedBy == null;
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record NewFinding(String unitId, String foundOn, String source, String description, BigDecimal points,
                             String rectifyBy, Boolean needsRectification) {
    }

    /** A finding with its rectifications (整改) and verifications (复核); the ETag is its version. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record FindingHistory(Finding finding, List<Rectification> rectifications, List<Verification> verifications) {

        /** The last 复核 when it sent the finding back (不通过): what the unit must fix. */
        public Verification lastFail() {
            if (verifications == null || verifications.isEmpty()) {
                return null;
            }
            Verification v = verifications.get(verifications.size() - 1);
            return "FAIL".equals(v.decision()) ? v : null;
        }

        /** The rectification waiting for 复核 (the newest). */
        public Rectification latest() {
            return rectifications == null || rectifications.isEmpty() ? null : rectifications.get(rectifications.size() - 1);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Rectification(String id, String findingId, String note, List<String> evidenceUrls,
                                LocalDate rectifiedOn, String reportedBy, String reportedAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Verification(String id, String findingId, String rectificationId, String decision, String comment,
                               String verifiedBy, String verifiedAt) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record NewRectification(String note, List<String> evidenceUrls, String rectifiedOn) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record NewVerification(String decision, String comment) {
    }

    /** 延期申请: a unit asks to move one obligation's due date; the supervisor approves or rejects it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ExtensionRequest(String id, String obligationId, String taskId, String unitId, String unitName,
                                   LocalDate dueOn, LocalDate requestedDueOn, String reason, String requestedBy,
                                   String requestedAt, String status, long version, String decidedBy,
                                   String decidedAt, String comment, LocalDate approvedDueOn) {

        /** The If-Match of a decision: the request's version, as its ETag reads. */
        public String etag() {
            return "\"" + version + "\"";
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record NewExtensionRequest(String requestedDueOn, String reason) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ExtensionDecision(String decision, String approvedDueOn, String comment) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DirectExtension(String dueOn, String reason) {
    }

    /** A granted extension (by a request, or directly by the supervisor). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record GrantedExtension(String id, String obligationId, String requestId, LocalDate previousDueOn, LocalDate dueOn,
                            String reason, String grantedBy, LocalDate grantedOn, String grantedAt) {
    }

    /** The region's 督办 settings as far as a page needs them: how many extensions one obligation may be granted. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SupervisionSettings(Integer maxExtensions) {

        /** report-service's default while a region has stored none. */
        public int extensionsAllowed() {
            return maxExtensions == null ? 1 : maxExtensions;
        }
    }

    /** One obligation's due date in force, the derived one, and the extensions granted. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Extensions(String obligationId, LocalDate dueOn, LocalDate originalDueOn, List<GrantedExtension> extensions) {
    }

    /** 催办: the supervisor chases a unit now; the unit's receipt (已阅) is recorded. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Urge(String id, String unitId, String unitName, LocalDate day, String message, List<UrgeItem> items,
                       String sentBy, String sentAt, String status, String readBy, String readAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record UrgeItem(String kind, String id, Integer taskSeq, String title, LocalDate dueOn) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record NewUrge(String unitId, List<String> obligationIds, List<String> findingIds, String message) {
    }

    /** A unit's calendar key, shown once, and the feed path it opens. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CalendarKey(String unitId, String key, String path) {
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
