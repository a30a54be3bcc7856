package io.duban.task.feed;

import io.duban.common.problem.ProblemException;
import io.duban.common.security.Roles;
import io.duban.feed.ChangeItem;
import io.duban.feed.ChangePage;
import io.duban.feed.FeedJson;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
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
@Produces(MediaType.APPLICATION_JSON)
public class ChangeFeedResource {

    public static final int DEFAULT_LIMIT = 500;
    public static final int MAX_LIMIT = 5000;
    private static final Pattern CURSOR = Pattern.compile("(\\d{1,20}):(\\d{1,19})");

    /** One page of the feed, ordered by the xid8 column itself (the same type the cursor is compared in). */
    static final String FEED_PAGE = "select c.txid::text as txid_text, c.id, c.region, c.type, c.entity_id, c.data::text as data "
            + "from change_log c "
            + "where (c.txid, c.id) > ($1::text::xid8, $2) and c.txid < pg_snapshot_xmin(pg_current_snapshot()) "
            + "order by c.txid, c.id limit $3";

    @Inject
    Pool pool;

    @GET
    @RolesAllowed(Roles.SYSTEM)
    public Uni<ChangePage> changes(@QueryParam("after") String after, @QueryParam("limit") Integer limit) {
        int n = limit == null ? DEFAULT_LIMIT : limit;
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
        // The text of the txid gets its own alias: "order by txid" must name the xid8 column, or PostgreSQL
        // sorts the page as text ("1180" < "752") while the cursor condition compares numbers.
        return pool.preparedQuery(FEED_PAGE)
                .execute(Tuple.of(txid, id, n + 1))
                .map(rows -> {
                    List<ChangeItem> items = new ArrayList<>();
                    for (Row r : rows) {
                        if (items.size() == n) {
                            break;
                        }
                        String cursor = r.getString("txid_text") + ":" + r.getLong("id");
                        items.add(new ChangeItem(cursor, r.getString("region"), r.getString("type"),
                                r.getUUID("entity_id").toString(), FeedJson.tree(r.getString("data"))));
                    }
                    boolean more = rows.size() > n;
                    String next = items.isEmpty() ? given : items.get(items.size() - 1).cursor();
                    return new ChangePage(items, next, more);
                });
    }
}
