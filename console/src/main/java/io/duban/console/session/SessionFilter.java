package io.duban.console.session;

import io.duban.console.api.ApiProblem;
import io.duban.console.api.OrgClient;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.net.URI;
import java.time.Instant;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Every page but the login page needs a session: no cookie, an altered one or one idle longer than
 * the idle timeout → the login page, remembering where the person wanted to go. An access token
 * about to expire is refreshed here with the refresh token (org-service rotates it). Someone who
 * must change their password sees only the change-password page, and someone whose region requires a
 * second factor they have not enrolled sees only the TOTP enrolment page. Every answer carries the
 * security headers (Content-Security-Policy without inline scripts).
 */
public class SessionFilter {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'self'";

    @Inject
    SessionCodec codec;

    @Inject
    CurrentSession current;

    @Inject
    ConsoleConfig config;

    @Inject
    OrgClient org;

    @ServerRequestFilter
    public Uni<Response> authenticate(ContainerRequestContext ctx) {
        String path = ctx.getUriInfo().getPath();
        if (isPublic(path)) {
            return Uni.createFrom().nullItem();
        }
        Cookie cookie = ctx.getCookies().get(SessionCookies.SESSION);
        var opened = codec.open(cookie == null ? null : cookie.getValue());
        long now = Instant.now().getEpochSecond();
        if (opened.isEmpty()) {
            return Uni.createFrom().item(toLogin(ctx, false));
        }
        Session s = opened.get();
        if (now - s.lastSeen() > config.idleTimeout().toSeconds()) {
            current.clear();
            return Uni.createFrom().item(toLogin(ctx, true));
        }
        if (s.mustChangePassword() && !path.equals("/account/password") && !path.equals("/logout")) {
            current.set(s.seen(now));
            return Uni.createFrom().item(Response.seeOther(URI.create("/account/password")).build());
        }
        if (s.totpEnrolmentRequired() && !s.mustChangePassword() && !path.startsWith("/account/totp")
                && !path.equals("/logout")) {
            current.set(s.seen(now));
            return Uni.createFrom().item(Response.seeOther(URI.create("/account/totp")).build());
        }
        if (s.accessExpiresAt() - now > 60) {
            touch(s, now);
            return Uni.createFrom().nullItem();
        }
        return org.refresh(s.refreshToken())
                .map(r -> {
                    current.set(s.withTokens(r.accessToken(), r.refreshToken(), now + r.expiresIn()).seen(now));
                    return (Response) null;
                })
                .onFailure(ApiProblem.class).recoverWithItem(e -> {
                    current.clear();
                    return toLogin(ctx, true);
                });
    }

    /**
     * The session is sealed again (a new cookie) only when its last-seen time is worth moving: every tenth of the
     * idle timeout (at most a minute), not on every request — a page then costs no encryption and no Set-Cookie.
     */
    private void touch(Session s, long now) {
        long every = Math.min(60, Math.max(1, config.idleTimeout().toSeconds() / 10));
        if (now - s.lastSeen() >= every) {
            current.set(s.seen(now));
        } else {
            current.use(s);
        }
    }

    @ServerResponseFilter
    public void securityHeaders(ContainerResponseContext response) {
        var h = response.getHeaders();
        if (!h.containsKey("Content-Security-Policy")) {
            h.putSingle("Content-Security-Policy", CSP);
        }
        h.putSingle("X-Content-Type-Options", "nosniff");
        h.putSingle("Referrer-Policy", "same-origin");
        if (!h.containsKey("Cache-Control")) {
            h.putSingle("Cache-Control", "no-store");
        }
        if (current.cleared()) {
            h.add(HttpHeaders.SET_COOKIE, SessionCookies.expired(SessionCookies.SESSION, config.secureCookie()));
        } else if (current.changed()) {
            h.add(HttpHeaders.SET_COOKIE, SessionCookies.cookie(SessionCookies.SESSION, codec.seal(current.get()),
                    config.secureCookie(), -1));
        }
    }

    static boolean isPublic(String path) {
        return path.equals("/login") || path.startsWith("/static/") || path.startsWith("/q/") || path.equals("/favicon.ico");
    }

    private static Response toLogin(ContainerRequestContext ctx, boolean expired) {
        String wanted = ctx.getUriInfo().getRequestUri().getRawPath();
        String query = ctx.getUriInfo().getRequestUri().getRawQuery();
        if (query != null) {
            wanted += "?" + query;
        }
        UriBuilder to = UriBuilder.fromPath("/login");
        if (ctx.getMethod().equals("GET") && !wanted.equals("/")) {
            to.queryParam("next", wanted);
        }
        if (expired) {
            to.queryParam("expired", "1");
        }
        return Response.seeOther(to.build()).build();
    }
}
