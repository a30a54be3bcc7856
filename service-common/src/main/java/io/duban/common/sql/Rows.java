package io.duban.common.sql;

import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import java.util.function.Function;
import java.util.function.Supplier;

/** Reading the answer of a statement that names at most one row (by its key). */
public final class Rows {

    private Rows() {
    }

    /** The one row, mapped; {@code none} (typically a 404) when there is no row. */
    public static <T> T one(RowSet<Row> rows, Function<Row, T> mapper, Supplier<? extends RuntimeException> none) {
        if (rows.size() == 0) {
            throw none.get();
        }
        return mapper.apply(rows.iterator().next());
    }
}
