package io.duban.e2e;

import io.duban.client.task.ApiClient;
import io.duban.client.task.ApiException;
import io.duban.client.task.ApiResponse;
import io.duban.client.task.api.AssignmentsApi;
import io.duban.client.task.api.ReportsApi;
import io.duban.client.task.model.AssignmentDto;
import io.duban.client.task.model.AssignmentStatus;
import io.duban.client.task.model.PageAssignmentDto;
import io.duban.client.task.model.ReportRequest;
import io.duban.client.task.model.ReportResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A department's own system as its IT would write it: nothing but the Java client generated from
 * {@code openapi/task-service.yaml} at build time (module e2e's openapi-generator execution) and the unit's
 * token. It reads its unit's assignments and reports progress with the ETag it read.
 */
final class DepartmentSystem {

    private final String region;
    private final AssignmentsApi assignments;
    private final ReportsApi reports;

    DepartmentSystem(String taskServiceUrl, String region, String bearer) {
        this.region = region;
        ApiClient client = new ApiClient();
        client.updateBaseUri(taskServiceUrl);
        client.setRequestInterceptor(request -> request.header("Authorization", bearer));
        this.assignments = new AssignmentsApi(client);
        this.reports = new ReportsApi(client);
    }

    /** Every assignment the token's unit has, walked page by page with the {@code next} cursor each page carries. */
    List<AssignmentDto> myAssignments() throws ApiException {
        List<AssignmentDto> all = new ArrayList<>();
        String after = null;
        while (true) {
            // (region, after, includeInactive, page, planId, role, size, status, taskId, total, unitId)
            PageAssignmentDto p = assignments.listAssignments(region, after, null, null, null, null, 200, null, null, null, null);
            all.addAll(p.getItems());
            if (p.getNext() == null || p.getItems().isEmpty()) {
                return all;
            }
            after = p.getNext();
        }
    }

    /** Reports the assignment done on {@code on}, with a link as evidence, against the version it reads first. */
    ReportResponse reportDone(UUID assignmentId, LocalDate on, String note, String evidenceUrl) throws ApiException {
        ApiResponse<AssignmentDto> current = assignments.getAssignmentWithHttpInfo(assignmentId.toString(), region);
        String etag = current.getHeaders().get("etag").get(0);
        ReportRequest body = new ReportRequest().status(AssignmentStatus.DONE).completedOn(on).note(note)
                .evidenceUrls(List.of(evidenceUrl));
        return reports.reportProgress(assignmentId.toString(), region, body, "dept-" + assignmentId, etag);
    }
}
