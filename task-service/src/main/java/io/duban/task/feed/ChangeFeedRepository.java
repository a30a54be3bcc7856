package io.duban.task.feed;

import io.duban.feed.ChangeItem;
import io.duban.feed.ChangePage;
import io.duban.feed.FeedJson;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

/** Reads pages of change_log (the rows {@link ChangeLog} writes) in feed order. */
@ApplicationScoped
public class ChangeFeedRepository {

    /** One page of the feed, ordered by the xid8 column itself (the same type the cursor is compared in). */
    static final String FEED_PAGE = "select c.txid::text as txid_text, c.id, c.region, c.type, c.entity_id, c.data::text as data "
            + "from change_log c "
            + "where (c.txid, c.id) > ($1::text::xid8, $2) and c.txid < pg_snapshot_xmin(pg_current_snapshot()) "
            + "order by c.txid, c.id limit $3";

    @Inject
    Pool pool;

    /** Up to {@code limit} items after ({@code txid}, {@code id}); {@code given} is the cursor to answer when none is new. */
    public Uni<ChangePage> page(String txid, long id, int limit, String given) {
        // The text of the txid gets its own alias: "order by txid" must name the xid8 column, or PostgreSQL
        // sorts the page as text ("1180" < "752") while the cursor condition compares numbers.
        return pool.preparedQuery(FEED_PAGE)
                .execute(Tuple.of(txid, id, limit + 1))
                .map(rows -> {
                    List<ChangeItem> items = new ArrayList<>();
                    for (Row r : rows) {
                        if (items.size() == limit) {
                            break;
                        }
                        String cursor = r.getString("txid_text") + ":" + r.getLong("id");
                        items.add(new ChangeItem(cursor, r.getString("region"), r.getString("type"),
                                r.getUUID("entity_id").toString(), FeedJson.tree(r.getString("data"))));
                    }
                    boolean more = rows.size() > limit;
                    String next = items.isEmpty() ? given : items.get(items.size() - 1).cursor();
                    return new ChangePage(items, next, more);
                });
    }
}
