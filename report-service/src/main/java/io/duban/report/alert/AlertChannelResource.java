package io.duban.report.alert;

import io.duban.common.audit.SecretBody;

import io.duban.common.problem.FieldError;
import io.duban.common.problem.ProblemException;
import io.duban.common.security.Caller;
import io.duban.common.security.Roles;
import io.duban.common.web.ETags;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A region's alert webhooks (supervisor only). Secrets are write-only: reads show {@code secretSet}.
 * A URL whose host is not on the allow-list is refused here, at configuration time (400).
 */
@Path("/api/v1/regions/{region}/alert-channels")
@Tag(name = "alerts", description = "临期/逾期提醒及其通知渠道")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.SUPERVISOR)
public class AlertChannelResource {

    @Inject
    AlertChannelStore store;

    @Inject
    AlertConfig config;

    @Inject
    Caller caller;

    @GET
    @Operation(operationId = "getAlertChannels", summary = "读取本地区的临期/逾期通知渠道（不返回签名密钥）")
    @APIResponse(responseCode = "200", description = "通知渠道；ETag 为版本（尚未配置时为 \"0\"，default 为空）",
            content = @Content(schema = @Schema(implementation = AlertChannels.View.class)))
    public Uni<Response> get(@PathParam("region") String region) {
        return store.load(region).map(s -> Response.ok(view(s)).header(HttpHeaders.ETAG, ETags.of(s.version())).build());
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @SecretBody
    @Operation(operationId = "replaceAlertChannels", summary = "设置本地区的通知渠道（需 If-Match；secret 省略则保留原密钥，空字符串则删除）")
    @APIResponse(responseCode = "200", description = "保存后的通知渠道",
            content = @Content(schema = @Schema(implementation = AlertChannels.View.class)))
    public Uni<Response> put(@PathParam("region") String region, @HeaderParam("If-Match") String ifMatch,
                             @Valid @NotNull(message = "缺少请求体") AlertChannels body) {
        long expected = ETags.requireVersion(ifMatch);
        if (body == null) {
            throw ProblemException.validation("缺少请求体。", List.of(new FieldError("default", "缺少默认通知渠道")));
        }
        List<FieldError> errors = body.validate(new WebhookAllowList(config.allowedHosts()));
        if (!errors.isEmpty()) {
            throw ProblemException.validation("通知渠道有误，未保存。", errors);
        }
        return store.replace(region, body, expected, caller.name())
                .map(s -> Response.ok(view(s)).header(HttpHeaders.ETAG, ETags.of(s.version())).build());
    }

    private static AlertChannels.View view(AlertChannelStore.Stored s) {
        return s.channels() == null ? new AlertChannels.View(null, null, java.util.Map.of()) : s.channels().view();
    }
}
