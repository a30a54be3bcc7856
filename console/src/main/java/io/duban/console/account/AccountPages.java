package io.duban.console.account;

import io.duban.console.api.ApiProblem;
import io.duban.console.api.OrgClient;
import io.duban.console.api.OrgModels.Account;
import io.duban.console.api.OrgModels.ApiClient;
import io.duban.console.api.OrgModels.NewAccount;
import io.duban.console.api.OrgModels.NewApiClient;
import io.duban.console.api.OrgModels.Unit;
import io.duban.console.common.Chrome;
import io.duban.console.common.FormErrors;
import io.duban.console.session.CurrentSession;
import io.duban.console.session.Session;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;

/**
 * 账号 (supervisor): the region's accounts (create, deactivate, reset a password) and the API clients of
 * departments' own systems (register, rotate the secret). A new password or secret is shown once, here.
 */
@Path("/accounts")
@Produces(MediaType.TEXT_HTML)
public class AccountPages {

    @CheckedTemplate(basePath = "account")
    static class Templates {
        static native TemplateInstance accounts(Chrome chrome, List<Account> accounts, List<ApiClient> clients,
                                                List<Unit> units, AccountForm form, FormErrors errors,
                                                FormErrors clientErrors, OneTime oneTime);
    }

    /** The new-account form as entered. */
    public record AccountForm(String username, String displayName, String role, String unitId, String phone) {
        static final AccountForm EMPTY = new AccountForm("", "", "unit", "", "");
    }

    /** A secret shown once: whose, what kind, the value. */
    public record OneTime(String who, String label, String value) {
    }

    @Inject
    CurrentSession current;

    @Inject
    OrgClient org;

    @GET
    public Uni<TemplateInstance> list() {
        Session s = current.require("supervisor");
        return page(s, AccountForm.EMPTY, FormErrors.NONE, FormErrors.NONE, null);
    }

    @POST
    public Uni<Response> create(@RestForm("_csrf") String csrf, @RestForm String username, @RestForm String displayName,
                                @RestForm String role, @RestForm String unitId, @RestForm String phone) {
        current.require("supervisor");
        Session s = current.checkCsrf(csrf);
        AccountForm form = new AccountForm(username, displayName, role, unitId, phone);
        return org.createAccount(s, new NewAccount(trim(username), trim(displayName), role,
                        "unit".equals(role) ? trim(unitId) : null, trim(phone)))
                .flatMap(a -> page(s, AccountForm.EMPTY, FormErrors.NONE, FormErrors.NONE,
                        new OneTime(a.username(), "初始密码（仅显示一次，首次登录须修改）", a.initialPassword())))
                .map(AccountPages::ok)
                .onFailure(AccountPages::refused)
                .recoverWithUni(e -> page(s, form, FormErrors.of((ApiProblem) e), FormErrors.NONE, null).map(AccountPages::bad));
    }

    @POST
    @Path("{id}/deactivation")
    public Uni<Response> deactivate(@PathParam("id") String id, @RestForm("_csrf") String csrf) {
        current.require("supervisor");
        Session s = current.checkCsrf(csrf);
        return org.deactivateAccount(s, id).map(v -> Response.seeOther(URI.create("/accounts")).build());
    }

    @POST
    @Path("{id}/password-reset")
    public Uni<Response> reset(@PathParam("id") String id, @RestForm("_csrf") String csrf, @RestForm String username) {
        current.require("supervisor");
        Session s = current.checkCsrf(csrf);
        return org.resetPassword(s, id).flatMap(p -> page(s, AccountForm.EMPTY, FormErrors.NONE, FormErrors.NONE,
                new OneTime(username, "临时密码（仅显示一次，登录后须修改）", p.temporaryPassword()))).map(AccountPages::ok);
    }

    @POST
    @Path("clients")
    public Uni<Response> createClient(@RestForm("_csrf") String csrf, @RestForm String name, @RestForm String role,
                                      @RestForm String unitId) {
        current.require("supervisor");
        Session s = current.checkCsrf(csrf);
        return org.createApiClient(s, new NewApiClient(trim(name), role, "unit".equals(role) ? trim(unitId) : null))
                .flatMap(c -> page(s, AccountForm.EMPTY, FormErrors.NONE, FormErrors.NONE,
                        new OneTime(c.name() + "（client_id: " + c.clientId() + "）", "接入密钥 client_secret（仅显示一次）",
                                c.clientSecret())))
                .map(AccountPages::ok)
                .onFailure(AccountPages::refused)
                .recoverWithUni(e -> page(s, AccountForm.EMPTY, FormErrors.NONE, FormErrors.of((ApiProblem) e), null)
                        .map(AccountPages::bad));
    }

    @POST
    @Path("clients/{id}/secret")
    public Uni<Response> rotate(@PathParam("id") String id, @RestForm("_csrf") String csrf, @RestForm String name) {
        current.require("supervisor");
        Session s = current.checkCsrf(csrf);
        return org.rotateSecret(s, id).flatMap(c -> page(s, AccountForm.EMPTY, FormErrors.NONE, FormErrors.NONE,
                new OneTime(name, "新的接入密钥 client_secret（仅显示一次，旧密钥已失效）", c.clientSecret()))).map(AccountPages::ok);
    }

    private Uni<TemplateInstance> page(Session s, AccountForm form, FormErrors errors, FormErrors clientErrors, OneTime oneTime) {
        return Uni.combine().all().unis(org.accounts(s), org.apiClients(s), org.units(s)).asTuple()
                .map(t -> Templates.accounts(Chrome.of(s, "accounts"), t.getItem1().items(), t.getItem2().items(),
                        t.getItem3().stream().filter(Unit::active).toList(), form, errors, clientErrors, oneTime));
    }

    private static boolean refused(Throwable e) {
        return e instanceof ApiProblem p && (p.status() == 400 || p.status() == 409 || p.status() == 422);
    }

    private static Response ok(TemplateInstance t) {
        return Response.ok(t.render()).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
    }

    private static Response bad(TemplateInstance t) {
        return Response.status(400).entity(t.render()).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
