package io.duban.org.responsibility;

import io.duban.common.problem.FieldError;
import io.duban.common.problem.ProblemException;
import io.duban.common.security.Roles;
import io.duban.org.group.GroupService;
import io.duban.org.responsibility.ResponsibilityDtos.BatchView;
import io.duban.org.responsibility.ResponsibilityDtos.ResolutionView;
import io.duban.org.responsibility.ResponsibilityDtos.ResolveBatchRequest;
import io.duban.org.responsibility.ResponsibilityDtos.ResolveRequest;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * 责任单位 text → assignments. The region's directory is loaded once per request (once per batch)
 * and the texts are resolved in memory on a worker thread, off the event loop.
 */
@Path("/api/v1/regions/{region}/responsibility")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "responsibility", description = "责任单位文本解析：牵头、配合、负责单位与待明确事项")
public class ResponsibilityResource {

    public static final int MAX_TEXT = 2000;
    public static final int MAX_BATCH = 20_000;

    @Inject
    GroupService groups;

    @POST
    @Path("/resolve")
    @RolesAllowed({Roles.SUPERVISOR, Roles.VIEWER, Roles.UNIT, Roles.SYSTEM})
    @Operation(operationId = "resolveResponsibility", summary = "Resolve one 责任单位 text", description = "assignments: unitId, unitName, role (LEAD|CO|RESPONSIBLE), "
            + "matchedText; unresolved: text, reason (UNKNOWN_UNIT|UNDESIGNATED_GROUP), suggestions.")
    public Uni<ResolutionView> resolve(@PathParam("region") String region,
                                       @NotNull(message = "请求体不能为空") @Valid ResolveRequest body) {
        checkLength(body.text(), "text");
        return resolver(region).map(r -> ResolutionView.from(r.resolve(body.text())));
    }

    @POST
    @Path("/resolve-batch")
    @RolesAllowed({Roles.SUPERVISOR, Roles.VIEWER, Roles.UNIT, Roles.SYSTEM})
    @Operation(operationId = "resolveResponsibilityBatch", summary = "Resolve many texts at once", description = "results[i] is the resolution of texts[i] (same shape as "
            + "/resolve). At most 20000 texts (413 beyond), each at most 2000 characters; a null entry is a 400.")
    public Uni<BatchView> resolveBatch(@PathParam("region") String region,
                                       @NotNull(message = "请求体不能为空") @Valid ResolveBatchRequest body) {
        List<String> texts = body.texts();
        if (texts.size() > MAX_BATCH) {
            throw ProblemException.payloadTooLarge("一次最多解析 " + MAX_BATCH + " 条文本，本次 " + texts.size() + " 条。")
                    .with("maxTexts", MAX_BATCH);
        }
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < texts.size() && errors.size() < 20; i++) {
            String t = texts.get(i);
            if (t == null) {
                errors.add(new FieldError("texts[" + i + "]", "不能为 null（空白单元格请传空字符串）"));
            } else if (t.length() > MAX_TEXT) {
                errors.add(new FieldError("texts[" + i + "]", "文本最多 " + MAX_TEXT + " 个字符"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation("待解析文本不符合要求。", errors);
        }
        return resolver(region).map(r -> new BatchView(texts.stream().map(t -> ResolutionView.from(r.resolve(t))).toList()));
    }

    /** Loads the region's directory in a session, then leaves the event loop for the CPU work. */
    private Uni<ResponsibilityResolver> resolver(String region) {
        return groups.directory(region)
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(d -> new ResponsibilityResolver(d.units(), d.knownGroups()));
    }

    private static void checkLength(String text, String field) {
        if (text.length() > MAX_TEXT) {
            throw ProblemException.invalidField(field, "文本最多 " + MAX_TEXT + " 个字符");
        }
    }
}
