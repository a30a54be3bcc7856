package io.duban.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.IntSupplier;
import javax.sql.DataSource;

/**
 * Checks, shared by the services' audit tests, that a write commits its audit record in its own transaction: the record
 * was written by the transaction that last wrote the fact's row, and a write whose transaction fails at commit leaves no
 * success record behind.
 */
public final class AuditInTransaction {

    private AuditInTransaction() {
    }

    /**
     * The region's records of {@code method route status} that name {@code id} (null: no id): how many, and how many of
     * them committed in the transaction that last wrote the fact's row (the xmin {@code factXmin} selects, with
     * {@code factParams}). A record written by the response filter after the commit, or on a connection of its own, is in
     * another transaction.
     */
    public static long[] records(DataSource db, String region, String method, String route, int status, String id,
                                 String factXmin, Object... factParams) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement p = c.prepareStatement("select count(*), count(*) filter "
                + "(where a.tx::xid = (" + factXmin + ")) from audit_record a where a.region = ? and a.method = ? "
                + "and a.route = ? and a.status = ? and " + (id == null ? "a.resources is null and ?::text is null"
                        : "? = any(string_to_array(a.resources, ','))"))) {
            int i = 1;
            for (Object f : factParams) {
                p.setObject(i++, f);
            }
            p.setString(i++, region);
            p.setString(i++, method);
            p.setString(i++, route);
            p.setInt(i++, status);
            p.setString(i, id);
            try (ResultSet r = p.executeQuery()) {
                r.next();
                return new long[] {r.getLong(1), r.getLong(2)};
            }
        }
    }

    /** What a write failed at commit left: its rows in the fact's table, success records, records of its failure. */
    public record AfterFailure(int status, long facts, long successRecords, long failureRecords) {
    }

    /**
     * Runs {@code write} (answering its HTTP status) while a deferred trigger makes every insert of the region into
     * {@code table} fail at commit — after the write's audit record was written in the same transaction — and counts what
     * it left on {@code route}.
     */
    public static AfterFailure failingAtCommit(DataSource db, String table, String region, String route, IntSupplier write)
            throws SQLException {
        String trigger = "fail_at_commit_" + region;
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("create or replace function test_fail_at_commit() returns trigger language plpgsql as "
                    + "$$ begin raise exception 'test: the transaction fails at commit'; end $$");
            s.execute("create constraint trigger " + trigger + " after insert on " + table + " deferrable initially deferred "
                    + "for each row when (new.region = '" + region + "') execute function test_fail_at_commit()");
        }
        try {
            int status = write.getAsInt();
            try (Connection c = db.getConnection(); PreparedStatement p = c.prepareStatement("select (select count(*) from "
                    + table + " where region = ?), (select count(*) from audit_record where region = ? and route = ? and "
                    + "status < 400), (select count(*) from audit_record where region = ? and route = ? and status = ?)")) {
                p.setString(1, region);
                p.setString(2, region);
                p.setString(3, route);
                p.setString(4, region);
                p.setString(5, route);
                p.setInt(6, status);
                try (ResultSet r = p.executeQuery()) {
                    r.next();
                    return new AfterFailure(status, r.getLong(1), r.getLong(2), r.getLong(3));
                }
            }
        } finally {
            try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
                s.execute("drop trigger " + trigger + " on " + table);
            }
        }
    }
}
