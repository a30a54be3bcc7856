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
 * The audit_record table of a service and the links beside it (each service's own migrations create them, the same
 * shape in all three). Records are inserted once and never updated — inside the fact's transaction or, for refusals
 * and reads, on their own before the answer leaves — with a bigserial id and the writing transaction's xid8;
 * {@link #seal} links them into their region's chain in (xid8, id) order, but only below the commit horizon (the oldest
 * transaction still running), exactly as the change feed is read: a record committed out of order is linked after
 * those before it, never skipped. A link (seq, previous hash, hash) is a row of audit_seal, and the sealer's place is
 * the (xid8, id) in audit_seal_cursor: a write pays for one INSERT, not an INSERT and a later UPDATE.
 */
@ApplicationScoped
public class AuditLog {

    /** A record's own columns (of audit_record {@code a}). */
    static final String RECORD = "a.id, a.region, a.at, a.actor, a.actor_role, a.actor_unit, a.source, a.method, a.route, a.resources, "
            + "a.status, a.body_sha256, a.event";

    /** A record and its link, null until sealed. */
    static final String COLUMNS = RECORD + ", s.seq, s.prev_hash, s.hash";

    static final String LINKED = " from audit_record a left join audit_seal s on s.region = a.region and s.id = a.id";

    static final String INSERT = "insert into audit_record (region, actor, actor_role, actor_unit, source, method, route, "
            + "resources, status, body_sha256, event) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)";

    /** {@link #INSERT} for a JPA native query (positional {@code ?n}; typed, so a null binds): the values of {@link #values}. */
    public static final String NATIVE_INSERT = "insert into audit_record (region, actor, actor_role, actor_unit, source, method, route, "
            + "resources, status, body_sha256, event) values (cast(?1 as varchar), cast(?2 as varchar), cast(?3 as varchar), "
            + "cast(?4 as varchar), cast(?5 as varchar), cast(?6 as varchar), cast(?7 as varchar), cast(?8 as varchar), "
            + "cast(?9 as integer), cast(?10 as varchar), cast(?11 as varchar))";

    /** One sealer at a time across replicas (transaction-scoped advisory lock; the key is "audit" in ASCII). */
    static final long SEAL_LOCK = 0x6175646974L;

    @Inject
    Pool pool;

    public Uni<Void> insert(SqlClient client, AuditRecord r) {
        return client.preparedQuery(INSERT).execute(Tuple.tuple(values(r))).replaceWithVoid();
    }

    /** A record's values in the order of {@link #INSERT} and {@link #NATIVE_INSERT}, cut to their columns. */
    public static List<Object> values(AuditRecord r) {
        return Arrays.asList(r.region(), cut(r.actor(), 100), cut(r.actorRole(), 40), cut(r.actorUnit(), 64),
                cut(r.source(), 64), cut(r.method(), 10), cut(r.route(), 300), cut(r.resources(), 400), r.status(),
                r.bodySha256(), cut(r.event(), 200));
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
        StringBuilder where = new StringBuilder(" where a.region = $1");
        params.add(q.region());
        if (q.from() != null) {
            params.add(q.from().atOffset(ZoneOffset.UTC));
            where.append(" and a.at >= $").append(params.size());
        }
        if (q.to() != null) {
            params.add(q.to().atOffset(ZoneOffset.UTC));
            where.append(" and a.at < $").append(params.size());
        }
        if (q.actor() != null) {
            params.add(q.actor());
            where.append(" and a.actor = $").append(params.size());
        }
        if (q.resource() != null) {
            params.add(q.resource());
            where.append(" and $").append(params.size()).append(" = any(string_to_array(a.resources, ','))");
        }
        if (q.outcome() != null) {
            params.add(q.outcome());
            where.append(" and a.status = $").append(params.size());
        }
        return PagedQuery.page(pool, "select " + COLUMNS + LINKED + where + " order by a.id desc",
                "select count(*) from audit_record a" + where, params, page, AuditLog::from);
    }

