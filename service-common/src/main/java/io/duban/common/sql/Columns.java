package io.duban.common.sql;

import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import java.util.List;

/**
 * Where a result's columns are, looked up once per result: reading a row by column name searches the row's column names
 * each time, which for a list page of 50 rows and 17 columns is 850 searches per request (bench/RESULTS.md, issue 17).
 */
public final class Columns {

    private Columns() {
    }

    /** The positions of {@code names} in {@code rows}' columns; a missing one is a programming error (unless no rows). */
    public static int[] positions(RowSet<Row> rows, String... names) {
        List<String> columns = rows.columnsNames() == null ? List.of() : rows.columnsNames();
        int[] at = new int[names.length];
        for (int i = 0; i < names.length; i++) {
            at[i] = columns.indexOf(names[i]);
            if (at[i] < 0 && rows.size() > 0) {
                throw new IllegalStateException("no column " + names[i] + " in " + columns);
            }
        }
        return at;
    }
}
