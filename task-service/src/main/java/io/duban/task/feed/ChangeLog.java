package io.duban.task.feed;

import io.duban.task.common.Json;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.List;
import java.util.UUID;

/**
 * Writes change-feed rows. Always called with the connection of the transaction that writes the
 * fact, so a change is in the feed exactly when the fact is committed.
 */
public final class ChangeLog {

    private ChangeLog() {
    }

    /** One multi-row insert for all changes. */
    public static Uni<Void> append(SqlClient tx, List<Change> changes) {
        if (changes.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int n = changes.size();
        String[] regions = new String[n];
        String[] types = new String[n];
        UUID[] ids = new UUID[n];
        String[] data = new String[n];
        for (int i = 0; i < n; i++) {
            Change c = changes.get(i);
            regions[i] = c.region();
            types[i] = c.type().name();
            ids[i] = c.id();
            data[i] = Json.write(c.data());
        }
        return tx.preparedQuery("insert into change_log (region, type, entity_id, data) "
                        + "select r, t, e, d::jsonb from unnest($1::text[], $2::text[], $3::uuid[], $4::text[]) "
                        + "with ordinality as u(r, t, e, d, o) order by o")
                .execute(Tuple.of(regions, types, ids, data))
                .replaceWithVoid();
    }

    public static Uni<Void> append(SqlClient tx, Change... changes) {
        return append(tx, List.of(changes));
    }
}
