package io.duban.report.province;

import io.duban.common.problem.ProblemException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The regions a token's region code covers under GB/T 2260: a province code ({@code 370000})
 * covers every code starting with {@code 37}, a prefecture ({@code 370300}) every code starting
 * with {@code 3703}, a county only itself; {@code *} (system tokens) covers everything.
 */
public final class RegionScope {

    private static final Pattern PREFIX = Pattern.compile("\\d{0,6}");
    private static final Pattern CODE = Pattern.compile("\\d{6}");

    private RegionScope() {
    }

    /** The code prefix {@code region} stands for: trailing "00" pairs dropped, "" for {@code *}. */
    public static String prefixOf(String region) {
        if ("*".equals(region)) {
            return "";
        }
        String p = region;
        while (p.length() > 2 && p.endsWith("00")) {
            p = p.substring(0, p.length() - 2);
        }
        return p;
    }

    /**
     * The prefix a request asks for: the caller's own when none is asked, else the asked one if the
     * caller covers it (403 otherwise, 400 when it is not digits).
     */
    public static String resolve(String callerRegion, Optional<String> asked) {
        // only a 6-digit code names a jurisdiction; "37" or "3" would cover a province or half the country
        if (!"*".equals(callerRegion) && (callerRegion == null || !CODE.matcher(callerRegion).matches())) {
            throw ProblemException.forbidden("令牌的行政区划（region）应为 6 位代码。");
        }
        String own = prefixOf(callerRegion);
        if (asked.isEmpty() || asked.get().isBlank()) {
            return own;
        }
        String p = asked.get().trim();
        if (!PREFIX.matcher(p).matches()) {
            throw ProblemException.invalidField("regionPrefix", "regionPrefix 应为 1 至 6 位数字（行政区划代码的前几位），收到：" + abbreviate(p));
        }
        if (!p.startsWith(own)) {
            throw ProblemException.forbidden("只能查询本辖区（行政区划代码以 " + (own.isEmpty() ? "任意数字" : own) + " 开头）的数据。");
        }
        return p;
    }

    /**
     * A county the caller may read above its own county (a prefecture or province reading one of its counties,
     * read-only): {@code county} must be a 6-digit code (404 otherwise: it names nothing) that the caller's code
     * covers (403 otherwise). A county caller covers only itself.
     */
    public static String requireCovered(String callerRegion, String county) {
        if (county == null || !CODE.matcher(county).matches()) {
            throw ProblemException.notFound("行政区划代码应为 6 位数字。");
        }
        String own = resolve(callerRegion, Optional.empty());
        if (!county.startsWith(own)) {
            throw ProblemException.forbidden("只能查看本辖区（行政区划代码以 " + (own.isEmpty() ? "任意数字" : own) + " 开头）的县。");
        }
        return county;
    }

    /** The half-open range [from, to) of 6-digit codes starting with {@code prefix} (to null when unbounded). */
    static String[] range(String prefix) {
        if (prefix.isEmpty()) {
            return new String[] {"", null};
        }
        long next = Long.parseLong(prefix) + 1;
        String upper = String.format("%0" + prefix.length() + "d", next);
        return new String[] {prefix, upper.length() > prefix.length() ? null : upper};
    }

    private static String abbreviate(String s) {
        return s.length() > 20 ? s.substring(0, 20) + "…" : s;
    }
}
