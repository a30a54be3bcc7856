package io.duban.org.auth;

import io.duban.common.web.Ids;
import io.duban.org.credential.RefreshTokens;
import io.duban.org.credential.PasswordHasher;
import io.duban.org.credential.LoginAttempts;
import io.duban.org.credential.AuthEvents;
import io.duban.org.credential.AuthConfig;
import io.duban.common.problem.FieldError;
import io.duban.common.problem.ProblemException;
import io.duban.common.security.Roles;
import io.duban.org.account.Account;
import io.duban.org.account.AccountDtos.AccountView;
import io.duban.org.account.AccountRepository;
import io.duban.org.account.AccountService;
import io.duban.org.account.PasswordPolicy;
import io.duban.org.account.SecurityPolicy;
import io.duban.org.auth.AuthDtos.LoginRequest;
import io.duban.org.auth.AuthDtos.LoginResponse;
import io.duban.org.auth.AuthDtos.TotpEnrolment;
import io.duban.org.credential.AuthEvents.Kind;
import io.duban.org.common.AuditInSession;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;

/**
 * Sign-in of people: password (bcrypt), lock-out, the per-address limit, TOTP, access and refresh tokens, and what
 * a signed-in person does to their own account (password, TOTP enrolment).
 */
@ApplicationScoped
public class SignInService {

    static final String RESTRICT_PASSWORD = "password-change";
    static final String RESTRICT_TOTP = "totp-enrolment";

    @Inject
    AccountRepository accounts;

    @Inject
    AccountService accountService;

    @Inject
    PasswordHasher hasher;

    @Inject
    LoginAttempts attempts;

    @Inject
    RefreshTokens refreshTokens;

    @Inject
    TokenIssuer issuer;

    @Inject
    AuthEvents events;

    @Inject
    SignInRateLimiter limiter;

    @Inject
    TotpSeals seals;

    @Inject
    AuthConfig config;

    @Inject
    AuditInSession audit;

