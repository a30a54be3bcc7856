package io.duban.console.session;

import io.duban.console.api.ApiProblem;
import io.duban.console.api.OrgClient;
import io.duban.console.api.OrgModels.TotpEnrolment;
import io.duban.console.common.Chrome;
import io.duban.console.common.FormErrors;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.jboss.resteasy.reactive.RestForm;

/**
 * 动态验证码 (TOTP, RFC 6238) for one's own account: start an enrolment (org-service draws the seed and draws
 * its otpauth URI as a QR code, SVG, shown this once), scan it with an authenticator app, confirm with a code.
 * From then on the login page asks for the code. A person whose region requires a second factor lands here
 * after sign-in until it is on (their token is restricted to this until then).
 */
@Path("/account/totp")
@Produces(MediaType.TEXT_HTML)
public class TotpPage {

    static final String SVG_DATA = "data:image/svg+xml;base64,";

    @CheckedTemplate(basePath = "session")
    static class Templates {
        static native TemplateInstance totp(Chrome chrome, TotpView view, FormErrors errors);
    }

    /**
     * What the page shows: whether TOTP is on, and during an enrolment the QR code (as a data URI of the
     * service's SVG: an image, never inline markup) and the seed for typing in by hand.
     */
    public record TotpView(boolean enabled, boolean required, boolean done, String qr, String secret) {

        public boolean enrolling() {
            return qr != null;
        }
    }

    @Inject
    CurrentSession current;

    @Inject
    OrgClient org;

    @GET
    public Uni<TemplateInstance> show(@QueryParam("done") String done) {
        Session s = current.get();
        if (s.totpEnrolmentRequired()) {
            // a restricted token may read /auth/me too, but there is nothing to show: TOTP is off
            return Uni.createFrom().item(Templates.totp(Chrome.of(s, "totp"), new TotpView(false, true, false, null, null),
                    FormErrors.NONE));
        }
        return org.me(s).map(a -> Templates.totp(Chrome.of(s, "totp"),
                new TotpView(a.totpEnabled(), false, done != null, null, null), FormErrors.NONE));
    }

    @POST
    @Path("enrolment")
    public Uni<Response> start(@RestForm("_csrf") String csrf) {
        Session s = current.checkCsrf(csrf);
        return org.startTotpEnrolment(s)
                .map(e -> page(s, 200, enrolling(s, e), FormErrors.NONE))
                .onFailure(p -> p instanceof ApiProblem a && a.status() == 409)
                .recoverWithItem(e -> Response.seeOther(URI.create("/account/totp")).build());
    }

    @POST
    @Path("confirmation")
    public Uni<Response> confirm(@RestForm("_csrf") String csrf, @RestForm String code, @RestForm String qr,
                                 @RestForm String secret) {
        Session s = current.checkCsrf(csrf);
        String entered = code == null ? "" : code.replaceAll("\\s", "");
        return org.confirmTotp(s, entered)
                .chain(v -> s.totpEnrolmentRequired() ? org.refresh(s.refreshToken()).map(r -> {
                    long now = Instant.now().getEpochSecond();
                    current.set(s.withTokens(r.accessToken(), r.refreshToken(), now + r.expiresIn())
                            .totpEnrolment(r.totpEnrolmentRequired()));
                    return v;
                }) : Uni.createFrom().item(v))
                .map(v -> Response.seeOther(URI.create("/account/totp?done=1")).build())
                .onFailure(p -> p instanceof ApiProblem a && (a.status() == 400 || a.status() == 422))
                .recoverWithItem(e -> page(s, 400, new TotpView(false, s.totpEnrolmentRequired(), false, image(qr),
                        secret == null ? "" : secret), FormErrors.of((ApiProblem) e)));
    }

    private static TotpView enrolling(Session s, TotpEnrolment e) {
        String qr = SVG_DATA + Base64.getEncoder().encodeToString(e.qrSvg().getBytes(StandardCharsets.UTF_8));
        return new TotpView(false, s.totpEnrolmentRequired(), false, qr, e.secret());
    }

    /** Only an SVG data URI goes back into the page's img (the form carries what the service drew). */
    private static String image(String qr) {
        return qr != null && qr.startsWith(SVG_DATA) && qr.substring(SVG_DATA.length()).matches("[A-Za-z0-9+/=]+") ? qr : "";
    }

    private Response page(Session s, int status, TotpView view, FormErrors errors) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(Templates.totp(Chrome.of(s, "totp"), view, errors).render()).build();
    }
}
