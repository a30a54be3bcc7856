package io.duban.common.sql;

import io.duban.common.web.KeysetCursor;
import io.duban.common.web.ListRequest;
import io.duban.common.web.Page;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The list page of a repository that pages by keyset as well as by number ({@link ListRequest}): ordered by
 * {@code key} (ascending columns ending in a unique one, the columns of an index after the filter's equalities),
 * a keyset page seeks with a row comparison {@code (key) > (cursor)} and reads {@code size + 1} rows (the extra one
 * only says whether there is a next page); a numbered page skips with OFFSET. The count over the same filter runs
 * beside the page only when the request asks for the total.
 */
public final class KeysetQuery {

    private KeysetQuery() {
    }

    /**
     * @param select {@code SELECT … FROM …} without WHERE; {@code where} over {@code filter}'s parameters ($1…)
     * @param key    the ORDER BY columns, also compared with the cursor's values (same number, same types)
     * @param keyOf  a row's values of {@code key}, for the next page's cursor
     */
    public static <T> Uni<Page<T>> page(SqlClient client, String select, String where, List<Object> filter, String key,
            ListRequest request, String scope, Function<Row, T> mapper, Function<Row, Object[]> keyOf) {
        return pageOf(client, select, where, filter, key, request, scope, rows -> r -> new KeysetCursor.Keyed<>(mapper.apply(r), keyOf.apply(r)));
    }

    /**
     * The same with a reader made once per result ({@code readerOf}: a row's item with its {@code key} values), so a
     * repository can look its columns' positions up once per page instead of by name for every row and column.
     */
    public static <T> Uni<Page<T>> pageOf(SqlClient client, String select, String where, List<Object> filter, String key,
            ListRequest request, String scope, Function<RowSet<Row>, Function<Row, KeysetCursor.Keyed<T>>> readerOf) {
        List<Object> args = new ArrayList<>(filter);
        StringBuilder sql = new StringBuilder(select).append(" where ").append(where);
        if (request.keyset()) {
            StringBuilder params = new StringBuilder();
            for (Object v : request.after()) {
                args.add(v);
                params.append(params.length() == 0 ? "$" : ", $").append(args.size());
            }
            sql.append(" and (").append(key).append(") > (").append(params).append(')');
        }
        args.add(request.size() + 1);
        sql.append(" order by ").append(key).append(" limit $").append(args.size());
        if (!request.keyset()) {
            args.add(request.page().offset());
            sql.append(" offset $").append(args.size());
        }
        Uni<List<KeysetCursor.Keyed<T>>> rows = client.preparedQuery(sql.toString()).execute(Tuple.tuple(args)).map(set -> {
            List<KeysetCursor.Keyed<T>> out = new ArrayList<>(set.size());
            Function<Row, KeysetCursor.Keyed<T>> read = readerOf.apply(set);
            for (Row r : set) {
                out.add(read.apply(r));
            }
            return out;
        });
        Uni<Long> total = request.withTotal()
                ? client.preparedQuery(countOf(select, where)).execute(Tuple.tuple(filter)).map(set -> set.iterator().next().getLong(0))
                : Uni.createFrom().nullItem();
        Function<KeysetCursor.Keyed<T>, String> cursor = k -> KeysetCursor.encode(scope, k.key());
        return Uni.combine().all().unis(rows, total).asTuple().map(t -> (request.keyset()
                ? Page.keyset(t.getItem1(), request.size(), t.getItem2(), cursor)
                : Page.numbered(t.getItem1(), t.getItem2(), request.page(), cursor)).map(KeysetCursor.Keyed::item));
    }

    /** {@code select count(*) from …} of the same FROM and WHERE. */
    private static String countOf(String select, String where) {
        int from = select.toLowerCase(java.util.Locale.ROOT).indexOf(" from ");
        if (from < 0) {
            throw new IllegalArgumentException("no FROM in " + select);
        }
        return "select count(*)" + select.substring(from) + " where " + where;
    }
}