    /** How many records {@link #seal} linked. */
    public Uni<Integer> seal(int batch) {
        return pool.withTransaction(tx -> tx.preparedQuery("select pg_try_advisory_xact_lock($1) as mine").execute(Tuple.of(SEAL_LOCK))
                .flatMap(lock -> {
                    if (!lock.iterator().next().getBoolean("mine")) {
                        return Uni.createFrom().item(0);
                    }
                    // past the cursor and below the commit horizon, in commit-order of the writing transactions
                    return tx.preparedQuery("select " + RECORD + ", null::bigint as seq, null::text as prev_hash, null::text as hash "
                                    + "from audit_record a where (a.tx, a.id) > ((select tx from audit_seal_cursor), (select id from audit_seal_cursor)) "
                                    + "and a.tx < pg_snapshot_xmin(pg_current_snapshot()) order by a.tx, a.id limit $1")
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
                    AuditRecord last = records.get(records.size() - 1);
                    Uni<RowSet<Row>> links = tx.preparedQuery("insert into audit_seal (region, id, seq, prev_hash, hash) "
                                    + "select * from unnest($1::varchar[], $2::bigint[], $3::bigint[], $4::text[], $5::text[])")
                            .execute(Tuple.of(region.toArray(String[]::new), id.toArray(Long[]::new), seq.toArray(Long[]::new),
                                    prev.toArray(String[]::new), hash.toArray(String[]::new)));
                    Uni<RowSet<Row>> cursor = tx.preparedQuery("update audit_seal_cursor c set tx = a.tx, id = a.id from audit_record a "
                                    + "where a.region = $1 and a.id = $2")
                            .execute(Tuple.of(last.region(), last.id()));
                    List<String> hr = new ArrayList<>(next.keySet());
                    Uni<RowSet<Row>> heads2 = tx.preparedQuery("insert into audit_chain (region, seq, hash) "
                                    + "select * from unnest($1::varchar[], $2::bigint[], $3::text[]) "
                                    + "on conflict (region) do update set seq = excluded.seq, hash = excluded.hash")
                            .execute(Tuple.of(hr.toArray(String[]::new), hr.stream().map(k -> (Long) next.get(k)[0]).toArray(Long[]::new),
                                    hr.stream().map(k -> (String) next.get(k)[1]).toArray(String[]::new)));
                    return links.flatMap(u -> cursor).flatMap(u -> heads2).replaceWith(records.size());
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
                        + "(select count(*) from audit_record a where a.region = $1 "
                        + "and not exists (select 1 from audit_seal s where s.region = a.region and s.id = a.id)) as unsealed")
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
        // links whose record was removed are walked too (the record reads as null and breaks the chain there)
        return pool.preparedQuery("select " + COLUMNS.replaceFirst("a\\.id", "s.id as id").replaceFirst("a\\.region", "s.region as region")
                        + " from audit_seal s left join audit_record a on a.region = s.region "
                        + "and a.id = s.id where s.region = $1 and s.seq > $2 order by s.seq limit $3")
                .execute(Tuple.of(region, afterSeq, VERIFY_BATCH))
                .flatMap(rows -> {
                    List<AuditRecord> batch = new ArrayList<>();
                    rows.forEach(row -> batch.add(row.getOffsetDateTime("at") == null
                            ? AuditRecord.missing(row.getString("region"), row.getLong("id"), row.getLong("seq"), row.getString("prev_hash"),
                                    row.getString("hash"))
                            : from(row)));
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
                    // (unsealed records have no link yet and are kept); a record's link goes with it
                    return tx.preparedQuery("with bound as (select s.region, coalesce((select min(n.seq) from audit_seal n join audit_record r "
                                    + "on r.region = n.region and r.id = n.id where n.region = s.region and r.at >= $1), max(s.seq) + 1) as keep_from "
                                    + "from audit_seal s join audit_record o on o.region = s.region and o.id = s.id where o.at < $1 group by s.region), "
                                    + "unlinked as (delete from audit_seal s using bound b where s.region = b.region and s.seq < b.keep_from "
                                    + "returning s.region, s.id), "
                                    + "gone as (delete from audit_record a using unlinked u where a.region = u.region and a.id = u.id "
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
