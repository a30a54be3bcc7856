package io.duban.common.web;

import io.duban.common.problem.FieldError;
import io.duban.common.problem.ProblemType;
import io.duban.common.problem.Problems;
import io.duban.common.text.ControlCharacters;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses control characters (a NUL above all, which PostgreSQL cannot store or compare) in path
 * and query parameters before any resource sees them: no id holds one, so a path parameter with
 * one names nothing (404); a query parameter with one is a bad request naming the parameter (400).
 */
public class ControlCharacterGuard {

    @ServerRequestFilter(priority = jakarta.ws.rs.Priorities.AUTHENTICATION - 100)
    public Response refuseControlCharacters(UriInfo uri) {
        for (Map.Entry<String, List<String>> e : uri.getPathParameters().entrySet()) {
            if (holdsForbidden(e.getValue())) {
                return Problems.response(ProblemType.NOT_FOUND, "请求的资源不存在。", null);
            }
        }
        MultivaluedMap<String, String> query = uri.getQueryParameters();
        for (Map.Entry<String, List<String>> e : query.entrySet()) {
            if (ControlCharacters.firstForbidden(e.getKey()) >= 0 || holdsForbidden(e.getValue())) {
                String field = ControlCharacters.firstForbidden(e.getKey()) >= 0 ? "query" : e.getKey();
                return Problems.response(ProblemType.VALIDATION, "查询参数 " + field + " 含有不允许的控制字符。",
                        Map.of("errors", List.of(new FieldError(field, "不能含有控制字符"))));
            }
        }
        return null;
    }

    private static boolean holdsForbidden(List<String> values) {
        for (String v : values) {
            if (v != null && ControlCharacters.firstForbidden(v) >= 0) {
                return true;
            }
        }
        return false;
    }
}
