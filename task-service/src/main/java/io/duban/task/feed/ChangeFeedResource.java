package io.duban.task.feed;

import io.duban.common.web.QueryParams;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.Operation;
import io.duban.common.problem.ProblemException;
import io.duban.common.security.Roles;
import io.duban.feed.ChangePage;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The change feed report-service follows. Only rows of transactions older than every transaction
 * still running are handed out (txid below the snapshot's xmin), ordered by (txid, id): a
 * transaction that commits late has a smaller txid than none of those after the cursor, so
 * nothing can ever appear behind a cursor already returned. Items and pages are the feed contract's
 * ({@code io.duban.feed}); each item's data is the snapshot exactly as written.
 */
@Path("/api/v1/changes")
@Tag(name = "changes", description = "变更流：report-service 跟随的各实体快照")
@Produces(MediaType.APPLICATION_JSON)
public class ChangeFeedResource {

    public static final int DEFAULT_LIMIT = 500;
    public static final int MAX_LIMIT = 5000;
    private static final Pattern CURSOR = Pattern.compile("(\\d{1,20}):(\\d{1,19})");

    @Inject
    ChangeFeedRepository feed;

    @GET
    @Operation(operationId = "readChanges", summary = "变更流：task-service 各实体变更后的完整快照，按游标续读（仅 system）")
    @RolesAllowed(Roles.SYSTEM)
    public Uni<ChangePage> changes(@QueryParam("after") String after,
            @Parameter(description = "default " + DEFAULT_LIMIT + ", at most " + MAX_LIMIT, schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "5000")) @QueryParam("limit") String limit) {
        int n = QueryParams.integer("limit", limit, DEFAULT_LIMIT);
        if (n < 1 || n > MAX_LIMIT) {
            throw ProblemException.invalidField("limit", "limit 应在 1 到 " + MAX_LIMIT + " 之间。");
        }
        String txid = "0";
        long id = 0;
        if (after != null && !after.isBlank()) {
            Matcher m = CURSOR.matcher(after.trim());
            if (!m.matches()) {
                throw ProblemException.invalidField("after", "游标格式不正确。");
            }
            if (new java.math.BigInteger(m.group(1)).bitLength() > 63 || new java.math.BigInteger(m.group(2)).bitLength() > 63) {
                throw ProblemException.invalidField("after", "游标格式不正确。");
            }
            txid = m.group(1);
            id = Long.parseLong(m.group(2));
        }
        String given = after == null ? "" : after.trim();
        return feed.page(txid, id, n, given);
    }
}
