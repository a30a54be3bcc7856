package io.duban.task.report;

import io.duban.common.problem.FieldError;
import io.duban.task.assignment.AssignmentStatus;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What a progress report must carry: 已完成 needs the day it was done (not in the future, Asia/Shanghai)
 * and evidence — an http(s) link or a note saying where the result is.
 */
public final class ReportRules {

    public static final int MAX_URL = 2000;

    private ReportRules() {
    }

    /** What is wrong with the report, field by field; empty when it may be recorded. */
    public static List<FieldError> check(ReportRequest r, LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        List<String> urls = r.evidenceUrls() == null ? List.of() : r.evidenceUrls();
        for (int i = 0; i < urls.size(); i++) {
            if (!isWebUrl(urls.get(i))) {
                errors.add(new FieldError("evidenceUrls[" + i + "]", "应为 http 或 https 链接"));
            }
        }
        boolean hasNote = r.note() != null && !r.note().isBlank();
        if (!r.status().reportable()) {
            errors.add(new FieldError("status", "进展报告的状态只能是 NOT_STARTED、IN_PROGRESS 或 DONE"));
        }
        if (r.status() == AssignmentStatus.DONE) {
            if (r.completedOn() == null) {
                errors.add(new FieldError("completedOn", "状态为已完成时必须填写完成日期"));
            }
            if (urls.isEmpty() && !hasNote) {
                errors.add(new FieldError("evidenceUrls", "状态为已完成时必须提供佐证（链接或说明）"));
            }
        } else if (r.completedOn() != null) {
            errors.add(new FieldError("completedOn", "只有已完成的报告才填写完成日期"));
        }
        if (r.completedOn() != null) {
            if (r.completedOn().isAfter(today)) {
                errors.add(new FieldError("completedOn", "完成日期不能晚于今天（" + today + "）"));
            } else if (r.completedOn().getYear() < 2000) {
                errors.add(new FieldError("completedOn", "完成日期不正确"));
            }
        }
        return errors;
    }

    static boolean isWebUrl(String s) {
        if (s == null || s.isBlank() || s.length() > MAX_URL) {
            return false;
        }
        try {
            URI u = new URI(s.trim());
            String scheme = u.getScheme();
            return scheme != null && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                    && u.getHost() != null && !u.getHost().isBlank();
        } catch (Exception e) {
            return false;
        }
    }
}
