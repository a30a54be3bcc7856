package io.duban.common.audit;

import java.util.List;

/** Audit records as CSV (RFC 4180, UTF-8 with a BOM so Excel on a Chinese Windows reads it). */
final class AuditCsv {

    static final String HEADER = "id,region,at,actor,actorRole,actorUnit,source,method,route,resources,status,bodySha256,event,seq,prevHash,hash";

    private AuditCsv() {
    }

    static String write(List<AuditRecord> records) {
        StringBuilder b = new StringBuilder("\uFEFF").append(HEADER).append("\r\n");
        for (AuditRecord r : records) {
            Object[] cells = {r.id(), r.region(), r.at(), r.actor(), r.actorRole(), r.actorUnit(), r.source(), r.method(), r.route(),
                r.resources(), r.status(), r.bodySha256(), r.event(), r.seq(), r.prevHash(), r.hash()};
            for (int i = 0; i < cells.length; i++) {
                if (i > 0) {
                    b.append(',');
                }
                b.append(cell(cells[i]));
            }
            b.append("\r\n");
        }
        return b.toString();
    }

    /** Quotes what needs it; a leading =, +, - or @ is prefixed with ' so a spreadsheet does not run it as a formula. */
    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String s = value.toString();
        if (!s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 && !(value instanceof Number)) {
            s = "'" + s;
        }
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }
}
