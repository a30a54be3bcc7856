package io.duban.org.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A person's account in one region, as stored. Key (region, id); ids are random UUIDs. The sign-in counters
 * (failed attempts, lock, last TOTP step) are written by single SQL statements in {@code LoginAttempts}, never
 * through this entity, so concurrent sign-ins cannot lose a count.
 */
@Entity
@Table(name = "account")
public class Account {

    @Id
    public UUID id;

    @Column(nullable = false, updatable = false, length = 6)
    public String region;

    @Column(nullable = false, updatable = false, length = 32)
    public String username;

    @Column(name = "display_name", nullable = false, length = 50)
    public String displayName;

    @Column(nullable = false, length = 16)
    public String role;

    @Column(name = "unit_id")
    public UUID unitId;

    @Column(length = 20)
    public String phone;

    @Column(nullable = false)
    public boolean active = true;

    @Column(name = "password_hash", nullable = false)
    public String passwordHash;

    @Column(name = "must_change_password", nullable = false)
    public boolean mustChangePassword = true;

    @Column(name = "failed_attempts", insertable = false, updatable = false)
    public int failedAttempts;

    @Column(name = "locked_until", insertable = false, updatable = false)
    public OffsetDateTime lockedUntil;

    @Column(name = "totp_secret")
    public String totpSecret;

    @Column(name = "totp_enabled", nullable = false)
    public boolean totpEnabled;

    @Column(name = "totp_last_step", insertable = false, updatable = false)
    public Long totpLastStep;

    @Column(name = "last_login_at", insertable = false, updatable = false)
    public OffsetDateTime lastLoginAt;

    @Column(name = "password_changed_at", nullable = false)
    public OffsetDateTime passwordChangedAt = OffsetDateTime.now();

    @Version
    public long version;

    /** True while a lock set by failed sign-ins has not run out. */
    public boolean lockedAt(OffsetDateTime now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}
