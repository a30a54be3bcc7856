package io.duban.console.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.List;

/** What task-service's API answers and takes (plans, tasks, import, assignments, progress reports). */
public final class TaskModels {

    private TaskModels() {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Plan(String id, String title, String docNumber, LocalDate issuedOn, int year, String kind) {
    }

    public record NewPlan(String title, String docNumber, String issuedOn, Integer year, String kind) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ReviewItem(int seq, String field, String reason, String text, List<String> suggestions) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ImportResult(int tasks, int assignments, boolean dryRun, List<ReviewItem> needsReview) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Designation(String unitId, String unitName) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Task(String id, String planId, int seq, List<String> category, String requirement,
                       String responsibleText, String deadlineText, JsonNode deadline, boolean needsReview,
                       List<ReviewItem> review, List<Designation> designated, long version, List<Assignment> assignments) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TaskCorrection(String requirement, String responsibleText, String deadlineText) {
    }

    public record Designations(List<String> unitIds) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Assignment(String id, String planId, String taskId, String unitId, String unitName, String role,
                             String status, boolean active, LocalDate createdOn, LocalDate acknowledgedOn, long version) {

        /** The ETag a write about this assignment sends back in If-Match. */
        public String etag() {
            return "\"" + version + "\"";
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record NewReport(String status, String note, List<String> evidenceUrls, String completedOn) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Report(String id, String status, String note, List<String> evidenceUrls, LocalDate completedOn,
                         String reportedBy, String reportedAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ReportCreated(Report report, long assignmentVersion) {
    }

    /** 申诉: a unit says an assignment is not its duty; the supervisor upholds or rejects it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Dispute(String id, String assignmentId, String taskId, String unitId, String reason, String status,
                          String raisedBy, String raisedAt, String comment, List<String> designatedUnitIds,
                          String decidedBy, String decidedAt, long version) {

        public String etag() {
            return "\"" + version + "\"";
        }
    }

    public record NewDispute(String reason) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DisputeDecision(String decision, String comment, List<String> designateUnitIds) {
    }

    /** A reported completion waiting for 办结审核 (oldest first), with how often it was returned before. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PendingReview(String assignmentId, String planId, String taskId, String unitId, String unitName,
                                long assignmentVersion, String reportId, LocalDate completedOn, String note,
                                String reportedBy, String reportedAt, int returns) {

        public String etag() {
            return "\"" + assignmentVersion + "\"";
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record NewReview(String decision, String comment) {
    }

    /** A 办结审核 decision: ACCEPT, or RETURN with the reason (退回原因) the unit sees. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Review(String id, String assignmentId, String reportId, String decision, String comment,
                         LocalDate completedOn, String reviewedBy, String reviewedAt) {
    }

    /** One row of a unit's 工作台账: 责任科室, 责任人, 工作措施, 计划完成时间. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record LedgerEntry(String id, String assignmentId, String planId, String unitId, String office, String owner,
                              String ownerPhone, String measures, LocalDate plannedOn, boolean afterSubmission,
                              String updatedBy, String updatedAt, long version) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record NewLedgerEntry(String office, String owner, String ownerPhone, String measures, String plannedOn) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record LedgerSubmission(String id, String planId, String unitId, LocalDate submittedOn, int assignments,
                                   int filled) {
    }

    /** A thing read with its ETag, for a later If-Match. */
    public record Versioned<T>(T value, String etag) {
    }
}