    /** Checks the address's rate limit; throws 429 when it is spent. */
    public Uni<Void> checkRate(String address, String username) {
        var wait = limiter.attempt(address);
        if (wait.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return events.record(null, Kind.RATE_LIMITED, null, username, address, null, null)
                .map(x -> {
                    throw AuthProblem.tooManyAttempts(wait.get());
                });
    }

    @WithSession
    public Uni<LoginResponse> login(LoginRequest req, String address) {
        String username = req == null || req.username() == null ? "" : req.username().strip();
        String password = req == null || req.password() == null ? "" : req.password();
        String totp = req == null || req.totp() == null ? "" : req.totp().strip();
        return checkRate(address, username)
                .chain(() -> username.isEmpty() || username.length() > 64 ? Uni.createFrom().nullItem() : accounts.findByUsername(username))
                .chain(a -> {
                    if (a == null) {
                        return hasher.verify(password, null)
                                .chain(x -> events.record(null, Kind.LOGIN_FAILED, null, username, address, null, "unknown user"))
                                .map(x -> fail(AuthProblem.badCredentials()));
                    }
                    OffsetDateTime now = OffsetDateTime.now();
                    if (a.lockedAt(now)) {
                        return events.record(a.region, Kind.LOGIN_REFUSED_LOCKED, a.id, a.username, address, null, null)
                                .map(x -> fail(AuthProblem.locked(a.lockedUntil.toInstant(), config.lockDuration())));
                    }
                    return hasher.verify(password, a.passwordHash).chain(ok -> {
                        if (!ok) {
                            return failure(a, address, Kind.LOGIN_FAILED, AuthProblem.badCredentials());
                        }
                        if (!a.active) {
                            return events.record(a.region, Kind.LOGIN_REFUSED_INACTIVE, a.id, a.username, address, null, null)
                                    .map(x -> fail(AuthProblem.badCredentials()));
                        }
                        return secondFactor(a, totp, address).chain(enrolmentRequired -> signIn(a, address, enrolmentRequired));
                    });
                });
    }

    /** True when the person must enrol TOTP first; fails when a code is needed and missing or wrong. */
    private Uni<Boolean> secondFactor(Account a, String code, String address) {
        if (a.totpEnabled) {
            if (code.isEmpty()) {
                return Uni.createFrom().failure(AuthProblem.totpRequired(false));
            }
            OptionalLong step = Totp.verify(seals.open(a.totpSecret, aad(a)), code, System.currentTimeMillis() / 1000);
            if (step.isEmpty()) {
                return failure(a, address, Kind.TOTP_FAILED, AuthProblem.totpRequired(true));
            }
            return attempts.useTotpStep(a.region, a.id, step.getAsLong()).chain(fresh -> fresh
                    ? Uni.createFrom().item(false)
                    : failure(a, address, Kind.TOTP_FAILED, AuthProblem.totpRequired(true)));
        }
        if (!Roles.SUPERVISOR.equals(a.role)) {
            return Uni.createFrom().item(false);
        }
        return SecurityPolicy.<SecurityPolicy>findById(a.region).map(p -> p != null && p.supervisorTotpRequired);
    }

    /** Counts a failure; answers 423 when this failure locked the account, else {@code problem}. */
    private <T> Uni<T> failure(Account a, String address, Kind kind, AuthProblem problem) {
        return attempts.fail(a.region, a.id).chain(f -> {
            Uni<Void> log = events.record(a.region, kind, a.id, a.username, address, null, "failures=" + f.failedAttempts());
            if (f.lockedNow()) {
                log = log.chain(() -> events.record(a.region, Kind.LOCKED, a.id, a.username, address, null, "until " + f.lockedUntil()));
            }
            if (f.lockedUntil() != null) {
                // this failure locked the account, or a concurrent one did while this password was being checked
                return log.map(x -> fail(AuthProblem.locked(f.lockedUntil().toInstant(), config.lockDuration())));
            }
            return log.map(x -> fail(problem));
        });
    }

    private Uni<LoginResponse> signIn(Account a, String address, boolean totpEnrolmentRequired) {
        return attempts.succeed(a.region, a.id).chain(ok -> {
            if (!ok) {
                // locked (or deactivated) between the password check and now
                return accounts.findInRegion(a.region, a.id).map(fresh -> fail(fresh != null && fresh.lockedUntil != null
                        ? AuthProblem.locked(fresh.lockedUntil.toInstant(), config.lockDuration()) : AuthProblem.badCredentials()));
            }
            // the entity was read before the UPDATE; show the sign-in just recorded (it is never flushed from here)
            a.lastLoginAt = OffsetDateTime.now();
            OffsetDateTime absolute = a.lastLoginAt.plus(config.sessionMax());
            return events.record(a.region, Kind.LOGIN_OK, a.id, a.username, address, null, null)
                    .chain(() -> session(a, absolute, totpEnrolmentRequired));
        });
    }

    private Uni<LoginResponse> session(Account a, OffsetDateTime absolute, boolean totpEnrolmentRequired) {
        return refreshTokens.issue(a.region, a.id, absolute).chain(r -> accountService.view(a).map(view -> {
            String restricted = a.mustChangePassword ? RESTRICT_PASSWORD : totpEnrolmentRequired ? RESTRICT_TOTP : null;
            Set<String> groups = restricted == null ? Set.of(a.role) : Set.of();
            String unit = Roles.UNIT.equals(a.role) && a.unitId != null ? a.unitId.toString() : null;
            String access = issuer.sign(a.id.toString(), a.username, a.region, groups, unit, restricted);
            long refreshIn = Math.max(0, r.expiresAt().toEpochSecond() - OffsetDateTime.now().toEpochSecond());
            return new LoginResponse(access, "Bearer", issuer.ttlSeconds(), r.token(), refreshIn, a.mustChangePassword,
                    totpEnrolmentRequired, view);
        }));
    }

    /** Rotates a refresh token: the old one is revoked, a new session pair returned; 401 when it is not usable. */
    @WithSession
    public Uni<LoginResponse> refresh(String token, String address) {
        return refreshTokens.use(token).chain(used -> {
            if (used == null) {
                return Uni.createFrom().failure(AuthProblem.invalidRefreshToken());
            }
            return accounts.findInRegion(used.region(), used.accountId()).chain(a -> {
                if (a == null || !a.active || a.lockedAt(OffsetDateTime.now())) {
                    return Uni.createFrom().failure(AuthProblem.invalidRefreshToken());
                }
                return secondFactorPolicy(a).chain(enrol -> events.record(a.region, Kind.REFRESH, a.id, a.username, address, null, null)
                        .chain(() -> session(a, used.absoluteExpiry(), enrol)));
            });
        });
    }

    private Uni<Boolean> secondFactorPolicy(Account a) {
        if (a.totpEnabled || !Roles.SUPERVISOR.equals(a.role)) {
            return Uni.createFrom().item(false);
        }
        return SecurityPolicy.<SecurityPolicy>findById(a.region).map(p -> p != null && p.supervisorTotpRequired);
    }

    public Uni<Void> logout(String token, String address) {
        return refreshTokens.revoke(token).call(() -> {
            String region = token != null && token.length() > 6 ? token.substring(0, 6) : null;
            return events.record(region != null && region.matches("\\d{6}") ? region : null, Kind.LOGOUT, null, null, address, null, null);
        });
    }

    @WithSession
    public Uni<AccountView> me(String region, String subject) {
        return own(region, subject).chain(accountService::view);
    }

    /** Changes one's own password; the current one must be right and the new one must follow the rule. */
    public Uni<Void> changePassword(String region, String subject, String current, String next, String address) {
        PasswordPolicy.check(next).ifPresent(m -> {
            throw ProblemException.validation(m, List.of(new FieldError("newPassword", m)));
        });
        if (next.equals(current)) {
            throw ProblemException.invalidField("newPassword", "新密码不能与当前密码相同");
        }
        return readOwn(region, subject)
                .chain(a -> hasher.verify(current == null ? "" : current, a.passwordHash).map(ok -> {
                    if (!ok) {
                        throw ProblemException.invalidField("currentPassword", "当前密码不正确");
                    }
                    return a;
                }))
                .chain(a -> hasher.hash(next).chain(hash -> accountService.storePassword(a.region, a.id, hash, false,
                                Kind.PASSWORD_CHANGED, 204))
                        .chain(() -> events.record(a.region, Kind.PASSWORD_CHANGED, a.id, a.username, address, a.username, null)));
    }

    @WithSession
    Uni<Account> readOwn(String region, String subject) {
        return own(region, subject);
    }

    /** Starts (or restarts) TOTP enrolment: a new seed, sealed and stored, shown this once. 409 when TOTP is on. */
    @WithTransaction
    public Uni<TotpEnrolment> enrolTotp(String region, String subject, String address) {
        return own(region, subject).chain(a -> {
            if (a.totpEnabled) {
                throw ProblemException.conflict("动态验证码已启用；如需更换手机，请督办中心重置后重新绑定");
            }
            byte[] seed = Totp.newSeed();
            a.totpSecret = seals.seal(seed, aad(a));
            String uri = Totp.uri(config.totpIssuer(), a.username, seed);
            return events.record(a.region, Kind.TOTP_ENROLMENT_STARTED, a.id, a.username, address, a.username, null)
                    .call(x -> accounts.flush()).call(x -> audit.record(200))
                    .map(x -> new TotpEnrolment(Totp.base32(seed), uri, QrSvg.of(uri)));
        });
    }

    /** Turns TOTP on once a code from the enrolled seed checks out. */
    public Uni<Void> confirmTotp(String region, String subject, String code, String address) {
        return enableTotp(region, subject, code)
                // the confirming code is spent: it cannot sign in afterwards
                .chain(e -> attempts.useTotpStep(e.account().region, e.account().id, e.step())
                        .chain(() -> events.record(e.account().region, Kind.TOTP_ENABLED, e.account().id, e.account().username, address,
                                e.account().username, null)));
    }

    record Enabled(Account account, long step) {
    }

    @WithTransaction
    Uni<Enabled> enableTotp(String region, String subject, String code) {
        return own(region, subject).map(a -> {
            if (a.totpEnabled) {
                throw ProblemException.conflict("动态验证码已启用");
            }
            if (a.totpSecret == null) {
                throw ProblemException.conflict("请先开始绑定（POST /api/v1/auth/totp/enrolment）");
            }
            OptionalLong step = Totp.verify(seals.open(a.totpSecret, aad(a)), code == null ? "" : code.strip(), System.currentTimeMillis() / 1000);
            if (step.isEmpty()) {
                throw ProblemException.invalidField("code", "动态验证码不正确");
            }
            a.totpEnabled = true;
            return new Enabled(a, step.getAsLong());
        }).call(e -> accounts.flush()).call(e -> audit.recordNaming(Kind.TOTP_ENABLED, 204));
    }

    private Uni<Account> own(String region, String subject) {
        UUID id = Ids.parse(subject);
        if (id == null) {
            throw ProblemException.notFound("此访问令牌不属于任何账号");
        }
        return accounts.findInRegion(region, id).map(a -> {
            if (a == null || !a.active) {
                throw ProblemException.notFound("此访问令牌不属于任何有效账号");
            }
            return a;
        });
    }

    static String aad(Account a) {
        return a.region + "/" + a.id;
    }

    private static <T> T fail(RuntimeException e) {
        throw e;
    }
}
