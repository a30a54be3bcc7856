package io.duban.org.account;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** API shapes of accounts and the region's security policy. */
public final class AccountDtos {

    private AccountDtos() {
    }

    /** An account as the API shows it (never its password hash or TOTP seed). */
    public record AccountView(String id, String username, String displayName,
                              @Schema(enumeration = {"supervisor", "unit", "viewer"}) String role, String region,
                              String unitId, String unitName, String phone, boolean totpEnabled, boolean active,
                              boolean mustChangePassword, OffsetDateTime lockedUntil, OffsetDateTime lastLoginAt) {

        public static AccountView from(Account a, Map<UUID, String> unitNames) {
            OffsetDateTime now = OffsetDateTime.now();
            return new AccountView(a.id.toString(), a.username, a.displayName, a.role, a.region,
                    a.unitId == null ? null : a.unitId.toString(), a.unitId == null ? null : unitNames.get(a.unitId),
                    a.phone, a.totpEnabled, a.active, a.mustChangePassword, a.lockedAt(now) ? a.lockedUntil : null, a.lastLoginAt);
        }
    }

    /** A new account. Without {@code password} one is generated and returned once as {@code initialPassword}. */
    public record AccountRequest(
            @Schema(description = "3–32 characters: letters, digits, _ . -; unique in every region regardless of case") String username,
            @Schema(description = "at most 50 characters") String displayName,
            @Schema(enumeration = {"supervisor", "unit", "viewer"}) String role,
            @Schema(description = "required for role unit: an active unit of the region") String unitId,
            String phone,
            @Schema(description = "optional initial password (the complexity rule applies)") String password,
            @Schema(description = "default true: the password must be changed at the first sign-in") Boolean mustChangePassword) {
    }

    /** The created account with the generated password, shown this once. */
    public record CreatedAccount(String id, String username, String displayName, String role, String region,
                                 String unitId, String unitName, String phone, boolean totpEnabled, boolean active,
                                 boolean mustChangePassword, OffsetDateTime lockedUntil, OffsetDateTime lastLoginAt,
                                 @Schema(description = "only when generated; shown once") String initialPassword) {

        static CreatedAccount of(AccountView v, String initialPassword) {
            return new CreatedAccount(v.id(), v.username(), v.displayName(), v.role(), v.region(), v.unitId(), v.unitName(),
                    v.phone(), v.totpEnabled(), v.active(), v.mustChangePassword(), v.lockedUntil(), v.lastLoginAt(), initialPassword);
        }
    }

    /** Optional body of a password reset; without it a temporary password is generated and must be changed. */
    public record PasswordResetRequest(String password, Boolean mustChangePassword) {
    }

    public record PasswordResetResult(@Schema(description = "only when generated; shown once") String temporaryPassword) {
    }

    public record SecurityPolicyView(boolean supervisorTotpRequired) {
    }
}
