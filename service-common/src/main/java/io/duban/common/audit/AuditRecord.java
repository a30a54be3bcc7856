package io.duban.common.audit;

import java.time.Instant;

/**
 * One line of the audit trail (安全审计): who (actor, role, unit), where (region, source address), when, what (method,
 * route template, resource ids, event), the outcome (HTTP status) and the SHA-256 of the request body — never the body
 * itself, a password, secret or token. {@code seq}, {@code prevHash} and {@code hash} are null until the sealer has
 * linked the record into its region's chain.
 */
public record AuditRecord(long id, String region, Instant at, String actor, String actorRole, String actorUnit,
        String source, String method, String route, String resources, int status, String bodySha256, String event,
        Long seq, String prevHash, String hash) {

    /** A record of the service's own doing (a scheduled job), not of a request. */
    public static AuditRecord bySystem(String region, String actor, String method, String route, int status, String event) {
        return new AuditRecord(0, region, null, actor, "system", null, null, method, route, null, status, null, event,
                null, null, null);
    }

    /** The link of a record that is gone from audit_record (removed by hand): no content, only where it was. */
    public static AuditRecord missing(String region, long id, long seq, String prevHash, String hash) {
        return new AuditRecord(id, region, null, null, null, null, null, null, null, null, 0, null, null, seq, prevHash, hash);
    }

    /**
     * The same record naming the event {@code kind} too: a write that commits its record in its own transaction names
     * there the sign-in-log event it will write after the commit.
     */
    public AuditRecord naming(String kind) {
        String named = event == null ? kind : java.util.Arrays.asList(event.split(",")).contains(kind) ? event : event + "," + kind;
        return new AuditRecord(id, region, at, actor, actorRole, actorUnit, source, method, route, resources, status,
                bodySha256, named, seq, prevHash, hash);
    }

    /** The same record linked at {@code seq} after {@code prevHash}. */
    public AuditRecord sealed(long seq, String prevHash, String hash) {
        return new AuditRecord(id, region, at, actor, actorRole, actorUnit, source, method, route, resources, status,
                bodySha256, event, seq, prevHash, hash);
    }
}
