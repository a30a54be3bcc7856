package io.duban.common.security;

import io.duban.common.problem.ProblemType;
import io.duban.common.problem.Problems;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Tenant isolation for every {@code /regions/{region}/…} path: the region must be a 6-digit
 * GB/T 2260 code and equal the token's {@code region} claim. A {@code system} token whose region
 * claim is {@code *} may act in every region (the services' own calls to each other).
 */
public class RegionGuard {

    private static final Pattern REGION = Pattern.compile("\\d{6}");

    @Inject
    Caller caller;

    @ServerRequestFilter
    public Response checkRegion(UriInfo uri) {
        String region = uri.getPathParameters().getFirst("region");
        if (region == null) {
            return null;
        }
        if (!caller.authenticated()) {
            return Problems.response(ProblemType.UNAUTHORIZED, "需要有效的访问令牌（Bearer JWT）。", null);
        }
        if (!REGION.matcher(region).matches()) {
            return Problems.response(ProblemType.NOT_FOUND, "行政区划代码应为 6 位数字：" + abbreviate(region), null);
        }
        String claimed = caller.region().orElse("");
        if (claimed.equals(region) || (caller.isSystem() && claimed.equals("*"))) {
            return null;
        }
        return Problems.response(ProblemType.FORBIDDEN, "访问令牌不属于行政区划 " + region + "。", null);
    }

    private static String abbreviate(String s) {
        return s.length() > 20 ? s.substring(0, 20) + "…" : s;
    }
}
