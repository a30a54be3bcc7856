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
                             String status, boolean active, long version) {
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

    /** A thing read with its ETag, for a later If-Match. */
    public record Versioned<T>(T value, String etag) {
    }
}
