package io.duban.common.sql;

import io.duban.common.web.Page;
import io.duban.common.web.PageRequest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The paged list every repository answers: one statement for the page's rows, one for the count over
 * the same filter, run side by side and combined into a {@link Page}. The caller's statement ends in
 * its ORDER BY (a stable order); LIMIT and OFFSET are bound here.
 */
public final class PagedQuery {

    private PagedQuery() {
    }

    /**
     * @param items  {@code SELECT … FROM … WHERE … ORDER BY …} over {@code filter}'s parameters
     * @param count  {@code SELECT count(*) FROM … WHERE …} over the same parameters
     */
    public static <T> Uni<Page<T>> page(SqlClient client, String items, String count, List<Object> filter,
            PageRequest page, Function<Row, T> mapper) {
        Sql rows = new Sql().append(items);
        filter.forEach(rows::bind);
        rows.append(" limit ", page.size(), "").append(" offset ", page.offset(), "");
        Sql total = new Sql().append(count);
        filter.forEach(total::bind);
        Uni<List<T>> list = client.preparedQuery(rows.text()).execute(rows.tuple()).map(set -> {
            List<T> out = new ArrayList<>();
            for (Row r : set) {
                out.add(mapper.apply(r));
            }
            return out;
        });
        Uni<Long> n = client.preparedQuery(total.text()).execute(total.tuple()).map(set -> set.iterator().next().getLong(0));
        return Uni.combine().all().unis(list, n).asTuple().map(t -> Page.of(t.getItem1(), t.getItem2(), page));
    }
}
