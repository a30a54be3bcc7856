package io.duban.task.report;

import io.duban.task.assignment.AssignmentStatus;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/** POST /assignments/{id}/reports. */
public record ReportRequest(
        @NotNull(message = "status 不能为空（NOT_STARTED、IN_PROGRESS 或 DONE）") AssignmentStatus status,
        @Size(max = 2000, message = "说明不超过 2000 字") String note,
        @Size(max = 20, message = "佐证链接最多 20 个") List<String> evidenceUrls,
        LocalDate completedOn,
        String eventId) {
}
