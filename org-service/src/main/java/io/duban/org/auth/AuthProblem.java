package io.duban.org.auth;

import io.duban.common.problem.Problems;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The sign-in answers that are not one of the shared problem types: bad credentials, TOTP required, account
 * locked, too many attempts. Same RFC 9457 body as every other problem.
 */
public class AuthProblem extends RuntimeException {

    public static final String BAD_CREDENTIALS_TEXT = "用户名或密码错误";

    final int status;
    final String slug;
    final String title;
    final String detail;
    final Map<String, Object> members = new LinkedHashMap<>();
    Duration retryAfter;

    private AuthProblem(int status, String slug, String title, String detail) {
        super(slug, null, false, false);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.detail = detail;
    }

    public static AuthProblem badCredentials() {
        return new AuthProblem(401, "bad-credentials", "Bad credentials", BAD_CREDENTIALS_TEXT);
    }

    public static AuthProblem totpRequired(boolean codeGiven) {
        AuthProblem p = new AuthProblem(401, "totp-required", "TOTP code required",
                codeGiven ? "动态验证码错误或已使用，请输入验证器中的新验证码" : "请输入验证器中的6位动态验证码");
        p.members.put("totpRequired", true);
        return p;
    }

    public static AuthProblem locked(Instant until, Duration lock) {
        AuthProblem p = new AuthProblem(423, "account-locked", "Account locked",
                "账号已锁定，请" + Math.max(1, (lock.toSeconds() + 59) / 60) + "分钟后再试");
        p.members.put("lockedUntil", until.toString());
        return p;
    }

    public static AuthProblem tooManyAttempts(Duration retryAfter) {
        AuthProblem p = new AuthProblem(429, "too-many-attempts", "Too many attempts", "登录尝试过于频繁，请稍后再试");
        p.retryAfter = retryAfter;
        p.members.put("retryAfter", Math.max(1, retryAfter.toSeconds()));
        return p;
    }

    public static AuthProblem invalidRefreshToken() {
        return new AuthProblem(401, "invalid-refresh-token", "Invalid refresh token", "登录已过期，请重新登录");
    }

    /** Maps the exception to its problem+json answer. */
    public static class Mapper {
        @ServerExceptionMapper
        public Response map(AuthProblem p) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("type", "https://duban.io/problems/" + p.slug);
            body.put("title", p.title);
            body.put("status", p.status);
            body.put("detail", p.detail);
            body.putAll(p.members);
            Response.ResponseBuilder r = Response.status(p.status).type(Problems.MEDIA_TYPE).entity(body)
                    .header("Cache-Control", "no-store");
            if (p.retryAfter != null) {
                r.header("Retry-After", Math.max(1, p.retryAfter.toSeconds()));
            }
            return r.build();
        }
    }
}
