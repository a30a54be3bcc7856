package io.duban.task.feed;

import io.duban.feed.FeedJson;
import io.duban.feed.Snapshot;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.List;
import java.util.UUID;

/**
 * Writes change-feed rows: each a snapshot of the feed contract (module feed-contract), which the
 * features map from their rows explicitly (their {@code snapshot()} methods). Always called with the connection of the transaction that writes the
 * fact, so a change is in the feed exactly when the fact is committed.
 */
public final class ChangeLog {

    private ChangeLog() {
    }

    /** One multi-row insert for all changes. */
    public static Uni<Void> append(SqlClient tx, List<? extends Snapshot> changes) {
        if (changes.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int n = changes.size();
        String[] regions = new String[n];
        String[] types = new String[n];
        UUID[] ids = new UUID[n];
        String[] data = new String[n];
        for (int i = 0; i < n; i++) {
            Snapshot s = changes.get(i);
            regions[i] = s.region();
            types[i] = s.changeType().name();
            ids[i] = s.id();
            data[i] = FeedJson.write(s);
        }
        return tx.preparedQuery("insert into change_log (region, type, entity_id, data) "
                        + "select r, t, e, d::jsonb from unnest($1::text[], $2::text[], $3::uuid[], $4::text[]) "
                        + "with ordinality as u(r, t, e, d, o) order by o")
                .execute(Tuple.of(regions, types, ids, data))
                .replaceWithVoid();
    }

    public static Uni<Void> append(SqlClient tx, Snapshot... changes) {
        return append(tx, List.of(changes));
    }
}
