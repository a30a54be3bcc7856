package io.duban.common.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;

/**
 * The hash chain of a region's audit trail: each record's hash is SHA-256 over the previous record's hash and the
 * record's own fields, each written with its length (so no field can borrow characters from the next). Editing,
 * removing or reordering any record breaks every link after it; {@link #verify} names the first broken one.
 */
public final class AuditChain {

    /** The previous hash of a region's first record. */
    public static final String GENESIS = "0".repeat(64);

    private AuditChain() {
    }

    public static String hash(String prevHash, long seq, AuditRecord r) {
        StringBuilder b = new StringBuilder(256);
        field(b, prevHash);
        field(b, Long.toString(seq));
        field(b, r.region());
        field(b, Long.toString(r.id()));
        field(b, Long.toString(ChronoUnit.MICROS.between(java.time.Instant.EPOCH, r.at())));
        field(b, r.actor());
        field(b, r.actorRole());
        field(b, r.actorUnit());
        field(b, r.source());
        field(b, r.method());
        field(b, r.route());
        field(b, r.resources());
        field(b, Integer.toString(r.status()));
        field(b, r.bodySha256());
        field(b, r.event());
        return sha256(b.toString());
    }

    private static void field(StringBuilder b, String value) {
        if (value == null) {
            b.append("-;");
        } else {
            b.append(value.length()).append(':').append(value).append(';');
        }
    }

    public static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Where a chain broke: the record (by id and seq) and why, in Chinese for the supervisor. */
    public record Break(long id, long seq, String reason) {
    }

    /**
     * Walks sealed records in seq order from {@code expectedPrev} (the oldest remaining record's stored previous hash
     * when older records were removed by retention) and {@code expectedSeq}; the first broken link, or null.
     */
    public static Break verify(List<AuditRecord> records, String expectedPrev, long expectedSeq) {
        String prev = expectedPrev;
        long seq = expectedSeq;
        for (AuditRecord r : records) {
            if (r.seq() == null || r.seq() != seq) {
                return new Break(r.id(), r.seq() == null ? -1 : r.seq(), "序号不连续：应为 " + seq + "（记录缺失或被插入）");
            }
            if (r.at() == null) {
                return new Break(r.id(), seq, "记录已被删除（其链接仍在）");
            }
            if (!prev.equals(r.prevHash())) {
                return new Break(r.id(), seq, "前一条记录的哈希不符（前一条记录被修改、删除或调换）");
            }
            if (!hash(prev, seq, r).equals(r.hash())) {
                return new Break(r.id(), seq, "记录内容与其哈希不符（记录被修改）");
            }
            prev = r.hash();
            seq++;
        }
        return null;
    }
}
