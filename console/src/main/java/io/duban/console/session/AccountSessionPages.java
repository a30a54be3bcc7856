package io.duban.console.session;

import io.duban.console.api.ApiProblem;
import io.duban.console.api.OrgClient;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.jboss.resteasy.reactive.RestForm;

/** The home redirect by role, logout, and changing one's own password. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class AccountSessionPages {

    @CheckedTemplate(basePath = "session")
    static class Templates {
        static native TemplateInstance password(Chrome chrome, boolean forced, boolean done, FormErrors errors);
    }

    @Inject
    CurrentSession current;

    @Inject
    OrgClient org;

    @GET
    public Response home() {
        Session s = current.get();
        String to = s.unit() ? "/workbench" : s.aboveCounty() ? "/province" : "/dashboard";
        return Response.seeOther(URI.create(to)).build();
    }

    @POST
    @Path("logout")
    public Uni<Response> logout(@RestForm("_csrf") String csrf) {
        Session s = current.checkCsrf(csrf);
        current.clear();
        return org.logout(s.refreshToken()).onFailure().recoverWithNull()
                .map(v -> Response.seeOther(URI.create("/login?loggedOut=1")).build());
    }

    @GET
    @Path("account/password")
    public TemplateInstance passwordForm() {
        Session s = current.get();
        return Templates.password(Chrome.of(s, "password"), s.mustChangePassword(), false, FormErrors.NONE);
    }

    @POST
    @Path("account/password")
    public Uni<Response> changePassword(@RestForm("_csrf") String csrf, @RestForm String currentPassword,
                                        @RestForm String newPassword, @RestForm String confirmPassword) {
        Session s = current.checkCsrf(csrf);
        if (newPassword == null || !newPassword.equals(confirmPassword)) {
            return Uni.createFrom().item(form(s, 400, FormErrors.field("confirmPassword", "两次输入的新密码不一致。")));
        }
        // the token of a must-change sign-in is good for /auth/* only: a refresh brings the full one
        return org.changePassword(s, currentPassword, newPassword)
                .chain(v -> org.refresh(s.refreshToken()))
                .map(r -> {
                    long now = java.time.Instant.now().getEpochSecond();
                    Session changed = s.withTokens(r.accessToken(), r.refreshToken(), now + r.expiresIn()).passwordChanged()
                            .totpEnrolment(r.totpEnrolmentRequired());
                    current.set(changed);
                    return Response.ok(Templates.password(Chrome.of(changed, "password"), false, true, FormErrors.NONE)
                            .render()).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
                })
                .onFailure(p -> p instanceof ApiProblem a && (a.status() == 400 || a.status() == 422))
                .recoverWithItem(e -> form(s, 400, FormErrors.of((ApiProblem) e)));
    }

    private Response form(Session s, int status, FormErrors errors) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(Templates.password(Chrome.of(s, "password"), s.mustChangePassword(), false, errors).render())
                .build();
    }
}
