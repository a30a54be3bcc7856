package io.duban.org.credential;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The sign-in counters of an account, each changed by one UPDATE … RETURNING: the row lock serialises concurrent
 * attempts, so five concurrent failures count to five and exactly one of them sets the lock.
 */
@ApplicationScoped
public class LoginAttempts {

    /** After a failure: the count, the lock (null if none) and whether this failure set it. */
    public record Failure(int failedAttempts, OffsetDateTime lockedUntil, boolean lockedNow) {
    }

    @Inject
    Pool pool;

    @Inject
    AuthConfig config;

    /**
     * Counts a failure. An expired lock starts a new count; a failure while locked changes nothing; the failure that
     * reaches the limit sets {@code locked_until}.
     */
    public Uni<Failure> fail(String region, UUID id) {
        return pool.preparedQuery("""
                with cur as (
                  select failed_attempts, locked_until, (locked_until is not null and locked_until <= now()) as expired
                  from account where region = $1 and id = $2 for update)
                update account a set
                  failed_attempts = case when cur.locked_until > now() then a.failed_attempts
                                         when cur.expired then 1 else a.failed_attempts + 1 end,
                  locked_until = case when cur.locked_until > now() then cur.locked_until
                                      when (case when cur.expired then 1 else a.failed_attempts + 1 end) >= $3
                                        then now() + make_interval(secs => $4)
                                      else null end
                from cur
                where a.region = $1 and a.id = $2
                returning a.failed_attempts, a.locked_until, (cur.locked_until is null or cur.expired) and a.locked_until is not null as locked_now
                """).execute(Tuple.of(region, id, config.maxFailures(), (double) config.lockDuration().toMillis() / 1000.0))
                .map(rows -> {
                    Row r = rows.iterator().next();
                    return new Failure(r.getInteger(0), r.getOffsetDateTime(1), r.getBoolean(2));
                });
    }

    /** Resets the count and records the sign-in, unless the account is locked or inactive meanwhile (false then). */
    public Uni<Boolean> succeed(String region, UUID id) {
        return pool.preparedQuery("""
                update account set failed_attempts = 0, locked_until = null, last_login_at = now()
                where region = $1 and id = $2 and active and (locked_until is null or locked_until <= now())
                """).execute(Tuple.of(region, id)).map(rows -> rows.rowCount() == 1);
    }

    /** Takes a TOTP step for the account; false when it (or a later one) was already used: a code counts once. */
    public Uni<Boolean> useTotpStep(String region, UUID id, long step) {
        return pool.preparedQuery("""
                update account set totp_last_step = $3
                where region = $1 and id = $2 and (totp_last_step is null or totp_last_step < $3)
                """).execute(Tuple.of(region, id, step)).map(rows -> rows.rowCount() == 1);
    }

    /** Clears the count and the lock (a supervisor's password reset). */
    public Uni<Void> clear(String region, UUID id) {
        return pool.preparedQuery("update account set failed_attempts = 0, locked_until = null where region = $1 and id = $2")
                .execute(Tuple.of(region, id)).replaceWithVoid();
    }
}
