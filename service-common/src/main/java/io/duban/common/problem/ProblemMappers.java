package io.duban.common.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.duban.common.json.StrictJson;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.validation.ValidationException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one exception-to-problem mapping of a duban service: domain problems, bean validation,
 * unreadable JSON, framework HTTP errors and security failures all leave as RFC 9457
 * {@code application/problem+json}; anything unexpected is logged and answered with a bare 500
 * that leaks nothing.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return Problems.response(e);
    }

    // Quarkus ships its own mappers for these two (plain JSON bodies); ours win by priority.
    @ServerExceptionMapper(priority = Priorities.USER - 100)
    public Response validation(ValidationException e) {
        if (!(e instanceof ConstraintViolationException cve)) {
            LOG.error("validation setup failure", e);
            return Problems.response(ProblemType.INTERNAL, "服务内部错误，请稍后重试。", null);
        }
        List<FieldError> errors = cve.getConstraintViolations().stream()
                .map(v -> new FieldError(fieldName(v), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field))
                .collect(Collectors.toCollection(ArrayList::new));
        String detail = "请求参数不符合要求：" + errors.stream()
                .map(f -> f.field() + " " + f.message()).collect(Collectors.joining("；"));
        return Problems.response(ProblemType.VALIDATION, detail, Map.of("errors", errors));
    }

    @ServerExceptionMapper(priority = Priorities.USER - 100)
    public Response mismatchedInput(MismatchedInputException e) {
        return unreadableJson(e);
    }

    @ServerExceptionMapper(priority = Priorities.USER - 100)
    public Response unreadableJson(JsonProcessingException e) {
        String field = e instanceof JsonMappingException m ? jsonPath(m) : "";
        if (e instanceof StrictJson.ControlCharacterException && !field.isEmpty()) {
            return Problems.response(ProblemType.VALIDATION, "请求体字段 " + field + " 含有不允许的控制字符。",
                    Map.of("errors", List.of(new FieldError(field, "不能含有控制字符"))));
        }
        String detail = field.isEmpty()
                ? "请求体不是有效的 JSON。"
                : "请求体字段 " + field + " 缺失或取值无法识别。";
        return Problems.response(ProblemType.MALFORMED_BODY, detail,
                Map.of("errors", List.of(new FieldError(field.isEmpty() ? "body" : field, "无法解析"))));
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e) {
        return Problems.response(ProblemType.UNAUTHORIZED, "需要有效的访问令牌（Bearer JWT）。", null);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e) {
        return Problems.response(ProblemType.UNAUTHORIZED, "访问令牌无效或已过期。", null);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return Problems.response(ProblemType.FORBIDDEN, "当前角色无权执行此操作。", null);
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e) {
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        if (status == 404 && isConversionFailure(e.getCause())) {
            // JAX-RS answers a query parameter it cannot convert ("page=abc" for an Integer) with 404;
            // the resource exists, the request is malformed.
            return Problems.response(ProblemType.VALIDATION, "查询参数格式不正确（应为数字、日期或取值之一）。", null);
        }
        if (status >= 500) {
            LOG.error("web application exception", e);
        }
        ProblemType type = ProblemType.forStatus(status);
        String detail = switch (status) {
            case 400 -> "请求格式不正确。";
            case 401 -> "需要有效的访问令牌（Bearer JWT）。";
            case 403 -> "无权访问。";
            case 404 -> "请求的资源不存在。";
            case 405 -> "该资源不支持此请求方法。";
            case 406 -> "无法提供所请求的表示格式。";
            case 413 -> "请求体过大。";
            case 415 -> "不支持的请求内容类型。";
            default -> "请求无法处理。";
        };
        Response r = Problems.response(type, detail, null);
        if (status != type.status()) {
            return Response.fromResponse(r).status(status).build();
        }
        return r;
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        LOG.error("unexpected failure", e);
        return Problems.response(ProblemType.INTERNAL, "服务内部错误，请稍后重试。", null);
    }

    private static boolean isConversionFailure(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof IllegalArgumentException || t instanceof java.time.DateTimeException) {
                return true;
            }
        }
        return false;
    }

    private static String fieldName(ConstraintViolation<?> v) {
        // Method-parameter paths look like "create.body.title"; clients want "title".
        String last = null;
        StringBuilder tail = new StringBuilder();
        boolean pastParameter = false;
        for (Path.Node node : v.getPropertyPath()) {
            switch (node.getKind()) {
                case METHOD, CONSTRUCTOR -> { }
                case PARAMETER -> { last = node.getName(); pastParameter = true; }
                default -> {
                    if (pastParameter && node.getName() != null) {
                        if (tail.length() > 0) {
                            tail.append('.');
                        }
                        tail.append(node.getName());
                        if (node.getIndex() != null) {
                            tail.append('[').append(node.getIndex()).append(']');
                        }
                    }
                }
            }
        }
        if (tail.length() > 0) {
            return tail.toString();
        }
        return last != null ? last : v.getPropertyPath().toString();
    }

    private static String jsonPath(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }
}
