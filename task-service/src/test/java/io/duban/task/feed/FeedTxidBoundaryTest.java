package io.duban.task.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.duban.task.support.Api;
import io.duban.testing.Regions;
import io.duban.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The feed's order and its cursor compare transaction ids as numbers. Rows are written with
 * chosen transaction ids on both sides of powers of ten (999 → 1000, 9999 → 10000, and any higher
 * one the cluster has passed), where the text of the ids sorts differently from their value
 * ("1000" &lt; "999"); a reader following the feed with any page size must see each row once, in
 * (txid, id) order.
 */
@QuarkusTest
class FeedTxidBoundaryTest {

    static final String SYSTEM = Tokens.system("*");

    /** A written row: its transaction id and sequence id (the feed's sort key) and its entity id. */
    record Written(long txid, long id, String entity) {
    }

    static List<Long> boundaries;

    @BeforeAll
    static void pastTenThousand() throws Exception {
        try (Connection c = ChangeFeedTest.jdbc(); Statement st = c.createStatement()) {
            long current = currentTxid(st);
            // A fresh cluster may not have reached 10000 yet: spend transaction ids (one each) until it has,
            // so the chosen ids below lie in the past and the feed hands them out.
            if (current < 10_100) {
                st.execute("do $$ begin for i in 1.." + (10_100 - current)
                        + " loop perform pg_current_xact_id(); commit; end loop; end $$");
                current = currentTxid(st);
            }
            List<Long> b = new ArrayList<>();
            for (long p = 1000; p + 100 < current; p *= 10) {
                b.add(p);
            }
            boundaries = b;
        }
    }

    private static long currentTxid(Statement st) throws Exception {
        try (ResultSet rs = st.executeQuery("select pg_current_xact_id()::text")) {
            rs.next();
            return Long.parseLong(rs.getString(1));
        }
    }

    @Test
    void readsEveryRowOnceInOrderAcrossPowersOfTenWithSmallAndLargePages() throws Exception {
        assertTrue(boundaries.contains(1000L) && boundaries.contains(10_000L), "boundaries " + boundaries);
        String region = Regions.fresh();
        List<Written> rows = new ArrayList<>();
        try (Connection c = ChangeFeedTest.jdbc()) {
            for (long b : boundaries) {
                for (long t = b - 3; t <= b + 2; t++) {
                    rows.add(insert(c, region, t));
                    if (t % 2 == 0) {
                        rows.add(insert(c, region, t)); // two rows of one transaction
                    }
                }
            }
        }
        List<Written> expected = sorted(rows);
        for (int limit : new int[] {1, 2, 3, 7, 1000, 5000}) {
            List<String> read = new ArrayList<>();
            for (long b : boundaries) {
                read.addAll(readRange(region, b - 4, b + 2, limit));
            }
            assertEquals(expected.stream().map(Written::entity).toList(), read, "page size " + limit);
        }
        // From the very start of the feed (no cursor), in pages of 1000: the first page must start at the oldest row.
        List<String> all = readRange(region, -1, Long.MAX_VALUE, 1000);
        assertEquals(expected.stream().map(Written::entity).toList(), all, "the whole feed from no cursor");
    }

    /**
     * A property over random cases: several writers on their own connections insert rows with ids near a boundary
     * in a random interleaving; a reader with a random page size then sees exactly the written facts, in order.
     */
    @Test
    void concurrentWritersNearABoundaryAreReadExactlyOnce() throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        for (int trial = 0; trial < 8; trial++) {
            String region = Regions.fresh();
            long boundary = boundaries.get(random.nextInt(boundaries.size()));
            int writers = 2 + random.nextInt(3);
            List<List<Long>> plans = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                List<Long> txids = new ArrayList<>();
                int n = 1 + random.nextInt(6);
                for (int i = 0; i < n; i++) {
                    txids.add(boundary - 5 + random.nextInt(10));
                }
                plans.add(txids);
            }
            ConcurrentLinkedQueue<Written> rows = new ConcurrentLinkedQueue<>();
            ExecutorService pool = Executors.newFixedThreadPool(writers);
            CyclicBarrier start = new CyclicBarrier(writers);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (List<Long> plan : plans) {
                    long jitter = random.nextLong();
                    done.add(pool.submit(() -> {
                        Random r = new Random(jitter);
                        try (Connection c = ChangeFeedTest.jdbc()) {
                            start.await();
                            for (long t : plan) {
                                Thread.sleep(r.nextInt(3));
                                rows.add(insert(c, region, t));
                            }
                        }
                        return null;
                    }));
                }
                for (Future<?> f : done) {
                    f.get();
                }
            } finally {
                pool.shutdownNow();
            }
            int limit = 1 + random.nextInt(random.nextBoolean() ? 4 : 200);
            List<String> read = readRange(region, boundary - 6, boundary + 5, limit);
            assertEquals(sorted(new ArrayList<>(rows)).stream().map(Written::entity).toList(), read,
                    "seed " + seed + ", trial " + trial + ", boundary " + boundary + ", page size " + limit);
        }
    }

    private static Written insert(Connection c, String region, long txid) throws Exception {
        UUID entity = UUID.randomUUID();
        try (PreparedStatement st = c.prepareStatement("insert into change_log (txid, region, type, entity_id, data) "
                + "values (?::text::xid8, ?, 'PLAN', ?, '{}'::jsonb) returning id")) {
            st.setString(1, Long.toString(txid));
            st.setString(2, region);
            st.setObject(3, entity);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return new Written(txid, rs.getLong(1), entity.toString());
            }
        }
    }

    private static List<Written> sorted(List<Written> rows) {
        List<Written> s = new ArrayList<>(rows);
        s.sort(Comparator.comparingLong(Written::txid).thenComparingLong(Written::id));
        return Collections.unmodifiableList(s);
    }

    /**
     * Follows the feed from just after transaction {@code fromTxid} (or from its start when negative) until a page ends
     * past {@code toTxid} or the feed has no more; returns the ids of {@code region}'s items in the order read.
     */
    private static List<String> readRange(String region, long fromTxid, long toTxid, int limit) {
        List<String> ids = new ArrayList<>();
        String cursor = fromTxid < 0 ? null : fromTxid + ":" + Long.MAX_VALUE;
        while (true) {
            var request = Api.as(SYSTEM).queryParam("limit", limit);
            if (cursor != null) {
                request.queryParam("after", cursor);
            }
            JsonPath page = request.get("/api/v1/changes").then().statusCode(200).extract().jsonPath();
            for (Map<String, Object> item : page.<Map<String, Object>>getList("items")) {
                String at = (String) item.get("cursor");
                if (region.equals(item.get("region")) && Long.parseLong(at.substring(0, at.indexOf(':'))) <= toTxid) {
                    ids.add((String) item.get("id"));
                }
            }
            cursor = page.getString("next");
            long reached = cursor == null || cursor.isEmpty() ? -1 : Long.parseLong(cursor.substring(0, cursor.indexOf(':')));
            if (!page.getBoolean("hasMore") || reached > toTxid) {
                return ids;
            }
        }
    }
}
