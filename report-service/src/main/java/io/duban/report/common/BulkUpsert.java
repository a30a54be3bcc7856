package io.duban.report.common;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import java.lang.reflect.Array;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A multi-row upsert as one statement: the rows travel as one array per column
 * ({@code INSERT … SELECT FROM unnest($1::text[], $2::uuid[], …) ON CONFLICT … DO UPDATE}), which
 * is an order of magnitude faster than a batch of single-row statements. Rows with the same key
 * collapse to the last one (PostgreSQL refuses to update a row twice in one statement; a later
 * snapshot supersedes an earlier one anyway).
 */
public final class BulkUpsert {

    /** One column: its name and PostgreSQL type (text, uuid, date, int, bigint, boolean, timestamptz, timestamp, jsonb). */
    public record Column(String name, String type) {
    }

    private final String sql;
    private final List<Column> columns;
    private final int[] keyIndexes;

    public BulkUpsert(String table, List<String> key, List<Column> columns) {
        this.columns = List.copyOf(columns);
        this.keyIndexes = key.stream().mapToInt(k -> indexOf(columns, k)).toArray();
        String names = columns.stream().map(Column::name).collect(Collectors.joining(", "));
        List<String> params = new ArrayList<>();
        List<String> select = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            Column c = columns.get(i);
            boolean json = c.type().equals("jsonb");
            params.add("$" + (i + 1) + "::" + (json ? "text" : c.type()) + "[]");
            select.add(json ? "u." + c.name() + "::jsonb" : "u." + c.name());
        }
        List<String> updated = columns.stream().map(Column::name).filter(n -> !key.contains(n) && !n.equals("id")).toList();
        String updates = updated.stream().map(n -> n + " = excluded." + n).collect(Collectors.joining(", "));
        // An unchanged row is not rewritten: re-derivation and repeated snapshots mostly change nothing.
        String changed = "(" + updated.stream().map(n -> table + "." + n).collect(Collectors.joining(", "))
                + ") IS DISTINCT FROM (" + updated.stream().map(n -> "excluded." + n).collect(Collectors.joining(", ")) + ")";
        this.sql = "INSERT INTO " + table + " (" + names + ") SELECT " + String.join(", ", select)
                + " FROM unnest(" + String.join(", ", params) + ") AS u(" + names + ")"
                + " ON CONFLICT (" + String.join(", ", key) + ") DO UPDATE SET " + updates + " WHERE " + changed;
    }

    /** The columns it writes, in order. */
    public List<String> columnNames() {
        return columns.stream().map(Column::name).toList();
    }

    public static Column col(String name, String type) {
        return new Column(name, type);
    }

    /** Upserts {@code rows} (values in column order); returns how many distinct rows were offered. */
    public Uni<Integer> execute(SqlClient client, List<Object[]> rows) {
        Map<List<Object>, Object[]> distinct = new LinkedHashMap<>();
        for (Object[] row : rows) {
            List<Object> k = new ArrayList<>(keyIndexes.length);
            for (int i : keyIndexes) {
                k.add(row[i]);
            }
            distinct.remove(k);
            distinct.put(k, row);
        }
        if (distinct.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        List<Object[]> unique = new ArrayList<>(distinct.values());
        Tuple t = Tuple.tuple();
        for (int c = 0; c < columns.size(); c++) {
            Object array = Array.newInstance(javaType(columns.get(c).type()), unique.size());
            for (int r = 0; r < unique.size(); r++) {
                Array.set(array, r, unique.get(r)[c]);
            }
            t.addValue(array);
        }
        return client.preparedQuery(sql).execute(t).replaceWith(unique.size());
    }

    private static Class<?> javaType(String pgType) {
        return switch (pgType) {
            case "text", "jsonb" -> String.class;
            case "uuid" -> UUID.class;
            case "date" -> LocalDate.class;
            case "int" -> Integer.class;
            case "bigint" -> Long.class;
            case "boolean" -> Boolean.class;
            case "timestamptz" -> OffsetDateTime.class;
            case "timestamp" -> LocalDateTime.class;
            default -> throw new IllegalArgumentException("unsupported column type " + pgType);
        };
    }

    private static int indexOf(List<Column> columns, String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no column " + name);
    }
}
