package io.duban.common.problem;

import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds {@code application/problem+json} responses; the single place that knows the body's shape. */
public final class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";

    private Problems() {
    }

    public static Response response(ProblemException e) {
        return response(e.type(), e.detail(), e.extensions());
    }

    public static Response response(ProblemType type, String detail, Map<String, Object> extensions) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type.uri());
        body.put("title", type.title());
        body.put("status", type.status());
        body.put("detail", detail);
        if (extensions != null) {
            extensions.forEach(body::putIfAbsent);
        }
        return Response.status(type.status()).type(MEDIA_TYPE).entity(body).build();
    }
}
