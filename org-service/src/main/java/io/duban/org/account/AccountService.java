package io.duban.org.account;

import io.duban.common.web.Ids;
import io.duban.common.problem.FieldError;
import io.duban.common.problem.ProblemException;
import io.duban.common.web.ETags;
import io.duban.common.web.Page;
import io.duban.common.web.PageRequest;
import io.duban.org.account.AccountDtos.AccountRequest;
import io.duban.org.account.AccountDtos.AccountView;
import io.duban.org.account.AccountDtos.CreatedAccount;
import io.duban.org.account.AccountDtos.PasswordResetRequest;
import io.duban.org.account.AccountDtos.PasswordResetResult;
import io.duban.org.credential.AuthEvents;
import io.duban.org.credential.AuthEvents.Kind;
import io.duban.org.credential.LoginAttempts;
import io.duban.org.credential.PasswordHasher;
import io.duban.org.credential.RefreshTokens;
import io.duban.org.common.PersistenceFailures;
import io.duban.org.unit.Unit;
import io.duban.org.unit.UnitRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.duban.org.common.AuditInSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/** A supervisor's management of its region's accounts and security policy. */
@ApplicationScoped
public class AccountService {

    static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9_.\\-]{3,32}");
    static final Pattern PHONE = Pattern.compile("[0-9+\\- ()]{3,20}");
    static final Set<String> ROLES = Set.of("supervisor", "unit", "viewer");

    @Inject
    AuditInSession audit;

    @Inject
    AccountRepository accounts;

    @Inject
    UnitRepository units;

    @Inject
    PasswordHasher hasher;

    @Inject
    RefreshTokens refreshTokens;

    @Inject
    LoginAttempts attempts;

    @Inject
    AuthEvents events;

    @WithSession
    public Uni<Page<AccountView>> list(String region, PageRequest page) {
        var query = accounts.find("region", Sort.by("username").and("id"), region);
        return unitNames(region).flatMap(names -> query.page(io.quarkus.panache.common.Page.of(page.page() - 1, page.size())).list()
                .flatMap(items -> query.count()
                        .map(total -> Page.of(items.stream().map(a -> AccountView.from(a, names)).toList(), total, page))));
    }

    @WithSession
    public Uni<AccountView> get(String region, UUID id) {
        return require(region, id).flatMap(a -> view(a));
    }

    /** The account with its unit's name; used by sign-in too. */
    public Uni<AccountView> view(Account a) {
        if (a.unitId == null) {
            return Uni.createFrom().item(AccountView.from(a, Map.of()));
        }
        return units.findInRegion(a.region, a.unitId)
                .map(u -> AccountView.from(a, u == null ? Map.of() : Map.of(u.id, u.name)));
    }

    public Uni<CreatedAccount> create(String region, AccountRequest req, String actor) {
        if (req == null) {
            throw ProblemException.invalidField("body", "请求体不能为空");
        }
        List<FieldError> errors = new ArrayList<>();
        String username = req.username() == null ? "" : req.username().strip();
        if (!USERNAME.matcher(username).matches()) {
            errors.add(new FieldError("username", "用户名应为3至32位字母、数字或 _ . -"));
        }
        String displayName = req.displayName() == null ? "" : req.displayName().strip();
        if (displayName.isEmpty() || displayName.length() > 50) {
            errors.add(new FieldError("displayName", "姓名（显示名）不能为空，最多50个字"));
        }
        if (req.role() == null || !ROLES.contains(req.role())) {
            errors.add(new FieldError("role", "角色应为 supervisor、unit 或 viewer"));
        }
        UUID unitId = null;
        if (req.unitId() != null && !req.unitId().isBlank()) {
            unitId = Ids.parse(req.unitId().strip());
            if (unitId == null) {
                errors.add(new FieldError("unitId", "单位不存在"));
            }
        } else if ("unit".equals(req.role())) {
            errors.add(new FieldError("unitId", "单位账号必须指定所属单位"));
        }
        String phone = req.phone() == null || req.phone().isBlank() ? null : req.phone().strip();
        if (phone != null && !PHONE.matcher(phone).matches()) {
            errors.add(new FieldError("phone", "电话号码格式不正确"));
        }
        boolean generated = req.password() == null || req.password().isEmpty();
        String password = generated ? PasswordPolicy.generate() : req.password();
        PasswordPolicy.check(password).ifPresent(m -> errors.add(new FieldError("password", m)));
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors.get(0).message(), errors);
        }
        UUID unit = unitId;
        boolean mustChange = req.mustChangePassword() == null || req.mustChangePassword();
        return hasher.hash(password).flatMap(hash -> insert(region, username, displayName, req.role(), unit, phone, hash, mustChange))
                .call(v -> events.record(region, Kind.ACCOUNT_CREATED, UUID.fromString(v.id()), v.username(), null, actor, "role=" + v.role()))
                .map(v -> CreatedAccount.of(v, generated ? password : null));
    }

    @WithTransaction
    Uni<AccountView> insert(String region, String username, String displayName, String role, UUID unitId, String phone,
                            String hash, boolean mustChange) {
        Uni<Unit> unit = unitId == null ? Uni.createFrom().nullItem() : units.findInRegion(region, unitId);
        return unit.flatMap(u -> {
            if (unitId != null && (u == null || !u.active)) {
                throw ProblemException.invalidField("unitId", "单位不存在或已停用");
            }
            return LoginName.<LoginName>findById(AccountRepository.key(username)).flatMap(taken -> {
                if (taken != null) {
                    throw usernameTaken(username);
                }
                Account a = new Account();
                a.id = UUID.randomUUID();
                a.region = region;
                a.username = username;
                a.displayName = displayName;
                a.role = role;
                a.unitId = unitId;
                a.phone = phone;
                a.passwordHash = hash;
                a.mustChangePassword = mustChange;
                LoginName n = new LoginName();
                n.usernameKey = AccountRepository.key(username);
                n.region = region;
                n.accountId = a.id;
                return accounts.persist(a).call(() -> n.persist()).call(accounts::flush)
                        .call(saved -> audit.recordNaming(Kind.ACCOUNT_CREATED, 201, saved.id.toString()))
                        .map(saved -> AccountView.from(saved, u == null ? Map.of() : Map.of(u.id, u.name)));
            });
        }).onFailure(PersistenceFailures::isUniqueViolation).transform(e -> usernameTaken(username));
    }

    /** Deactivates (idempotent) and revokes every refresh token of the account. */
    public Uni<Void> deactivate(String region, UUID id, String callerSubject, String actor) {
        if (id.toString().equals(callerSubject)) {
            throw ProblemException.conflict("不能停用自己的账号");
        }
        return setInactive(region, id)
                .call(() -> refreshTokens.revokeAll(region, id))
                .call(() -> events.record(region, Kind.ACCOUNT_DEACTIVATED, id, null, null, actor, null));
    }

    /** Its record (204) commits with it; the refresh tokens are revoked and the sign-in log written after the commit. */
    @WithTransaction
    Uni<Void> setInactive(String region, UUID id) {
        return require(region, id).invoke(a -> a.active = false).call(a -> accounts.flush())
                .call(a -> audit.recordNaming(Kind.ACCOUNT_DEACTIVATED, 204)).replaceWithVoid();
    }

    /** Sets a generated (or given) password that must be changed at the next sign-in; revokes sessions, clears a lock. */
    public Uni<PasswordResetResult> resetPassword(String region, UUID id, PasswordResetRequest req, String actor) {
        boolean generated = req == null || req.password() == null || req.password().isEmpty();
        String password = generated ? PasswordPolicy.generate() : req.password();
        PasswordPolicy.check(password).ifPresent(m -> {
            throw ProblemException.invalidField("password", m);
        });
        boolean mustChange = req == null || req.mustChangePassword() == null || req.mustChangePassword();
        return hasher.hash(password).flatMap(hash -> storePassword(region, id, hash, mustChange, Kind.PASSWORD_RESET, 200))
                .call(() -> refreshTokens.revokeAll(region, id))
                .call(() -> attempts.clear(region, id))
                .call(() -> events.record(region, Kind.PASSWORD_RESET, id, null, null, actor, null))
                .map(x -> new PasswordResetResult(generated ? password : null));
    }

    /**
     * Stores a password hash with the request's audit record ({@code status}, naming {@code event}: a reset or one's own
     * change) in one transaction.
     */
    @WithTransaction
    public Uni<Void> storePassword(String region, UUID id, String hash, boolean mustChange, Kind event, int status) {
        return require(region, id).invoke(a -> {
            a.passwordHash = hash;
            a.mustChangePassword = mustChange;
            a.passwordChangedAt = OffsetDateTime.now();
        }).call(a -> accounts.flush()).call(a -> audit.recordNaming(event, status)).replaceWithVoid();
    }

    /** Turns the second factor off (a lost phone); the person enrols again at the next sign-in. */
    @WithTransaction
    public Uni<Void> resetTotp(String region, UUID id) {
        return require(region, id).invoke(a -> {
            a.totpEnabled = false;
            a.totpSecret = null;
        }).call(a -> accounts.flush()).call(a -> audit.record(204)).replaceWithVoid();
    }

    @WithSession
    public Uni<SecurityPolicy> policy(String region) {
        return SecurityPolicy.<SecurityPolicy>findById(region).map(p -> p != null ? p : defaults(region));
    }

    /** Replaces the policy; If-Match must carry the version read (a region without a row has version 0). */
    @WithTransaction
    public Uni<SecurityPolicy> replacePolicy(String region, String ifMatch, boolean supervisorTotpRequired) {
        return SecurityPolicy.<SecurityPolicy>findById(region).flatMap(p -> {
            long current = p == null ? 0 : p.version;
            ETags.check(ifMatch, current);
            if (p == null) {
                SecurityPolicy fresh = defaults(region);
                fresh.supervisorTotpRequired = supervisorTotpRequired;
                return fresh.<SecurityPolicy>persist();
            }
            p.supervisorTotpRequired = supervisorTotpRequired;
            return Uni.createFrom().item(p);
        }).call(p -> io.quarkus.hibernate.reactive.panache.Panache.flush()).call(p -> audit.record(200))
                .onFailure(PersistenceFailures::isStale).transform(e -> ProblemException.preconditionFailed("安全策略已被他人修改，请刷新后重试"))
                .onFailure(PersistenceFailures::isUniqueViolation).transform(e -> ProblemException.preconditionFailed("安全策略已被他人修改，请刷新后重试"));
    }

    private static SecurityPolicy defaults(String region) {
        SecurityPolicy p = new SecurityPolicy();
        p.region = region;
        return p;
    }

    Uni<Account> require(String region, UUID id) {
        return accounts.findInRegion(region, id).map(a -> {
            if (a == null) {
                throw ProblemException.notFound("账号不存在");
            }
            return a;
        });
    }

    private Uni<Map<UUID, String>> unitNames(String region) {
        return units.allInRegion(region).map(list -> {
            Map<UUID, String> m = new HashMap<>();
            list.forEach(u -> m.put(u.id, u.name));
            return m;
        });
    }

    private static ProblemException usernameTaken(String username) {
        return ProblemException.conflict("用户名已被使用：" + username).withErrors(List.of(new FieldError("username", "用户名已被使用")));
    }
}
