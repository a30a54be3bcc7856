package io.duban.console.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A service's answer that was not a success, as the console needs it: the HTTP status, the problem
 * {@code type} and Chinese {@code detail}, the fields it names ({@code errors[{field, message}]}) and
 * any other members (e.g. {@code totpRequired}, {@code lockedUntil}). Also stands for "the service
 * could not be reached" (status 503).
 */
public final class ApiProblem extends RuntimeException {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One field a problem names. */
    public record FieldError(String field, String message) {
    }

    private final int status;
    private final String type;
    private final String detail;
    private final List<FieldError> errors;
    private final JsonNode body;

    public ApiProblem(int status, String type, String detail, List<FieldError> errors, JsonNode body) {
        super(status + " " + type + ": " + detail);
        this.status = status;
        this.type = type == null ? "" : type;
        this.detail = detail;
        this.errors = errors == null ? List.of() : errors;
        this.body = body == null ? JSON.createObjectNode() : body;
    }

    /** The service was not reachable or did not answer in time. */
    public static ApiProblem unavailable(String service, Throwable cause) {
        ApiProblem p = new ApiProblem(503, "unavailable", service + "暂时无法访问，请稍后再试。", List.of(), null);
        p.initCause(cause);
        return p;
    }

    /** Reads a problem+json (or OAuth error, or anything) answer. */
    public static ApiProblem from(Response r) {
        String text = "";
        try {
            r.bufferEntity();
            text = r.readEntity(String.class);
        } catch (RuntimeException unreadable) {
            // an empty or non-text body: the status alone must do
        }
        JsonNode body = null;
        try {
            body = text == null || text.isBlank() ? null : JSON.readTree(text);
        } catch (Exception notJson) {
            body = null;
        }
        String type = body != null && body.hasNonNull("type") ? body.get("type").asText() : "";
        String detail = body != null && body.hasNonNull("detail") ? body.get("detail").asText() : null;
        List<FieldError> errors = new ArrayList<>();
        if (body != null && body.has("errors") && body.get("errors").isArray()) {
            for (JsonNode e : body.get("errors")) {
                errors.add(new FieldError(e.path("field").asText(""), e.path("message").asText("")));
            }
        }
        if (detail == null) {
            detail = defaultDetail(r.getStatus());
        }
        return new ApiProblem(r.getStatus(), type, detail, errors, body);
    }

    private static String defaultDetail(int status) {
        return switch (status) {
            case 401 -> "登录已失效，请重新登录。";
            case 403 -> "无权访问。";
            case 404 -> "未找到。";
            case 409 -> "操作与当前状态冲突。";
            case 412 -> "数据已被他人修改，请刷新后重试。";
            default -> "服务返回错误（" + status + "）。";
        };
    }

    public int status() {
        return status;
    }

    /** The last path segment of the problem type, e.g. {@code bad-credentials}. */
    public String kind() {
        int slash = type.lastIndexOf('/');
        return slash < 0 ? type : type.substring(slash + 1);
    }

    public String detail() {
        return detail;
    }

    public List<FieldError> errors() {
        return errors;
    }

    public JsonNode body() {
        return body;
    }

    /** The message per field name, for showing next to form fields. */
    public Map<String, String> fieldMessages() {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        for (FieldError e : errors) {
            m.merge(e.field(), e.message(), (a, b) -> a + "；" + b);
        }
        return m;
    }
}
