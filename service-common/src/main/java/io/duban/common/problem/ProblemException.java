package io.duban.common.problem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A domain failure that becomes an RFC 9457 {@code application/problem+json} answer. The
 * {@code detail} is Chinese text for people; {@link #extensions()} carry what programs need
 * ({@code errors}, {@code line}, {@code suggestions}…).
 */
public class ProblemException extends RuntimeException {

    private final ProblemType type;
    private final String detail;
    private final Map<String, Object> extensions = new LinkedHashMap<>();

    public ProblemException(ProblemType type, String detail) {
        super(type.name() + ": " + detail, null, false, false);
        this.type = type;
        this.detail = detail;
    }

    public ProblemType type() {
        return type;
    }

    public String detail() {
        return detail;
    }

    public Map<String, Object> extensions() {
        return extensions;
    }

    /** Adds an extension member; returns this for chaining. */
    public ProblemException with(String name, Object value) {
        extensions.put(name, value);
        return this;
    }

    public ProblemException withErrors(List<FieldError> errors) {
        return with("errors", errors);
    }

    public static ProblemException validation(String detail, List<FieldError> errors) {
        return new ProblemException(ProblemType.VALIDATION, detail).withErrors(errors);
    }

    public static ProblemException invalidField(String field, String message) {
        return validation(message, List.of(new FieldError(field, message)));
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(ProblemType.NOT_FOUND, detail);
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(ProblemType.FORBIDDEN, detail);
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(ProblemType.CONFLICT, detail);
    }

    public static ProblemException unprocessable(String detail) {
        return new ProblemException(ProblemType.UNPROCESSABLE, detail);
    }

    public static ProblemException preconditionFailed(String detail) {
        return new ProblemException(ProblemType.PRECONDITION_FAILED, detail);
    }

    public static ProblemException preconditionRequired(String detail) {
        return new ProblemException(ProblemType.PRECONDITION_REQUIRED, detail);
    }

    public static ProblemException payloadTooLarge(String detail) {
        return new ProblemException(ProblemType.PAYLOAD_TOO_LARGE, detail);
    }

    public static ProblemException unsupportedMediaType(String detail) {
        return new ProblemException(ProblemType.UNSUPPORTED_MEDIA_TYPE, detail);
    }

    public static ProblemException upstreamUnavailable(String detail) {
        return new ProblemException(ProblemType.UPSTREAM_UNAVAILABLE, detail);
    }
}
