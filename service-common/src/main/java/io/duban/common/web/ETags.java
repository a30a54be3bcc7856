package io.duban.common.web;

import io.duban.common.problem.ProblemException;

/**
 * Optimistic concurrency over HTTP: a resource's version travels as a strong ETag
 * ({@code "3"}); writes must send it back in {@code If-Match}.
 */
public final class ETags {

    private ETags() {
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /**
     * The version the client claims to have seen. Missing header → 428; a header that names no
     * version of ours can never match → 412.
     */
    public static long requireVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw ProblemException.preconditionRequired("修改此资源需要 If-Match 请求头（取自读取时的 ETag）。");
        }
        String v = ifMatch.trim();
        if (v.startsWith("W/")) {
            v = v.substring(2);
        }
        if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
            v = v.substring(1, v.length() - 1);
        }
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw ProblemException.preconditionFailed("If-Match 与资源的当前版本不符，请重新读取后再修改。");
        }
    }

    /** Fails with 412 unless the client's version is the current one. */
    public static void check(String ifMatch, long currentVersion) {
        if (requireVersion(ifMatch) != currentVersion) {
            throw ProblemException.preconditionFailed("资源已被他人修改（当前版本 " + currentVersion + "），请重新读取后再修改。");
        }
    }
}
