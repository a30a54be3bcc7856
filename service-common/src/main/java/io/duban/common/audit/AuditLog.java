package io.duban.common.audit;

import io.duban.common.sql.PagedQuery;
import io.duban.common.web.Page;
import io.duban.common.web.PageRequest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The audit_record table of a service (each service's own migration creates it, the same shape in all three).
 * Records are inserted unlinked — inside the fact's transaction or, for refusals and reads, on their own before the
 * answer leaves — with a bigserial id and the writing transaction's xid8; {@link #seal} links them into their region's
 * chain in (xid8, id) order, but only below the commit horizon (the oldest transaction still running), exactly as the
 * change feed is read: a record committed out of order is linked after those before it, never skipped.
 */
@ApplicationScoped
public class AuditLog {

    static final String COLUMNS = "id, region, at, actor, actor_role, actor_unit, source, method, route, resources, status, "
            + "body_sha256, event, seq, prev_hash, hash";

    static final String INSERT = "insert into audit_record (region, actor, actor_role, actor_unit, source, method, route, "
            + "resources, status, body_sha256, event) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)";

    /** One sealer at a time across replicas (transaction-scoped advisory lock; the key is "audit" in ASCII). */
    static final long SEAL_LOCK = 0x6175646974L;

    @Inject
    Pool pool;

    public Uni<Void> insert(SqlClient client, AuditRecord r) {
        return client.preparedQuery(INSERT)
                .execute(Tuple.tuple(Arrays.asList(r.region(), cut(r.actor(), 100), cut(r.actorRole(), 40), cut(r.actorUnit(), 64),
                        cut(r.source(), 64), cut(r.method(), 10), cut(r.route(), 300), cut(r.resources(), 400), r.status(),
                        r.bodySha256(), cut(r.event(), 200))))
                .replaceWithVoid();
    }

    public Uni<Void> insert(AuditRecord r) {
        return insert(pool, r);
    }

    static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    static AuditRecord from(Row r) {
        OffsetDateTime at = r.getOffsetDateTime("at");
        return new AuditRecord(r.getLong("id"), r.getString("region"), at.toInstant(), r.getString("actor"),
                r.getString("actor_role"), r.getString("actor_unit"), r.getString("source"), r.getString("method"),
                r.getString("route"), r.getString("resources"), r.getInteger("status"), r.getString("body_sha256"),
                r.getString("event"), r.getLong("seq"), r.getString("prev_hash"), r.getString("hash"));
    }

    /** The filters of {@code GET …/audit}: all optional; {@code resource} matches any id the record names. */
    public record Query(String region, Instant from, Instant to, String actor, String resource, Integer outcome) {
    }

    /** Newest first (id order), sealed or not yet. */
    public Uni<Page<AuditRecord>> page(Query q, PageRequest page) {
        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder(" where region = $1");
        params.add(q.region());
        if (q.from() != null) {
            params.add(q.from().atOffset(ZoneOffset.UTC));
            where.append(" and at >= $").append(params.size());
        }
        if (q.to() != null) {
            params.add(q.to().atOffset(ZoneOffset.UTC));
            where.append(" and at < $").append(params.size());
        }
        if (q.actor() != null) {
            params.add(q.actor());
            where.append(" and actor = $").append(params.size());
        }
        if (q.resource() != null) {
            params.add(q.resource());
            where.append(" and $").append(params.size()).append(" = any(string_to_array(resources, ','))");
        }
        if (q.outcome() != null) {
            params.add(q.outcome());
            where.append(" and status = $").append(params.size());
        }
        return PagedQuery.page(pool, "select " + COLUMNS + " from audit_record" + where + " order by id desc",
                "select count(*) from audit_record" + where, params, page, AuditLog::from);
    }

    /** How many records {@link #seal} linked. */
    public Uni<Integer> seal(int batch) {
        return pool.withTransaction(tx -> tx.preparedQuery("select pg_try_advisory_xact_lock($1) as mine").execute(Tuple.of(SEAL_LOCK))
                .flatMap(lock -> {
                    if (!lock.iterator().next().getBoolean("mine")) {
                        return Uni.createFrom().item(0);
                    }
                    return tx.preparedQuery("select " + COLUMNS + " from audit_record where hash is null "
                                    + "and tx < pg_snapshot_xmin(pg_current_snapshot()) order by tx, id limit $1")
                            .execute(Tuple.of(batch))
                            .flatMap(rows -> link(tx, rows));
                }));
    }

    private Uni<Integer> link(SqlClient tx, RowSet<Row> rows) {
        List<AuditRecord> records = new ArrayList<>();
        rows.forEach(r -> records.add(from(r)));
        if (records.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        String[] regions = records.stream().map(AuditRecord::region).distinct().toArray(String[]::new);
        return tx.preparedQuery("select region, seq, hash from audit_chain where region = any($1) for update")
                .execute(Tuple.of(regions))
                .flatMap(heads -> {
                    Map<String, Object[]> head = new HashMap<>();
                    heads.forEach(h -> head.put(h.getString("region"), new Object[] {h.getLong("seq"), h.getString("hash")}));
                    List<String> region = new ArrayList<>();
                    List<Long> id = new ArrayList<>();
                    List<Long> seq = new ArrayList<>();
                    List<String> prev = new ArrayList<>();
                    List<String> hash = new ArrayList<>();
                    Map<String, Object[]> next = new LinkedHashMap<>();
                    for (AuditRecord r : records) {
                        Object[] h = next.getOrDefault(r.region(), head.getOrDefault(r.region(), new Object[] {0L, AuditChain.GENESIS}));
                        long s = (Long) h[0] + 1;
                        String p = (String) h[1];
                        String digest = AuditChain.hash(p, s, r);
                        region.add(r.region());
                        id.add(r.id());
                        seq.add(s);
                        prev.add(p);
                        hash.add(digest);
                        next.put(r.region(), new Object[] {s, digest});
                    }
                    Uni<RowSet<Row>> update = tx.preparedQuery("update audit_record a set seq = u.seq, prev_hash = u.prev, hash = u.hash "
                                    + "from unnest($1::varchar[], $2::bigint[], $3::bigint[], $4::text[], $5::text[]) as u(region, id, seq, prev, hash) "
                                    + "where a.region = u.region and a.id = u.id")
                            .execute(Tuple.of(region.toArray(String[]::new), id.toArray(Long[]::new), seq.toArray(Long[]::new),
                                    prev.toArray(String[]::new), hash.toArray(String[]::new)));
                    List<String> hr = new ArrayList<>(next.keySet());
                    Uni<RowSet<Row>> heads2 = tx.preparedQuery("insert into audit_chain (region, seq, hash) "
                                    + "select * from unnest($1::varchar[], $2::bigint[], $3::text[]) "
                                    + "on conflict (region) do update set seq = excluded.seq, hash = excluded.hash")
                            .execute(Tuple.of(hr.toArray(String[]::new), hr.stream().map(k -> (Long) next.get(k)[0]).toArray(Long[]::new),
                                    hr.stream().map(k -> (String) next.get(k)[1]).toArray(String[]::new)));
                    return update.flatMap(u -> heads2).replaceWith(records.size());
                });
    }

    /** The answer of a verification: records checked, the seq range, the first break (null when intact), unsealed count. */
    public record Verification(String region, long checked, Long firstSeq, Long lastSeq, AuditChain.Break firstBreak,
            long unsealed) {
        public boolean intact() {
            return firstBreak == null;
        }
    }

    private static final int VERIFY_BATCH = 5000;

    /**
     * Recomputes a region's chain from its oldest remaining record (whose stored previous hash is trusted: the records
     * before it were removed by retention) to the chain head, which must be the last record's hash.
     */
    public Uni<Verification> verify(String region) {
        return pool.preparedQuery("select (select seq from audit_chain where region = $1) as head_seq, "
                        + "(select hash from audit_chain where region = $1) as head_hash, "
                        + "(select count(*) from audit_record where region = $1 and hash is null) as unsealed")
                .execute(Tuple.of(region))
                .flatMap(rows -> {
                    Row r = rows.iterator().next();
                    Long headSeq = r.getLong("head_seq");
                    String headHash = r.getString("head_hash");
                    long unsealed = r.getLong("unsealed");
                    return walk(region, null, null, 0L, 0L, null).map(w -> {
                        AuditChain.Break b = w.firstBreak;
                        if (b == null && headSeq != null && (w.lastSeq == null || w.lastSeq.longValue() != headSeq || !headHash.equals(w.lastHash))) {
                            b = new AuditChain.Break(w.lastId == null ? 0 : w.lastId, headSeq,
                                    "链头（序号 " + headSeq + "）之前的最新记录缺失或被修改");
                        }
                        return new Verification(region, w.checked, w.firstSeq, w.lastSeq, b, unsealed);
                    });
                });
    }

    private record Walk(long checked, Long firstSeq, Long lastSeq, Long lastId, String lastHash, AuditChain.Break firstBreak) {
    }

    private Uni<Walk> walk(String region, String prev, Long nextSeq, long afterSeq, long checked, Long firstSeq) {
        return pool.preparedQuery("select " + COLUMNS + " from audit_record where region = $1 and seq is not null and seq > $2 "
                        + "order by seq limit $3")
                .execute(Tuple.of(region, afterSeq, VERIFY_BATCH))
                .flatMap(rows -> {
                    List<AuditRecord> batch = new ArrayList<>();
                    rows.forEach(row -> batch.add(from(row)));
                    if (batch.isEmpty()) {
                        return Uni.createFrom().item(new Walk(checked, firstSeq, nextSeq == null ? null : nextSeq - 1, null, prev, null));
                    }
                    AuditRecord first = batch.get(0);
                    String startPrev = prev == null ? first.prevHash() : prev;
                    long startSeq = nextSeq == null ? first.seq() : nextSeq;
                    AuditChain.Break b = AuditChain.verify(batch, startPrev == null ? "" : startPrev, startSeq);
                    Long first0 = firstSeq == null ? first.seq() : firstSeq;
                    AuditRecord last = batch.get(batch.size() - 1);
                    if (b != null) {
                        return Uni.createFrom().item(new Walk(checked + batch.size(), first0, last.seq(), last.id(), last.hash(), b));
                    }
                    if (batch.size() < VERIFY_BATCH) {
                        return Uni.createFrom().item(new Walk(checked + batch.size(), first0, last.seq(), last.id(), last.hash(), null));
                    }
                    return walk(region, last.hash(), last.seq() + 1, last.seq(), checked + batch.size(), first0);
                });
    }

    /**
     * Removes each region's sealed records older than {@code cutoff} — only a prefix of its chain, so what remains
     * verifies from its oldest record's stored previous hash — and leaves a record of the removal in that region.
     * Returns the number of records removed.
     */
    public Uni<Long> purge(Instant cutoff) {
        OffsetDateTime at = cutoff.atOffset(ZoneOffset.UTC);
        return pool.withTransaction(tx -> tx.preparedQuery("select pg_try_advisory_xact_lock($1) as mine").execute(Tuple.of(SEAL_LOCK + 1))
                .flatMap(lock -> {
                    if (!lock.iterator().next().getBoolean("mine")) {
                        return Uni.createFrom().item(0L);
                    }
                    // per region: every sealed record before the first record (in chain order) that is not older than the cutoff
                    return tx.preparedQuery("with bound as (select region, coalesce((select min(seq) from audit_record n where n.region = o.region "
                                    + "and (n.at >= $1 or n.hash is null)), max(o.seq) + 1) as keep_from "
                                    + "from audit_record o where o.at < $1 and o.hash is not null group by o.region), "
                                    + "gone as (delete from audit_record a using bound b where a.region = b.region and a.seq < b.keep_from "
                                    + "returning a.region) select region, count(*) as n from gone group by region")
                            .execute(Tuple.of(at))
                            .flatMap(rows -> {
                                List<Uni<Void>> notes = new ArrayList<>();
                                long total = 0;
                                for (Row r : rows) {
                                    long n = r.getLong("n");
                                    total += n;
                                    notes.add(insert(tx, AuditRecord.bySystem(r.getString("region"), "duban:audit-retention", "DELETE", "audit retention", 200,
                                            "RETENTION removed=" + n + " before=" + cutoff)));
                                }
                                long removed = total;
                                return notes.isEmpty() ? Uni.createFrom().item(0L)
                                        : Uni.join().all(notes).andFailFast().replaceWith(removed);
                            });
                }));
    }
}
