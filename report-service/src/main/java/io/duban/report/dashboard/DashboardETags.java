package io.duban.report.dashboard;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Conditional GET of a dashboard: a weak ETag of (this process's start, the data version, asOf, plan filter), so a
 * wall screen polling an unchanged dashboard gets 304 after one primary-key read. The process start is in it because
 * a new build may compute the same version differently.
 */
public final class DashboardETags {

    private static final String BOOT = Long.toString(System.currentTimeMillis(), 36);

    private DashboardETags() {
    }

    public static String of(long version, LocalDate asOf, UUID planId, Integer trendYear) {
        return "W/\"" + BOOT + "-" + version + "-" + asOf + (planId == null ? "" : "-" + planId)
                + (trendYear == null ? "" : "-y" + trendYear) + "\"";
    }

    /** The same for the summary over the regions whose code starts with {@code prefix}, at their summed version. */
    public static String ofSummary(long version, LocalDate asOf, String prefix) {
        return "W/\"" + BOOT + "-s" + prefix + "-" + version + "-" + asOf + "\"";
    }

    /** Whether an {@code If-None-Match} header names this ETag (or is {@code *}); weak comparison, as GET allows. */
    public static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        String opaque = opaque(etag);
        for (String candidate : ifNoneMatch.split(",")) {
            String c = candidate.trim();
            if (c.equals("*") || opaque(c).equals(opaque)) {
                return true;
            }
        }
        return false;
    }

    public static Response notModified(String etag) {
        return Response.notModified().header(HttpHeaders.ETAG, etag).header(HttpHeaders.CACHE_CONTROL, "private, no-cache").build();
    }

    public static Response ok(DashboardCache.Versioned v, String etag) {
        return ok(v.dashboard(), etag);
    }

    public static Response ok(Object body, String etag) {
        return Response.ok(body).header(HttpHeaders.ETAG, etag).header(HttpHeaders.CACHE_CONTROL, "private, no-cache").build();
    }

    private static String opaque(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }
}
