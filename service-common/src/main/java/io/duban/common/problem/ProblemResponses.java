package io.duban.common.problem;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

/**
 * Documents the RFC 9457 problem answers every duban API operation can give, which the annotation
 * scan does not see (they come from {@link ProblemMappers}): 400 for any operation taking input,
 * 404 when the path names a resource, 412/428 where {@code If-Match} is read. Registered per service
 * with {@code mp.openapi.filter}. An answer an operation documents itself keeps its text; one without a body
 * gets the problem body, one without a description a short one. The document gets its licence here too.
 */
public class ProblemResponses implements OASFilter {

    static final String MEDIA = "application/problem+json";
    static final String REF = "#/components/schemas/Problem";

    @Override
    public void filterOpenAPI(OpenAPI api) {
        if (api.getComponents() == null) {
            api.setComponents(OASFactory.createComponents());
        }
        api.getComponents().addSchema("Problem", problemSchema());
        if (api.getInfo() != null && api.getInfo().getLicense() == null) {
            // the project is not published under an open licence; SPDX's LicenseRef- form names that
            api.getInfo().setLicense(OASFactory.createLicense().name("Proprietary (duban)").identifier("LicenseRef-duban-proprietary"));
        }
        if (api.getPaths() == null || api.getPaths().getPathItems() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> path : api.getPaths().getPathItems().entrySet()) {
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            for (Map.Entry<PathItem.HttpMethod, Operation> op : path.getValue().getOperations().entrySet()) {
                document(path.getKey(), op.getKey(), op.getValue());
            }
        }
    }

    private static void document(String path, PathItem.HttpMethod method, Operation op) {
        List<Parameter> params = op.getParameters() == null ? List.of() : op.getParameters();
        boolean input = op.getRequestBody() != null || params.stream().anyMatch(p -> p.getIn() != Parameter.In.PATH);
        boolean names = path.replace("{region}", "").contains("{");
        boolean ifMatch = params.stream().anyMatch(p -> p.getIn() == Parameter.In.HEADER && "If-Match".equalsIgnoreCase(p.getName()));
        if (input || names) {
            add(op, "400", "请求参数或请求体不正确（errors 列出字段）");
        }
        if (names) {
            add(op, "404", "资源不存在（或单位账号无权看到）");
        }
        if (ifMatch) {
            add(op, "412", "If-Match 与当前版本不符");
            add(op, "428", "缺少 If-Match");
        }
        if (op.getResponses() != null && op.getResponses().getAPIResponses() != null
                && op.getResponses().getAPIResponses().keySet().stream().noneMatch(k -> k.startsWith("4"))) {
            // an operation taking nothing can still be asked for a format it does not produce
            add(op, "406", "不能按 Accept 所要的格式回答");
        }
        if (op.getSecurity() == null) {
            // only @PermitAll operations get here (sign-in, JWKS, a one-time link, a calendar key): the empty
            // requirement says "no token needed" instead of leaving a reader to wonder whether it was forgotten
            op.setSecurity(new java.util.ArrayList<>(List.of(OASFactory.createSecurityRequirement())));
        }
        describeEveryResponse(op);
    }

    /** A response documented by code only (e.g. a 201 given just its schema) still says what it is: clients' docs show it. */
    private static void describeEveryResponse(Operation op) {
        if (op.getResponses() == null || op.getResponses().getAPIResponses() == null) {
            return;
        }
        op.getResponses().getAPIResponses().forEach((status, response) -> {
            if (response.getRef() == null && (response.getDescription() == null || response.getDescription().isBlank())) {
                response.setDescription(switch (status) {
                    case "200" -> "成功";
                    case "201" -> "已创建";
                    case "202" -> "已受理";
                    case "204" -> "成功，无内容";
                    case "401" -> "缺少或无效的令牌";
                    case "403" -> "无权执行";
                    case "409" -> "与当前状态冲突";
                    default -> "HTTP " + status;
                });
            }
        });
    }

    private static void add(Operation op, String status, String description) {
        if (op.getResponses() == null) {
            op.setResponses(OASFactory.createAPIResponses());
        }
        var content = OASFactory.createContent().addMediaType(MEDIA, OASFactory.createMediaType().schema(OASFactory.createSchema().ref(REF)));
        var existing = op.getResponses().getAPIResponse(status);
        if (existing == null) {
            op.getResponses().addAPIResponse(status, OASFactory.createAPIResponse().description(description).content(content));
        } else if (existing.getContent() == null || existing.getContent().getMediaTypes() == null
                || existing.getContent().getMediaTypes().isEmpty()) {
            // e.g. the validator extension's bare "400 Bad Request": say what its body is
            existing.setContent(content);
        }
    }

    private static Schema problemSchema() {
        Schema text = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
        Schema fieldError = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .addProperty("field", text).addProperty("message", text);
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem: type (a stable URI per kind), title, status, Chinese detail, and members for programs")
                .addProperty("type", text).addProperty("title", text)
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER))
                .addProperty("detail", text).addProperty("instance", text)
                .addProperty("errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(fieldError));
    }
}
