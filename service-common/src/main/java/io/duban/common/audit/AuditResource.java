package io.duban.common.audit;

import io.duban.common.problem.FieldError;
import io.duban.common.problem.ProblemException;
import io.duban.common.security.Roles;
import io.duban.common.web.Page;
import io.duban.common.web.Paging;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A region's audit trail (supervisor only): the records, as JSON pages or CSV, and a verification of its hash chain. */
@Path("/api/v1/regions/{region}/audit")
@Tag(name = "audit", description = "安全审计：写操作、登录、拒绝访问与文件导出的记录（哈希链防篡改）")
public class AuditResource {

    static final String CSV = "text/csv";
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    @Inject
    AuditLog log;

    @GET
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @RolesAllowed(Roles.SUPERVISOR)
    @Operation(operationId = "listAuditRecords", summary = "审计记录（新者在前；from/to 为日期 YYYY-MM-DD 或时刻；Accept: text/csv 导出本页 CSV）")
    @APIResponse(responseCode = "200", description = "a page of records, or that page as CSV", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AuditPage.class)),
            @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING))})
    public Uni<Response> list(@PathParam("region") String region, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("actor") String actor, @QueryParam("resource") String resource, @QueryParam("outcome") String outcome,
            @QueryParam("page") String page, @QueryParam("size") String size, @Context HttpHeaders headers) {
        List<FieldError> errors = new ArrayList<>();
        Instant fromAt = instant("from", from, false, errors);
        Instant toAt = instant("to", to, true, errors);
        Integer status = null;
        if (outcome != null && !outcome.isBlank()) {
            if (outcome.strip().matches("[1-5]\\d\\d")) {
                status = Integer.valueOf(outcome.strip());
            } else {
                errors.add(new FieldError("outcome", "应为 HTTP 状态码（100–599）"));
            }
        }
        if (actor != null && actor.length() > 100) {
            errors.add(new FieldError("actor", "不能超过 100 个字符"));
        }
        if (resource != null && resource.length() > 100) {
            errors.add(new FieldError("resource", "不能超过 100 个字符"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation("审计记录的查询条件有误。", errors);
        }
        boolean csv = wantsCsv(headers);
        AuditLog.Query q = new AuditLog.Query(region, fromAt, toAt, blankToNull(actor), blankToNull(resource), status);
        return log.page(q, Paging.of(page, size)).map(p -> csv
                ? Response.ok(AuditCsv.write(p.items())).type(CSV + ";charset=UTF-8")
                        .header("Content-Disposition", "attachment; filename=\"audit-" + region + ".csv\"")
                        .header(HttpHeaders.VARY, HttpHeaders.ACCEPT).build()
                : Response.ok(AuditPage.of(p)).type(MediaType.APPLICATION_JSON_TYPE).header(HttpHeaders.VARY, HttpHeaders.ACCEPT).build());
    }

    @GET
    @Path("/verification")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SUPERVISOR)
    @Operation(operationId = "verifyAuditChain", summary = "重新计算本地区审计记录的哈希链，指出第一处断裂")
    @APIResponse(responseCode = "200", description = "the verification", content = @Content(schema = @Schema(implementation = AuditVerification.class)))
    public Uni<AuditVerification> verify(@PathParam("region") String region) {
        return log.verify(region).map(AuditVerification::of);
    }

    private static boolean wantsCsv(HttpHeaders headers) {
        for (MediaType t : headers.getAcceptableMediaTypes()) {
            if (t.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return false;
            }
            if ("text".equals(t.getType()) && "csv".equals(t.getSubtype())) {
                return true;
            }
        }
        return false;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** A day (Asia/Shanghai; {@code to} includes the whole day) or an ISO instant with offset. */
    static Instant instant(String field, String value, boolean endOfDay, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        try {
            if (v.length() == 10) {
                LocalDate d = LocalDate.parse(v);
                if (d.getYear() < 2000 || d.getYear() > 2100) {
                    errors.add(new FieldError(field, "日期应在 2000 至 2100 年之间"));
                    return null;
                }
                return (endOfDay ? d.plusDays(1) : d).atStartOfDay(CHINA).toInstant();
            }
            OffsetDateTime t = OffsetDateTime.parse(v);
            if (t.getYear() < 2000 || t.getYear() > 2100) {
                errors.add(new FieldError(field, "时间应在 2000 至 2100 年之间"));
                return null;
            }
            return t.toInstant();
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "应为日期 YYYY-MM-DD 或带时区的时刻（如 2026-01-01T08:00:00+08:00）"));
            return null;
        }
    }

    /** A page of records as the API shows them. */
    public record AuditPage(List<AuditView> items, long total, int page, int size) {
        static AuditPage of(Page<AuditRecord> p) {
            return new AuditPage(p.items().stream().map(AuditView::of).toList(), p.total(), p.page(), p.size());
        }
    }

    /** One record: {@code seq}, {@code prevHash} and {@code hash} are null until it is linked (about a second). */
    public record AuditView(long id, String region, Instant at, String actor, String actorRole, String actorUnit, String source,
            String method, String route, List<String> resources, int status, String bodySha256, String event, Long seq,
            String prevHash, String hash) {
        static AuditView of(AuditRecord r) {
            return new AuditView(r.id(), r.region(), r.at(), r.actor(), r.actorRole(), r.actorUnit(), r.source(), r.method(),
                    r.route(), r.resources() == null ? List.of() : List.of(r.resources().split(",")), r.status(), r.bodySha256(),
                    r.event(), r.seq(), r.prevHash(), r.hash());
        }
    }

    /** The answer of a verification: {@code intact}, how many records were checked, and the first broken link. */
    public record AuditVerification(String region, boolean intact, long checked, Long firstSeq, Long lastSeq, long unsealed,
            Broken firstBreak) {
        static AuditVerification of(AuditLog.Verification v) {
            return new AuditVerification(v.region(), v.intact(), v.checked(), v.firstSeq(), v.lastSeq(), v.unsealed(),
                    v.firstBreak() == null ? null : new Broken(v.firstBreak().id(), v.firstBreak().seq(), v.firstBreak().reason()));
        }
    }

    /** Where the chain broke: the record's id and seq, and why (Chinese). */
    public record Broken(long id, long seq, String reason) {
    }
}
