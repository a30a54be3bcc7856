package io.duban.common.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditChainTest {

    static AuditRecord record(long id, String actor, String resources) {
        return new AuditRecord(id, "370323", Instant.parse("2026-01-02T03:04:05.123456Z"), actor, "supervisor", null,
                "10.0.0.1", "POST", "/api/v1/regions/{region}/plans", resources, 201, "ab".repeat(32), null, null, null, null);
    }

    static List<AuditRecord> chain(int n) {
        List<AuditRecord> out = new ArrayList<>();
        String prev = AuditChain.GENESIS;
        for (int i = 1; i <= n; i++) {
            AuditRecord r = record(100 + i, "dsj_admin", "id-" + i);
            String h = AuditChain.hash(prev, i, r);
            out.add(r.sealed(i, prev, h));
            prev = h;
        }
        return out;
    }

    @Test
    void anIntactChainVerifies() {
        assertNull(AuditChain.verify(chain(5), AuditChain.GENESIS, 1));
        // after retention removed the first two, the rest verifies from the oldest one's stored previous hash
        List<AuditRecord> rest = chain(5).subList(2, 5);
        assertNull(AuditChain.verify(rest, rest.get(0).prevHash(), 3));
    }

    @Test
    void fieldsCannotBorrowFromTheirNeighbours() {
        AuditRecord a = record(1, "ab", "c");
        AuditRecord b = record(1, "a", "bc");
        assertNotEquals(AuditChain.hash(AuditChain.GENESIS, 1, a), AuditChain.hash(AuditChain.GENESIS, 1, b));
        AuditRecord none = record(1, "a", null);
        AuditRecord dash = record(1, "a", "-");
        assertNotEquals(AuditChain.hash(AuditChain.GENESIS, 1, none), AuditChain.hash(AuditChain.GENESIS, 1, dash));
    }

    @Test
    void anEditedRecordIsTheFirstBreak() {
        List<AuditRecord> c = chain(5);
        AuditRecord third = c.get(2);
        c.set(2, new AuditRecord(third.id(), third.region(), third.at(), "someone-else", third.actorRole(), third.actorUnit(),
                third.source(), third.method(), third.route(), third.resources(), third.status(), third.bodySha256(), third.event(),
                third.seq(), third.prevHash(), third.hash()));
        AuditChain.Break b = AuditChain.verify(c, AuditChain.GENESIS, 1);
        assertEquals(103, b.id());
        assertEquals(3, b.seq());
    }

    @Test
    void aRemovedOrReorderedRecordBreaksTheChain() {
        List<AuditRecord> removed = new ArrayList<>(chain(5));
        removed.remove(1);
        assertEquals(3, AuditChain.verify(removed, AuditChain.GENESIS, 1).seq());
        List<AuditRecord> swapped = new ArrayList<>(chain(5));
        AuditRecord x = swapped.get(3);
        swapped.set(3, swapped.get(4));
        swapped.set(4, x);
        assertEquals(5, AuditChain.verify(swapped, AuditChain.GENESIS, 1).seq());
        // a rehashed forgery still fails at its successor, whose stored previous hash no longer matches
        List<AuditRecord> forged = new ArrayList<>(chain(5));
        AuditRecord f = record(102, "forger", "id-2");
        forged.set(1, f.sealed(2, forged.get(0).hash(), AuditChain.hash(forged.get(0).hash(), 2, f)));
        assertEquals(3, AuditChain.verify(forged, AuditChain.GENESIS, 1).seq());
    }

    @Test
    void csvCellsAreQuotedAndFormulasDefused() {
        assertEquals("\"a,b\"", AuditCsv.cell("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", AuditCsv.cell("say \"hi\""));
        assertEquals("'=1+1", AuditCsv.cell("=1+1"));
        assertEquals("-5", AuditCsv.cell(-5));
        assertEquals("", AuditCsv.cell(null));
    }
}
