package io.duban.common.problem;

/**
 * The stable kinds of error every duban service answers with. The {@link #uri()} is the RFC 9457
 * {@code type} member: clients branch on it, never on the Chinese {@code detail}.
 */
public enum ProblemType {
    VALIDATION(400, "Invalid request", "validation"),
    MALFORMED_BODY(400, "Malformed request body", "malformed-body"),
    UNAUTHORIZED(401, "Authentication required", "unauthorized"),
    FORBIDDEN(403, "Forbidden", "forbidden"),
    NOT_FOUND(404, "Not found", "not-found"),
    METHOD_NOT_ALLOWED(405, "Method not allowed", "method-not-allowed"),
    NOT_ACCEPTABLE(406, "Not acceptable", "not-acceptable"),
    CONFLICT(409, "Conflict", "conflict"),
    PRECONDITION_FAILED(412, "Precondition failed", "precondition-failed"),
    PAYLOAD_TOO_LARGE(413, "Payload too large", "payload-too-large"),
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type", "unsupported-media-type"),
    UNPROCESSABLE(422, "Unprocessable request", "unprocessable"),
    PRECONDITION_REQUIRED(428, "Precondition required", "precondition-required"),
    UPSTREAM_UNAVAILABLE(503, "Dependency unavailable", "upstream-unavailable"),
    INTERNAL(500, "Internal error", "internal");

    private final int status;
    private final String title;
    private final String slug;

    ProblemType(int status, String title, String slug) {
        this.status = status;
        this.title = title;
        this.slug = slug;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String uri() {
        return "https://duban.io/problems/" + slug;
    }

    /** The type to use for an HTTP status raised by the framework itself (404 for an unknown path…). */
    public static ProblemType forStatus(int status) {
        for (ProblemType t : values()) {
            if (t.status == status && t != MALFORMED_BODY) {
                return t;
            }
        }
        return status >= 500 ? INTERNAL : VALIDATION;
    }
}
