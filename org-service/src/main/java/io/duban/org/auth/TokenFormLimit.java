package io.duban.org.auth;

import io.duban.common.problem.ProblemType;
import io.duban.common.problem.Problems;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses a form body of more than {@link #MAX_BYTES} (or of no declared length) on the token endpoint before it is
 * read: the form parser fails on an attribute over Vert.x's form-attribute limit while reading the body, outside every
 * exception mapper, which made a 500 of a client's oversized form (found by the OpenAPI fuzz run). A client-credentials
 * form is three short fields.
 */
public class TokenFormLimit {

    static final int MAX_BYTES = 2048;

    @ServerRequestFilter(preMatching = true)
    public Response limitTokenForm(ContainerRequestContext request) {
        MediaType type = request.getMediaType();
        if (type == null || !type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                || !request.getUriInfo().getPath().endsWith("/auth/token")) {
            return null;
        }
        if (request.getLength() < 0 || request.getLength() > MAX_BYTES) {
            return Problems.response(ProblemType.PAYLOAD_TOO_LARGE, "令牌请求的表单过大（最多 " + MAX_BYTES + " 字节，且须声明长度）。", null);
        }
        return null;
    }
}
