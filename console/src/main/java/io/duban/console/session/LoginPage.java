package io.duban.console.session;

import io.duban.console.api.ApiProblem;
import io.duban.console.api.OrgClient;
import io.duban.console.api.OrgModels.LoginResult;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import org.jboss.resteasy.reactive.RestForm;

/**
 * Sign-in with org-service's accounts. The login form is protected by a double-submit CSRF token
 * (a cookie and a hidden field, since there is no session yet). Wrong password, lock-out, a missing
 * second factor and the per-address rate limit come back from org-service as problems and are shown
 * as its Chinese detail.
 */
@Path("/login")
@Produces(MediaType.TEXT_HTML)
public class LoginPage {

    @CheckedTemplate(basePath = "session")
    static class Templates {
        static native TemplateInstance login(LoginForm form);
    }

    /** What the login page shows. */
    public record LoginForm(String csrf, String next, String username, String message, boolean expired,
                            boolean loggedOut, boolean totpRequired) {
    }

    @Inject
    OrgClient org;

    @Inject
    SessionCodec codec;

    @Inject
    CurrentSession current;

    @Inject
    ConsoleConfig config;

    @GET
    public Response form(@QueryParam("next") String next, @QueryParam("expired") String expired,
                         @QueryParam("loggedOut") String loggedOut) {
        return page(new LoginForm(null, safeNext(next), "", null, expired != null, loggedOut != null, false), 200);
    }

    @POST
    public Uni<Response> signIn(@RestForm String username, @RestForm String password, @RestForm String totp,
                                @RestForm String next, @RestForm("_csrf") String csrf,
                                @CookieParam(SessionCookies.LOGIN_CSRF) String csrfCookie,
                                @Context HttpServerRequest request) {
        String user = username == null ? "" : username.trim();
        if (csrf == null || csrfCookie == null || !java.security.MessageDigest.isEqual(csrf.getBytes(), csrfCookie.getBytes())) {
            return Uni.createFrom().item(page(new LoginForm(null, safeNext(next), user, "页面已过期，请重新登录。",
                    false, false, false), 400));
        }
        if (user.isEmpty() || password == null || password.isEmpty()) {
            return Uni.createFrom().item(page(new LoginForm(null, safeNext(next), user, "请输入用户名和密码。",
                    false, false, false), 400));
        }
        String address = request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
        return org.login(address, user, password, totp)
                .map(r -> signedIn(r, safeNext(next)))
                .onFailure(ApiProblem.class).recoverWithItem(e -> {
                    ApiProblem p = (ApiProblem) e;
                    boolean totpRequired = p.body().path("totpRequired").asBoolean(false);
                    String message = p.status() == 401 && !totpRequired ? "用户名或密码错误。" : p.detail();
                    int status = p.status() >= 500 ? 503 : p.status();
                    return page(new LoginForm(null, safeNext(next), user, message, false, false, totpRequired), status);
                });
    }

    private Response signedIn(LoginResult r, String next) {
        long now = Instant.now().getEpochSecond();
        var a = r.account();
        Session s = new Session(r.accessToken(), r.refreshToken(), now + r.expiresIn(), a.id(), a.username(),
                a.displayName(), a.role(), a.region(), a.unitId(), a.unitName(), r.mustChangePassword(),
                codec.randomToken(), now, r.totpEnrolmentRequired());
        current.set(s);
        String to = s.mustChangePassword() ? "/account/password" : s.totpEnrolmentRequired() ? "/account/totp"
                : next != null ? next : "/";
        return Response.seeOther(URI.create(to))
                .header(HttpHeaders.SET_COOKIE, SessionCookies.expired(SessionCookies.LOGIN_CSRF, config.secureCookie()))
                .build();
    }

    private Response page(LoginForm form, int status) {
        String token = codec.randomToken();
        LoginForm withToken = new LoginForm(token, form.next(), form.username(), form.message(), form.expired(),
                form.loggedOut(), form.totpRequired());
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(Templates.login(withToken).render())
                .header(HttpHeaders.SET_COOKIE, SessionCookies.cookie(SessionCookies.LOGIN_CSRF, token, config.secureCookie(), 3600))
                .build();
    }

    /** Only a path of this site: never another host (an open redirect). */
    static String safeNext(String next) {
        if (next == null || next.isBlank() || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")
                || next.startsWith("/login")) {
            return null;
        }
        return next;
    }
}
