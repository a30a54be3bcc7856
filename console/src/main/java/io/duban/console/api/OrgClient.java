package io.duban.console.api;

import io.duban.console.api.OrgModels.Account;
import io.duban.console.api.OrgModels.ApiClient;
import io.duban.console.api.OrgModels.ClientSecret;
import io.duban.console.api.OrgModels.LoginRequest;
import io.duban.console.api.OrgModels.LoginResult;
import io.duban.console.api.OrgModels.NewAccount;
import io.duban.console.api.OrgModels.NewApiClient;
import io.duban.console.api.OrgModels.PasswordChange;
import io.duban.console.api.OrgModels.RefreshRequest;
import io.duban.console.api.OrgModels.TemporaryPassword;
import io.duban.console.api.OrgModels.Unit;
import io.duban.console.session.Session;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** org-service as the console uses it, with the signed-in person's token. */
@ApplicationScoped
public class OrgClient {

    private static final String NAME = "组织机构服务";

    @RestClient
    OrgApi api;

    final Calls calls;

    public OrgClient(Calls calls) {
        this.calls = calls;
    }

    public Uni<LoginResult> login(String clientAddress, String username, String password, String totp) {
        return calls.guard(NAME, api.login(clientAddress, new LoginRequest(username, password,
                totp == null || totp.isBlank() ? null : totp.trim())));
    }

    public Uni<LoginResult> refresh(String refreshToken) {
        return calls.guard(NAME, api.refresh(new RefreshRequest(refreshToken)));
    }

    public Uni<Void> logout(String refreshToken) {
        return calls.guard(NAME, api.logout(new RefreshRequest(refreshToken))).replaceWithVoid();
    }

    public Uni<Void> changePassword(Session s, String current, String next) {
        return calls.guard(NAME, api.changePassword(s.bearer(), new PasswordChange(current, next))).map(Calls::ok)
                .replaceWithVoid();
    }

    /** The signed-in person's own account (whether TOTP is on). */
    public Uni<Account> me(Session s) {
        return calls.guard(NAME, api.me(s.bearer()));
    }

    public Uni<OrgModels.TotpEnrolment> startTotpEnrolment(Session s) {
        return calls.guard(NAME, api.startTotpEnrolment(s.bearer()));
    }

    public Uni<Void> confirmTotp(Session s, String code) {
        return calls.guard(NAME, api.confirmTotp(s.bearer(), new OrgModels.TotpCode(code))).map(Calls::ok).replaceWithVoid();
    }

    /** Every unit of the region (active first), by name. */
    public Uni<List<Unit>> units(Session s) {
        return calls.guard(NAME, api.units(s.bearer(), s.region(), 1, 500)).map(p -> {
            List<Unit> all = new ArrayList<>(p.items());
            all.sort(Comparator.comparing((Unit u) -> !u.active()));
            return all;
        });
    }

    /** The unit table (TSV: name, kind, aliases, parent), UTF-8 or GB18030. */
    public Uni<OrgModels.UnitImport> importUnits(Session s, byte[] table) {
        return calls.guard(NAME, api.importUnits(s.bearer(), s.region(), "text/tab-separated-values", table));
    }

    public Uni<Unit> unit(Session s, String id) {
        return calls.guard(NAME, api.unit(s.bearer(), s.region(), id));
    }

    public Uni<Paged<Account>> accounts(Session s) {
        return calls.guard(NAME, api.accounts(s.bearer(), s.region(), 1, 500));
    }

    public Uni<Account> createAccount(Session s, NewAccount a) {
        return calls.guard(NAME, api.createAccount(s.bearer(), s.region(), a));
    }

    public Uni<Void> deactivateAccount(Session s, String id) {
        return calls.guard(NAME, api.deactivateAccount(s.bearer(), s.region(), id)).map(Calls::ok).replaceWithVoid();
    }

    public Uni<TemporaryPassword> resetPassword(Session s, String id) {
        return calls.guard(NAME, api.resetPassword(s.bearer(), s.region(), id));
    }

    public Uni<Paged<ApiClient>> apiClients(Session s) {
        return calls.guard(NAME, api.apiClients(s.bearer(), s.region()));
    }

    public Uni<ApiClient> createApiClient(Session s, NewApiClient c) {
        return calls.guard(NAME, api.createApiClient(s.bearer(), s.region(), c));
    }

    public Uni<ClientSecret> rotateSecret(Session s, String id) {
        return calls.guard(NAME, api.rotateSecret(s.bearer(), s.region(), id));
    }
}
